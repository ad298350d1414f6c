"""compress_quant.py: the E8P grid is QuIP#'s, each quantiser keeps its format's structure, and the
bits per weight are the Java registry's (CompressedFormatBitsTest pins the same numbers)."""
import pytest
import torch

import compress_quant as cq


def weights(seed=0, rows=64, cols=512):
    g = torch.Generator().manual_seed(seed)
    return [torch.randn(rows, cols, generator=g), torch.randn(rows * 2, cols, generator=g) * 0.5]


def test_e8p_grid_is_2_to_the_16_distinct_points_of_e8_plus_a_quarter():
    grid = cq.e8p_grid("cpu").double()
    assert grid.shape[0] == 65536
    assert torch.unique(grid, dim=0).shape[0] == 65536
    # every point minus its +-1/4 shift lies in D8 + 1/2 (odd half-integers) with an even coordinate sum
    ok = torch.zeros(65536, dtype=torch.bool)
    for shift in (0.25, -0.25):
        p = grid - shift
        half = torch.all(torch.remainder(p * 2, 2) == 1, dim=1)
        even = torch.remainder(p.sum(dim=1), 2) == 0
        ok |= half & even
    assert bool(ok.all())
    # the largest coordinate: 5/2 from D8 + 1/2 within radius sqrt(10), plus the 1/4 shift
    assert float(grid.abs().max()) == 2.75


def test_bits_match_the_java_registry():
    assert cq.BITS["e8p"] == 2 + (16384 + 32 + 131072) / 2 ** 24
    assert cq.BITS["2of4-int4-g128"] == 3.0625
    assert cq.BITS["spqr-int3-g128-o1"] == pytest.approx(3.4528125)
    assert cq.BITS["aqlm-1x16"] == 2.50390625
    assert set(cq.FORMATS) == set(cq.BITS)


def test_nm_sparsity_keeps_n_of_every_m():
    w = weights()[0]
    q = cq.nm_sparse(w, 2, 4, "int4-g128")
    nz = (q.reshape(64, -1, 4) != 0).sum(dim=-1)
    assert int(nz.max()) <= 2
    kept = q.reshape(64, -1, 4).abs().argsort(dim=-1, descending=True)[..., :2].sort(dim=-1).values
    top = w.reshape(64, -1, 4).abs().argsort(dim=-1, descending=True)[..., :2].sort(dim=-1).values
    assert float((kept == top).double().mean()) > 0.95  # int4 rounding may zero a kept value


def test_spqr_keeps_one_percent_exactly_in_fp16():
    w = weights()[0]
    q = cq.spqr(w)
    k = round(0.01 * w.numel())
    idx = w.reshape(-1).abs().topk(k).indices
    assert torch.equal(q.reshape(-1)[idx], w.reshape(-1)[idx].half().float())


def test_ternary_is_three_levels_per_group():
    q = cq.ternary(weights()[0])
    for block in q.reshape(-1, 256):
        assert torch.unique(block).numel() <= 3


@pytest.mark.parametrize("name", ["vq-b4-d2", "vq-b8-d4", "aqlm-2x8", "int2-g128-asym", "int3-g128", "nf4", "e8p"])
def test_quantisers_fit_once_and_reduce_error_with_bits(name):
    ws = weights()
    q = cq.quantiser(name).fit(ws)
    for w in ws:
        out = q(w)
        assert out.shape == w.shape
        rel = float((out - w).norm() / w.norm())
        assert rel < 0.75, (name, rel)


def test_two_additive_books_beat_one_of_the_same_size():
    ws = weights()
    one = cq.VectorQuantiser(8, 8).fit(ws)
    two = cq.quantiser("aqlm-2x8").fit(ws)
    e1 = sum(float((one(w) - w).norm()) for w in ws)
    e2 = sum(float((two(w) - w).norm()) for w in ws)
    assert e2 < e1
