"""Weight-only quantisers of the weight-compression study (issue 18), in PyTorch, for perplexity.

Each format is a quantiser with fit(weights) (codebooks trained once per model over every decoder
linear, so one codebook is shared by the whole ~27 M-weight model, the order of the Java storage
accounting's one codebook per 2^24 weights) and __call__(w) -> the dequantised weight. Weights are
[out, in]; groups, vectors and N:M groups run along the input features (the last dimension).

  int2-g128-asym   asymmetric INT2 per 128: FP16 scale (max-min)/3, 2-bit zero point
  int3-g128, int4-g128, nf4    fmtquant.py's quantisers (bit-faithful to the Java formats)
  ternary-g256     BitNet b1.58's absmean rule (Ma et al. 2024, arXiv 2402.17764, Eq. 1-3) per group
                   of 256 with an FP16 scale, applied POST-TRAINING to a model trained in FP32: this is
                   PTQ, not a model trained ternary, so it says nothing about BitNet's trained quality
  vq-b<b>-d<d>     k-means codebook of 2^b d-vectors (Lloyd, seeded data init), each row scaled first
                   by its FP16 RMS (GPTVQ-like, van Baalen et al. 2024, without its Hessian-aware
                   assignment and codebook updates)
  e8p              QuIP#'s E8P codebook (Tseng et al. 2024; the 2^16-point subset of E8 + 1/4 built as
                   Cornell-RelaxML/quip-sharp lib/codebook/latticee8_padded12.py builds it: 227 points of
                   D8 + 1/2 in the ball of radius sqrt(10) and 29 of norm 12, all 2^7 sign flips with
                   even parity, +-1/4), nearest point by exhaustive search, after incoherence processing
                   by random orthogonal matrices (QR of a seeded Gaussian, in place of QuIP#'s randomised
                   Hadamard transforms) and a per-matrix scale chosen by MSE; no BlockLDLQ, no fine-tuning
  aqlm-1x16        one 2^16-entry codebook of 8-vectors by k-means (= vq-b16-d8 with AQLM's row scale)
  aqlm-2x8         two 256-entry codebooks of 8-vectors by greedy residual k-means (the second on the
                   first's residual) then alternating re-assignment; AQLM's beam search and
                   fine-tuning (Egiazarian et al. 2024) are not reproduced
  spqr-int3-g128-o1  the 1% largest-|w| weights of each matrix kept in FP16, the rest (outliers zeroed)
                   in int3-g128 (OutlierGemv's layout; SpQR, Dettmers et al. 2023, picks outliers by a
                   Hessian-based sensitivity and uses bilevel 3-bit statistics: not reproduced)
  2of4-int4-g128, 2of4-int8-g128, 4of8-int4-g128   the N largest |w| of each M kept (ties to the lower
                   position), kept values grouped per 128 in INT4/INT8 (NmSparseMatrix's layout)
"""
import functools

import torch

import fmtquant

# bits per weight as the Java registry counts them (CompressedFormatBitsTest pins the same numbers)
BOOK_GROUP = 2 ** 24
BITS = {
    "fp16": 16.0,
    "int2-g128-asym": 2 + 18 / 128, "int3-g128": 3.125, "int4-g128": 4.125, "nf4": 4.5,
    "ternary-g256": 2.0625,
    "vq-b4-d2": 2 + 16 * 2 * 16 / BOOK_GROUP, "vq-b8-d4": 2 + 256 * 4 * 16 / BOOK_GROUP,
    "vq-b16-d8": 2 + 65536 * 8 * 16 / BOOK_GROUP, "vq-b6-d2": 3 + 64 * 2 * 16 / BOOK_GROUP,
    "vq-b12-d4": 3 + 4096 * 4 * 16 / BOOK_GROUP, "vq-b8-d2": 4 + 256 * 2 * 16 / BOOK_GROUP,
    "e8p": 2 + (16384 + 32 + 131072) / BOOK_GROUP,
    "aqlm-1x16": 2 + 0.5 + 16 / 4096, "aqlm-2x8": 2 + 65536 / BOOK_GROUP + 16 / 4096,
    "spqr-int3-g128-o1": 3 + 0.125 + 0.01 * 32 + 32 / 4096,
    "2of4-int4-g128": 0.5 * (4.125 + 2), "2of4-int8-g128": 0.5 * (8.125 + 2), "4of8-int4-g128": 0.5 * (4.125 + 3),
}
FORMATS = list(BITS)


def fp16_round(t):
    return t.half().double()


def group_int_asym(x, bits, group):
    b, n = fmtquant._blocks(x, group)
    lo, hi = b.amin(dim=-1, keepdim=True), b.amax(dim=-1, keepdim=True)
    top = float(2 ** bits - 1)
    scale = fp16_round((hi - lo) / top)
    safe = torch.where(scale > 0, scale, torch.ones_like(scale))
    zero = torch.clamp(torch.round(-lo / safe), 0, top)
    q = torch.clamp(torch.round(b / safe) + zero, 0, top)
    return fmtquant._unblock(torch.where(scale > 0, (q - zero) * scale, torch.zeros_like(b)), n)


def ternary(x, group=256):
    b, n = fmtquant._blocks(x, group)
    scale = fp16_round(b.abs().mean(dim=-1, keepdim=True))
    safe = torch.where(scale > 0, scale, torch.ones_like(scale))
    return fmtquant._unblock(torch.clamp(torch.round(b / safe), -1, 1) * scale, n)


def nm_sparse(x, n, m, values):
    """Keep the n largest |x| of every m along the last dim, store the kept values (compacted) in `values`."""
    out_f, in_f = x.shape
    g = x.reshape(out_f, in_f // m, m)
    # larger |x| first; a stable sort keeps ties in position order, so the lower position wins
    idx = torch.sort(g.abs(), dim=-1, descending=True, stable=True).indices[..., :n].sort(dim=-1).values
    kept = g.gather(-1, idx).reshape(out_f, -1)
    kept_q = fmtquant.quantiser(values)(kept) if values != "int8-g128" else fmtquant.group_int(kept, 8, 128)
    out = torch.zeros_like(g)
    out.scatter_(-1, idx, kept_q.reshape(out_f, in_f // m, n).to(out.dtype))
    return out.reshape(out_f, in_f)


def spqr(x, share=0.01):
    flat = x.reshape(-1)
    k = int(round(share * flat.numel()))
    idx = flat.abs().topk(k).indices if k > 0 else flat.new_zeros(0, dtype=torch.long)
    rest = flat.clone()
    rest[idx] = 0
    dense = fmtquant.group_int(rest.reshape(x.shape), 3, 128).reshape(-1)
    dense[idx] = flat[idx].half().float()
    return dense.reshape(x.shape)


def nearest(v, book):
    """Index of the nearest codeword (L2) of every row of v: argmax of 2 v.c - |c|^2, in chunks of at most
    2^28 scores (1 GiB of float32)."""
    chunk = max(1, (1 << 28) // book.shape[0])
    norms = (book * book).sum(dim=1)
    out = torch.empty(v.shape[0], dtype=torch.long, device=v.device)
    for s in range(0, v.shape[0], chunk):
        out[s:s + chunk] = (2 * v[s:s + chunk] @ book.T - norms).argmax(dim=1)
    return out


def kmeans(v, k, iters, seed):
    g = torch.Generator(device="cpu").manual_seed(seed)
    book = v[torch.randperm(v.shape[0], generator=g)[:k].to(v.device)].clone()
    for _ in range(iters):
        a = nearest(v, book)
        sums = torch.zeros_like(book).index_add_(0, a, v)
        counts = torch.bincount(a, minlength=k).unsqueeze(1).to(v.dtype)
        book = torch.where(counts > 0, sums / counts.clamp(min=1), book)
    return book


def row_scale(w):
    return fp16_round(w.double().pow(2).mean(dim=1, keepdim=True).sqrt()).float().clamp(min=1e-12)


class VectorQuantiser:
    """M additive codebooks of 2^b d-vectors shared by every matrix (M = 1: plain VQ), rows RMS-scaled."""

    def __init__(self, bits, dim, books=1, iters=10, seed=0):
        self.bits, self.dim, self.books, self.iters, self.seed = bits, dim, books, iters, seed
        self.codebooks = None

    def _vectors(self, w):
        return (w.float() / row_scale(w)).reshape(-1, self.dim)

    def fit(self, weights, max_vectors=1 << 22):
        v = torch.cat([self._vectors(w) for w in weights])
        if v.shape[0] > max_vectors:
            g = torch.Generator(device="cpu").manual_seed(self.seed)
            v = v[torch.randperm(v.shape[0], generator=g)[:max_vectors].to(v.device)]
        k = 2 ** self.bits
        self.codebooks, residual = [], v
        for m in range(self.books):
            book = kmeans(residual, k, self.iters, self.seed + m)
            self.codebooks.append(book)
            residual = residual - book[nearest(residual, book)]
        return self

    def __call__(self, w):
        v = self._vectors(w)
        codes, approx = [], torch.zeros_like(v)
        for book in self.codebooks:
            codes.append(nearest(v - approx, book))
            approx = approx + book[codes[-1]]
        for _ in range(2 if self.books > 1 else 0):  # coordinate descent: re-pick each code given the others
            for m, book in enumerate(self.codebooks):
                partial = approx - book[codes[m]]
                codes[m] = nearest(v - partial, book)
                approx = partial + book[codes[m]]
        return (approx.reshape(w.shape) * row_scale(w)).to(w.dtype)


@functools.lru_cache(maxsize=None)
def e8p_grid(device):
    """The 2^16 E8P codewords (float32 [65536, 8]), as quip-sharp's get_abs_grid / get_full_grid build them."""
    r = torch.arange(-3, 3, dtype=torch.float64) + 0.5  # |x| <= sqrt(10) leaves 1/2, 3/2, 5/2
    d8 = torch.cartesian_prod(*[r] * 8)
    d8 = d8[(d8.sum(dim=1) % 2 == 0) & (d8.pow(2).sum(dim=1) <= 10)]
    d8abs = torch.unique(d8.abs(), dim=0)
    half3 = [[3, 1, 1, 1, 3, 3, 3, 3], [1, 3, 1, 1, 3, 3, 3, 3], [1, 1, 3, 1, 3, 3, 3, 3], [1, 1, 1, 3, 3, 3, 3, 3],
             [3, 3, 3, 1, 3, 3, 1, 1], [3, 3, 3, 1, 3, 1, 3, 1], [3, 3, 3, 1, 1, 3, 3, 1], [3, 3, 3, 1, 3, 1, 1, 3],
             [3, 3, 3, 1, 1, 3, 1, 3], [3, 3, 3, 1, 1, 1, 3, 3], [3, 3, 1, 3, 3, 3, 1, 1], [3, 3, 1, 3, 3, 1, 3, 1],
             [3, 3, 1, 3, 1, 3, 3, 1], [3, 3, 1, 3, 3, 1, 1, 3], [3, 3, 1, 3, 1, 3, 1, 3], [3, 3, 1, 3, 1, 1, 3, 3],
             [3, 1, 3, 3, 3, 3, 1, 1], [3, 1, 3, 3, 3, 1, 3, 1], [3, 1, 3, 3, 1, 3, 3, 1], [3, 1, 3, 3, 3, 1, 1, 3],
             [3, 1, 3, 3, 1, 3, 1, 3], [1, 3, 3, 3, 1, 1, 3, 3], [1, 3, 3, 3, 3, 3, 1, 1], [1, 3, 3, 3, 3, 1, 3, 1],
             [1, 3, 3, 3, 1, 3, 3, 1], [1, 3, 3, 3, 3, 1, 1, 3], [1, 3, 3, 3, 1, 3, 1, 3], [1, 1, 3, 3, 1, 3, 3, 3],
             [3, 3, 1, 1, 3, 3, 3, 1]]
    absgrid = torch.cat([d8abs, torch.tensor(half3, dtype=torch.float64) / 2])
    assert absgrid.shape[0] == 256, absgrid.shape
    even = absgrid.sum(dim=1) % 2 == 0
    entries = []
    for i in range(128):
        mask = torch.tensor([(i >> (7 - j)) & 1 for j in range(8)], dtype=torch.float64)  # bit j of the 8 dims
        flips = mask.repeat(256, 1)
        flips[:, 0] = ((mask.sum() % 2 == 0) != even).double()  # first sign from parity
        signed = absgrid * (1 - 2 * flips)
        entries += [signed + 0.25, signed - 0.25]
    grid = torch.cat(entries).float().to(device)
    assert grid.shape == (65536, 8)
    return grid


class E8PQuantiser:
    def __init__(self, seed=0):
        self.seed, self.grid = seed, None

    def fit(self, weights):
        self.grid = e8p_grid(weights[0].device)
        return self

    def _rotation(self, n, salt, device):
        g = torch.Generator(device="cpu").manual_seed(self.seed * 1000003 + salt * 7919 + n)
        q, r = torch.linalg.qr(torch.randn(n, n, generator=g, dtype=torch.float64))
        return (q * torch.sign(torch.diagonal(r))).float().to(device)

    def __call__(self, w):
        out_f, in_f = w.shape
        u, v = self._rotation(out_f, 1, w.device), self._rotation(in_f, 2, w.device)
        t = u @ w.float() @ v.T
        best, best_err = None, None
        rms = t.pow(2).mean().sqrt().clamp(min=1e-12)
        for c in (0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3):  # per-matrix scale by MSE (QuIP#'s opt_scale role)
            s = rms / c
            q = self.grid[nearest(t.reshape(-1, 8) / s, self.grid)].reshape(t.shape) * s
            err = (q - t).pow(2).sum()
            if best_err is None or err < best_err:
                best, best_err = q, err
        return (u.T @ best @ v).to(w.dtype)


class PerMatrix:
    def __init__(self, fn):
        self.fn = fn

    def fit(self, weights):
        return self

    def __call__(self, w):
        return self.fn(w.float()).to(w.dtype)


def quantiser(name, seed=0):
    """The quantiser of `name` (one of FORMATS), not yet fitted."""
    if name == "fp16":
        return PerMatrix(fmtquant.fp16)
    if name == "int2-g128-asym":
        return PerMatrix(lambda w: group_int_asym(w, 2, 128))
    if name in ("int3-g128", "int4-g128"):
        return PerMatrix(lambda w: fmtquant.group_int(w, int(name[3]), 128))
    if name == "nf4":
        return PerMatrix(fmtquant.nf4)
    if name == "ternary-g256":
        return PerMatrix(ternary)
    if name.startswith("vq-b"):
        b, d = name[4:].split("-d")
        return VectorQuantiser(int(b), int(d), seed=seed)
    if name == "aqlm-1x16":
        return VectorQuantiser(16, 8, seed=seed)
    if name == "aqlm-2x8":
        return VectorQuantiser(8, 8, books=2, seed=seed)
    if name == "e8p":
        return E8PQuantiser(seed)
    if name == "spqr-int3-g128-o1":
        return PerMatrix(spqr)
    if name in ("2of4-int4-g128", "2of4-int8-g128", "4of8-int4-g128"):
        n, rest = name.split("of")
        m, values = rest.split("-", 1)
        return PerMatrix(lambda w: nm_sparse(w, int(n), int(m), values))
    raise ValueError(f"unknown compression format {name!r}; known: {', '.join(FORMATS)}")
