"""Trace statistics on small arrays whose answers are computed by hand."""
import numpy as np
import pytest

from stats import ar1_per_channel, consecutive_overlap, expert_rows, persistent_share


def test_consecutive_overlap_is_the_shared_share_of_top_k():
    a = np.array([[5, 4, 0, 0], [5, 0, 4, 0], [5, 0, 4, 0]], dtype=np.float32)
    assert consecutive_overlap(a, 2) == pytest.approx((0.5 + 1.0) / 2)


def test_persistent_share_counts_channels_in_the_top_tenth_for_most_tokens():
    a = np.zeros((4, 20), dtype=np.float32)  # top 10% of 20 channels = 2 channels per token
    a[:, 0] = 9          # in the top 2 for 4 of 4 tokens: persistent
    a[:3, 1] = 8         # 3 of 4 tokens: persistent
    a[3, 2] = a[3, 3] = 8  # at most 1 of 4 tokens each
    a[:2, 4] = 7         # third at tokens 0 and 1: never in the top 2
    assert persistent_share(a) == pytest.approx(2 / 20)


def test_ar1_is_the_lag_one_correlation_per_channel():
    a = np.array([[1, 1], [2, 2], [3, 1], [4, 2]], dtype=np.float64)
    r = ar1_per_channel(a)
    assert r[0] == pytest.approx(1.0)
    assert r[1] == pytest.approx(-1.0)


def test_expert_reuse_at_distance_one_and_four():
    e = np.array([[0, 1], [1, 2], [1, 2], [3, 0], [0, 1], [0, 1]], dtype=np.int32)
    manifest = {"model": "m", "layers": [0], "shape": {"experts": 4}}
    row = expert_rows([(manifest, {"layers.0.experts": e})])[0]
    assert row["reuse_d1"] == pytest.approx((0.5 + 1.0 + 0.0 + 0.5 + 1.0) / 5)
    assert row["reuse_d4"] == pytest.approx((1.0 + 0.5) / 2)
    assert row["reuse_uniform_baseline"] == 0.5
    assert row["top_expert_share"] == pytest.approx(5 / 12, abs=1e-4)  # expert 1: 5 of 12 picks
