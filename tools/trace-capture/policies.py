"""DIP, cache-aware masking (DIP-CA) and Cache-Prior routing as patches of a live model.

Rules (shared/reference/papers.md): DIP §1.3 (top-k of |MLP input| masks up/gate columns,
top-k of |GLU activation| masks down columns, optimised-DIP density split), DIP-CA §1.4
(scores of uncached columns times gamma before top-k), Cache-Prior §2.2
(z' = z + lambda * delta_avg * cached, top-J original experts kept, mixing weights from the
original logits). Every patch keeps one cache per masked matrix (or per MoE layer) and per
sequence of the batch, so B held-out sequences are decoded together, token by token.
"""
import math

import torch

import archs


def dip_split(keep):
    """Optimised-DIP split of an overall MLP density into (up_keep, down_keep), papers.md §1.3."""
    if not 0.0 < keep <= 1.0:
        raise ValueError(f"density must be in (0, 1], got {keep}")
    if keep == 1.0:
        return 1.0, 1.0
    logit = math.log(keep / (1.0 - keep))
    up = 1.0 / (1.0 + math.exp(-(0.9849930711017189 * logit + 0.29976477589716316)))
    down = 3.0 * (keep - (2.0 / 3.0) * up)
    return up, min(max(down, 0.0), 1.0)


class LruCache:
    """Per-sequence LRU sets over n items (columns or experts), capacity items each.

    access(mask) counts hits (items of the mask already resident), then makes the mask the
    most recent and evicts least-recently-used items down to capacity; when a mask alone
    exceeds capacity a random subset of it is admitted (DIP simulator rule, papers.md §1.5).
    """

    def __init__(self, batch, n, capacity, device, seed=0):
        if not 0 < capacity <= n:
            raise ValueError(f"cache capacity {capacity} outside 1..{n}")
        self.capacity = capacity
        self.last = torch.full((batch, n), -1, dtype=torch.int64, device=device)
        self.t = 0
        self.gen = torch.Generator(device=device)
        self.gen.manual_seed(seed)
        self.hits = torch.zeros((), dtype=torch.int64, device=device)
        self.accesses = torch.zeros((), dtype=torch.int64, device=device)

    def resident(self):
        return self.last >= 0

    def access(self, mask):
        self.hits += (mask & self.resident()).sum()
        self.accesses += mask.sum()
        self.t += 1
        self.last = torch.where(mask, torch.full_like(self.last, self.t), self.last)
        # Trim every step (no host sync): keep the `capacity` most recent, random among ties.
        jitter = torch.rand(self.last.shape, generator=self.gen, device=self.last.device, dtype=torch.float64) * 0.5
        key = torch.where(self.last >= 0, self.last.double() + jitter, torch.full_like(jitter, -1.0))
        keep = torch.zeros_like(mask)
        keep.scatter_(1, torch.topk(key, self.capacity, dim=1).indices, True)
        self.last = torch.where(keep & (self.last >= 0), self.last, torch.full_like(self.last, -1))

    def hit_rate(self):
        return float(self.hits) / max(1, int(self.accesses))


def topk_mask(scores, k):
    mask = torch.zeros(scores.shape, dtype=torch.bool, device=scores.device)
    return mask.scatter_(1, torch.topk(scores, k, dim=1).indices, True)


class DipMlp:
    """Replaces a dense GLU MLP's forward by DIP (optionally cache-aware) for one decode step."""

    def __init__(self, mlp, density, gamma, cache_frac, batch, device, seed, fixed_frac=0.0, warm_up=False):
        self.mlp = mlp
        self.fixed_frac = fixed_frac  # share of k taken by raw score, never de-weighted (fixed_top_n = k * frac)
        self.warm_up = warm_up  # gamma_t = 1 - (1 - gamma)(1 - gamma^(t/4)): early tokens not locked in
        hidden = mlp.down_proj.out_features
        inter = mlp.down_proj.in_features
        up_keep, down_keep = dip_split(density)
        self.k_up = max(1, round(up_keep * hidden))
        self.k_down = max(1, round(down_keep * inter))
        self.gamma = gamma
        self.up = LruCache(batch, hidden, max(1, round(cache_frac * hidden)), device, seed)
        self.down = LruCache(batch, inter, max(1, round(cache_frac * inter)), device, seed + 1)
        self.original = mlp.forward
        mlp.forward = self.forward

    def _mask(self, act, k, cache):
        scores = act.abs().float()
        if self.gamma is not None:
            gamma = self.gamma
            if self.warm_up:
                gamma = 1.0 - (1.0 - gamma) * (1.0 - gamma ** (cache.t / 4.0))
            weight = torch.where(cache.resident(), 1.0, gamma)
            n_fixed = round(self.fixed_frac * k)
            if n_fixed > 0:
                weight = torch.where(topk_mask(scores, n_fixed), 1.0, weight)
            scores = scores * weight
        mask = topk_mask(scores, k)
        cache.access(mask)
        return mask

    def forward(self, x):
        if x.shape[1] != 1:
            raise ValueError("DIP evaluation decodes one token per step")
        m_up = self._mask(x[:, 0], self.k_up, self.up)
        h = archs.glu(self.mlp, x * m_up[:, None, :].to(x.dtype))
        m_down = self._mask(h[:, 0], self.k_down, self.down)
        return self.mlp.down_proj(h * m_down[:, None, :].to(h.dtype))

    def restore(self):
        del self.mlp.forward


class CachePriorRouter:
    """Replaces an MoE router's selection by a cache-aware rule over a per-sequence LRU expert cache.

    kind "cache-prior" (papers.md §2.2): top-k of z + lam * delta_avg * cached. kind "max-rank":
    cached experts among the original top-M (M = param) first, then the rest in rank order.
    kind "cumulative-window": as max-rank, the window being the fewest top experts whose
    probabilities sum to at least p (p = param). All keep the original top-J and mix with the
    original logits; decisions_changed counts chosen experts outside the plain top-k.
    """

    KINDS = ("cache-prior", "max-rank", "cumulative-window")

    def __init__(self, gate, lam, cache_frac, top_j, batch, device, seed, kind="cache-prior", param=None):
        if kind not in self.KINDS:
            raise ValueError(f"router kind {kind!r} not in {self.KINDS}")
        if kind != "cache-prior" and param is None:
            raise ValueError(f"router kind {kind} needs param (M for max-rank, p for cumulative-window)")
        self.gate = gate
        self.lam = lam
        self.kind = kind
        self.param = param
        self.k = archs.router_top_k(gate)
        self.top_j = min(top_j, self.k)
        n = gate.weight.shape[0]
        self.cache = LruCache(batch, n, max(self.k, round(cache_frac * n)), device, seed)
        self.delta_sum = torch.zeros((), dtype=torch.float64, device=device)
        self.delta_n = 0
        self.mass_kept = torch.zeros((), dtype=torch.float64, device=device)
        self.mass_n = 0
        self.changed = torch.zeros((), dtype=torch.int64, device=device)
        self.chosen_n = 0
        self.original = gate.forward
        gate.forward = self.forward

    def _window(self, z, probs):
        """Experts the rank-window rules may prefer: the original top-M, or the cumulative-p prefix."""
        order = torch.argsort(z, dim=1, descending=True)
        if self.kind == "max-rank":
            rank_ok = (torch.arange(z.shape[1], device=z.device) < int(self.param)).unsqueeze(0).expand_as(z)
        else:
            sorted_p = probs.gather(1, order)
            before = torch.cumsum(sorted_p, dim=1) - sorted_p
            rank_ok = before < float(self.param)
        return torch.zeros_like(rank_ok).scatter(1, order, rank_ok)

    def forward(self, hidden_states):
        logits, _w, _idx = self.original(hidden_states)
        z = logits.float()
        spread = z.max(dim=-1).values - z.min(dim=-1).values
        self.delta_sum = self.delta_sum + spread.sum()
        self.delta_n += spread.numel()
        delta = self.delta_sum / self.delta_n
        cached = self.cache.resident().to(z.dtype)
        if cached.shape[0] != z.shape[0]:
            raise ValueError("Cache-Prior evaluation decodes one token per sequence per step")
        probs = torch.softmax(z, dim=-1)
        if self.kind == "cache-prior":
            prior = z + self.lam * delta * cached
        else:
            # cached experts inside the window outrank every other expert; rank order otherwise
            bonus = (z.max() - z.min() + 1.0) * (cached * self._window(z, probs).to(z.dtype))
            prior = z + bonus
        if self.top_j > 0:
            prior = prior.scatter(1, torch.topk(z, self.top_j, dim=1).indices, float("inf"))
        chosen = torch.topk(prior, self.k, dim=1).indices
        plain = topk_mask(z, self.k)
        self.changed = self.changed + (~plain.gather(1, chosen)).sum()
        self.chosen_n += chosen.numel()
        self.mass_kept = self.mass_kept + (probs.gather(1, chosen).sum(1) / torch.topk(probs, self.k, dim=1).values.sum(1)).sum()
        self.mass_n += z.shape[0]
        mask = torch.zeros_like(z, dtype=torch.bool).scatter_(1, chosen, True)
        self.cache.access(mask)
        return logits, archs.mixing_weights(self.gate, z, chosen).to(logits.dtype), chosen

    def restore(self):
        del self.gate.forward
