"""DIP split, LRU caches, DIP masking and Cache-Prior selection against hand-computed values."""
import math

import pytest
import torch
import torch.nn as nn

from policies import CachePriorRouter, DipMlp, LruCache, dip_split


def test_dip_split_keeps_overall_density_and_matches_the_optimised_rule():
    up, down = dip_split(0.5)
    assert up == pytest.approx(1 / (1 + math.exp(-0.29976477589716316)), abs=1e-12)  # logit(0.5) = 0
    assert up == pytest.approx(0.574385, abs=1e-6)
    assert down == pytest.approx(0.351230, abs=1e-6)
    for keep in (0.75, 0.5, 0.35, 0.25):
        u, d = dip_split(keep)
        assert (2 * u + d) / 3 == pytest.approx(keep, abs=1e-12)
    assert dip_split(1.0) == (1.0, 1.0)
    with pytest.raises(ValueError, match="density"):
        dip_split(0.0)


def test_lru_cache_counts_hits_and_evicts_the_least_recently_used():
    c = LruCache(1, 4, 2, "cpu")
    for items in ([0, 1], [1], [2], [0, 1]):
        mask = torch.zeros(1, 4, dtype=torch.bool)
        mask[0, items] = True
        c.access(mask)
    assert int(c.hits) == 2 and int(c.accesses) == 6  # hits: 1 at step 2, 1 at step 4 (0 was evicted at step 3)
    assert c.resident()[0].tolist() == [True, True, False, False]
    assert c.hit_rate() == pytest.approx(2 / 6)


def test_lru_cache_admits_only_capacity_items_of_an_oversized_mask():
    c = LruCache(3, 6, 2, "cpu", seed=5)
    c.access(torch.ones(3, 6, dtype=torch.bool))
    assert c.resident().sum(1).tolist() == [2, 2, 2]
    with pytest.raises(ValueError, match="capacity"):
        LruCache(1, 4, 5, "cpu")


class IdentityMlp(nn.Module):
    """A Llama-style GLU MLP whose gate, up and down projections are identities (width 4)."""

    def __init__(self):
        super().__init__()
        self.gate_proj, self.up_proj, self.down_proj = (nn.Linear(4, 4, bias=False) for _ in range(3))
        for lin in (self.gate_proj, self.up_proj, self.down_proj):
            nn.init.eye_(lin.weight)
        self.act_fn = nn.SiLU()

    def forward(self, x):
        return self.down_proj(self.act_fn(self.gate_proj(x)) * self.up_proj(x))


def test_dip_masks_inputs_by_magnitude_then_glu_outputs_by_magnitude():
    mlp = IdentityMlp()
    x = torch.tensor([[[4.0, -3.0, 1.0, 0.5]]])
    patch = DipMlp(mlp, 0.5, None, 1.0, 1, "cpu", 0)
    assert (patch.k_up, patch.k_down) == (2, 1)  # round(0.574 * 4), round(0.351 * 4)
    with torch.no_grad():
        out = mlp(x)
    # up/gate keep inputs 0 and 1; the GLU gives [4 silu(4), -3 silu(-3), 0, 0]; down keeps index 0
    assert out[0, 0].tolist() == pytest.approx([16 / (1 + math.exp(-4)), 0.0, 0.0, 0.0], rel=1e-6)
    patch.restore()
    with torch.no_grad():
        assert mlp(x)[0, 0, 1].item() == pytest.approx(-3 * -3 / (1 + math.exp(3)), rel=1e-6)


def test_cache_aware_masking_prefers_a_cached_column_within_gamma():
    mlp = IdentityMlp()
    patch = DipMlp(mlp, 0.35, 0.5, 0.25, 1, "cpu", 0)  # k_up = round(0.423 * 4) = 2, one cached up column
    with torch.no_grad():
        mlp(torch.tensor([[[0.0, 0.0, 5.0, 4.0]]]))  # columns 2, 3 read; LRU keeps one of them
        kept = patch.up.resident()[0].nonzero().flatten().tolist()
        assert len(kept) == 1 and kept[0] in (2, 3)
        other = 5 - kept[0]
        x = torch.zeros(1, 1, 4)
        x[0, 0, 0], x[0, 0, 1], x[0, 0, other] = 3.0, 2.9, 0.1
        x[0, 0, kept[0]] = 2.0  # scores: cached 2.0, column 0 3.0 x 0.5 = 1.5, column 1 2.9 x 0.5 = 1.45
        hits = int(patch.up.hits)
        mlp(x)
        assert int(patch.up.hits) == hits + 1  # the cached column is read instead of column 1
        assert patch.up.resident()[0, 1].item() is False


class FakeGate(nn.Module):
    """A router whose logits are its input (OLMoE-like: no renormalisation, no scaling)."""

    def __init__(self, experts, top_k):
        super().__init__()
        self.weight = nn.Parameter(torch.zeros(experts, 1))
        self.top_k = top_k

    def forward(self, hidden_states):
        return hidden_states, None, None


def test_cache_prior_picks_a_cached_expert_when_its_bonus_covers_the_gap():
    gate = FakeGate(4, 1)
    p = CachePriorRouter(gate, 1.0, 0.25, 0, 1, "cpu", 0)
    gate(torch.tensor([[3.0, 2.0, 0.0, 1.0]]))  # nothing cached: plain top-1 = expert 0, now cached
    _, w, chosen = gate(torch.tensor([[0.0, 1.0, 0.5, 0.2]]))  # delta_avg = (3 + 1) / 2 = 2: 0 + 2 > 1
    assert chosen.tolist() == [[0]]
    probs = torch.softmax(torch.tensor([0.0, 1.0, 0.5, 0.2]), 0)
    assert w[0].tolist() == pytest.approx([probs[0].item()])
    assert int(p.cache.hits) == 1 and int(p.cache.accesses) == 2
    assert float(p.mass_kept) / p.mass_n == pytest.approx((1.0 + math.exp(-1.0)) / 2)
    p.restore()


def test_cache_prior_with_lambda_zero_or_top_j_keeps_the_original_choice():
    for lam, top_j in ((0.0, 0), (1.0, 1)):
        gate = FakeGate(4, 1)
        CachePriorRouter(gate, lam, 0.25, top_j, 1, "cpu", 0)
        gate(torch.tensor([[3.0, 2.0, 0.0, 1.0]]))
        assert gate(torch.tensor([[0.0, 1.0, 0.5, 0.2]]))[2].tolist() == [[1]]


def test_max_rank_prefers_a_cached_expert_inside_the_top_m_only():
    for m, expected in ((2, [[1]]), (1, [[0]])):
        gate = FakeGate(4, 1)
        p = CachePriorRouter(gate, 0.0, 0.25, 0, 1, "cpu", 0, "max-rank", m)
        gate(torch.tensor([[0.0, 3.0, 0.0, 0.0]]))  # expert 1 chosen and cached
        assert gate(torch.tensor([[2.0, 1.0, 0.0, 0.5]]))[2].tolist() == expected  # expert 1 has rank 2
        assert int(p.changed) == (1 if m == 2 else 0) and p.chosen_n == 2
        p.restore()


def test_cumulative_window_prefers_a_cached_expert_inside_the_probability_window():
    gate = FakeGate(4, 1)
    CachePriorRouter(gate, 0.0, 0.25, 0, 1, "cpu", 0, "cumulative-window", 0.9)
    gate(torch.tensor([[0.0, 0.0, 0.0, 3.0]]))  # expert 3 cached
    assert gate(torch.tensor([[2.0, 1.9, 0.0, 1.8]]))[2].tolist() == [[3]]  # rank 3, still inside 90%
    gate = FakeGate(4, 1)
    CachePriorRouter(gate, 0.0, 0.25, 0, 1, "cpu", 0, "cumulative-window", 0.5)
    gate(torch.tensor([[0.0, 0.0, 0.0, 3.0]]))
    assert gate(torch.tensor([[2.0, 1.9, 0.0, 1.8]]))[2].tolist() == [[0]]  # the window ends before it


def _second_token_hits(**guards):
    mlp = IdentityMlp()
    patch = DipMlp(mlp, 0.25, 0.5, 0.25, 1, "cpu", 0, **guards)  # k_up = round(0.314 * 4) = 1, one cached column
    with torch.no_grad():
        mlp(torch.tensor([[[0.0, 0.0, 5.0, 0.0]]]))  # column 2 read and cached
        mlp(torch.tensor([[[3.0, 0.0, 2.0, 0.0]]]))  # plain: 3.0 x 0.5 = 1.5 < 2.0, so cached column 2 wins
    return int(patch.up.hits)


def test_guards_of_cache_aware_masking_keep_the_raw_top_columns_early_and_always():
    assert _second_token_hits() == 1
    assert _second_token_hits(fixed_frac=1.0) == 0  # top-1 by raw score is never de-weighted: column 0
    # warm-up: gamma_1 = 1 - 0.5 (1 - 0.5^(1/4)) = 0.920, so 3.0 x 0.920 = 2.76 > 2.0: column 0
    assert _second_token_hits(warm_up=True) == 0
