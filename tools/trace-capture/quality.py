"""Perplexity of a Hugging Face causal LM under DIP / DIP-CA masking and Cache-Prior routing.

Held-out sequences are decoded together, token by token with the KV cache, so every cache
(one LRU column cache per masked matrix, one LRU expert cache per MoE layer, per sequence)
evolves as it would during generation; caches are reset per sequence. Perplexity is
exp(mean next-token NLL) over all predicted positions.

(a) dense GLU models: DIP at each density (optimised-DIP split of up/gate vs down density),
    plain and cache-aware (gamma), for each column-cache size (fraction of each matrix's
    columns); writes OUT/quality-dip.csv.
(b) MoE models: Cache-Prior routing for each lambda (0 = plain top-k) and expert-cache size,
    with the LRU miss rate and the router probability mass kept; writes OUT/quality-moe.csv.
(c) --formats: weights and activations of every linear fake-quantised per number format
    (formatquality.py, quantisers bit-faithful to the Java formats), teacher-forced
    perplexity with provenance columns; writes OUT/quality-formats.csv instead of (a)/(b).
(d) --compression: weight-only compression formats (compressquality.py / compress_quant.py: VQ,
    E8P, AQLM-like, SpQR-like, N:M, ternary PTQ, INT2/3/4 g128, NF4) on a dense model; writes
    OUT/quality-compression.csv with bits per weight, perplexity, weight error and provenance.

Usage:
  python quality.py --model DIR --tokens-npy val.npy --seqs 32 --seq-len 256 --out OUT
  python quality.py --model DIR --random-tokens --seqs 4 --seq-len 8 --out OUT   (smoke runs)
  python quality.py --model DIR --tokens-npy val.npy --formats all --out OUT
  python quality.py --model DIR --tokens-npy val.npy --compression all --out OUT
"""
import argparse
import csv
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

import archs
import formatquality
from policies import CachePriorRouter, DipMlp, dip_split

DIP_FIELDS = ["model", "method", "density", "up_keep", "down_keep", "gamma", "fixed_top_frac", "warm_up",
              "cache_frac", "ppl", "delta_ppl",
              "up_hit_rate", "down_hit_rate", "hit_rate", "tokens", "seqs"]
MOE_FIELDS = ["model", "method", "lambda", "top_j", "cache_frac", "cache_experts", "ppl", "delta_ppl",
              "miss_rate", "prob_mass_kept", "tokens", "seqs", "router_param", "decisions_changed"]


@torch.no_grad()
def decode_ppl(model, ids):
    """Perplexity of ids [B, L] decoded one position per step with the KV cache."""
    past = None
    nll = torch.zeros((), dtype=torch.float64, device=ids.device)
    for t in range(ids.shape[1] - 1):
        out = model(input_ids=ids[:, t:t + 1], past_key_values=past, use_cache=True)
        past = out.past_key_values
        nll += F.cross_entropy(out.logits[:, -1].float(), ids[:, t + 1], reduction="sum").double()
    return math.exp(float(nll) / (ids.shape[0] * (ids.shape[1] - 1)))


@torch.no_grad()
def parallel_ppl(model, ids):
    """Perplexity of ids [B, L] in one teacher-forced pass (cross-check of decode_ppl)."""
    logits = model(input_ids=ids).logits[:, :-1].float()
    return math.exp(float(F.cross_entropy(logits.reshape(-1, logits.shape[-1]), ids[:, 1:].reshape(-1))))


def dip_settings(density, gammas, variants):
    """(gamma, fixed_top_frac, warm_up) settings of one density: plain DIP first, then DIP-CA."""
    if density == 1.0:
        return [(None, 0.0, False)]
    out = [(None, 0.0, False)]
    for variant in variants:
        fixed, warm = (0.0, False) if variant == "plain" else (0.5, True)
        out += [(g, fixed, warm) for g in gammas]
    return out


def dip_rows(model, ids, model_id, densities, gammas, fracs, seed, sink, variants=("plain",)):
    layers = [l for l in archs.decoder_layers(model) if not archs.is_moe(l)]
    base = decode_ppl(model, ids)  # unpatched reference, so any subset of densities gets the same delta
    print(f"decode ppl {base:.6f}", file=sys.stderr, flush=True)
    rows = []
    for density in densities:
        up_keep, down_keep = dip_split(density)
        for gamma, fixed, warm in dip_settings(density, gammas, variants):
            for frac in fracs:
                patches = [DipMlp(l.mlp, density, gamma, frac, ids.shape[0], ids.device, seed + 7 * i, fixed, warm)
                           for i, l in enumerate(layers)]
                try:
                    ppl = decode_ppl(model, ids)
                finally:
                    for p in patches:
                        p.restore()
                up_hits = sum(float(p.up.hits) for p in patches)
                up_acc = sum(float(p.up.accesses) for p in patches)
                dn_hits = sum(float(p.down.hits) for p in patches)
                dn_acc = sum(float(p.down.accesses) for p in patches)
                # weighted by the bytes of one column: intermediate elements for up+gate (x2), hidden for down
                hidden, inter = layers[0].mlp.down_proj.out_features, layers[0].mlp.down_proj.in_features
                hit = (2 * inter * up_hits + hidden * dn_hits) / max(1.0, 2 * inter * up_acc + hidden * dn_acc)
                method = "dense" if density == 1.0 else ("dip" if gamma is None else "dip-ca")
                rows.append({"model": model_id, "method": method, "density": density,
                             "up_keep": round(up_keep, 6), "down_keep": round(down_keep, 6),
                             "gamma": "" if gamma is None else gamma, "fixed_top_frac": fixed,
                             "warm_up": int(warm), "cache_frac": frac,
                             "ppl": round(ppl, 6), "delta_ppl": round(ppl - base, 6),
                             "up_hit_rate": round(up_hits / max(1.0, up_acc), 6),
                             "down_hit_rate": round(dn_hits / max(1.0, dn_acc), 6), "hit_rate": round(hit, 6),
                             "tokens": ids.shape[0] * (ids.shape[1] - 1), "seqs": ids.shape[0]})
                sink(rows)
                print(f"dip {rows[-1]}", file=sys.stderr, flush=True)
    return rows


def moe_rows(model, ids, model_id, lambdas, fracs, top_j, seed, sink, routers=(("cache-prior", None),)):
    """One row per cache size and router setting: Cache-Prior per lambda (0 = plain top-k + LRU),
    then each (kind, param) of the rank-window routers (max-rank M, cumulative-window p)."""
    gates = [archs.router(l) for l in archs.decoder_layers(model) if archs.is_moe(l)]
    rows = []
    base = None
    settings = []
    for kind, param in routers:
        if kind == "cache-prior":
            settings += [("cache-prior", None, lam) for lam in lambdas]
        else:
            settings.append((kind, param, 0.0))
    for frac in fracs:
        for kind, param, lam in settings:
            patches = [CachePriorRouter(g, lam, frac, top_j, ids.shape[0], ids.device, seed + 7 * i, kind, param)
                       for i, g in enumerate(gates)]
            try:
                ppl = decode_ppl(model, ids)
            finally:
                for p in patches:
                    p.restore()
            if kind == "cache-prior" and lam == 0.0 and base is None:
                base = ppl
            hits = sum(float(p.cache.hits) for p in patches)
            acc = sum(float(p.cache.accesses) for p in patches)
            mass = sum(float(p.mass_kept) for p in patches) / sum(p.mass_n for p in patches)
            changed = sum(float(p.changed) for p in patches) / max(1, sum(p.chosen_n for p in patches))
            method = ("topk-lru" if lam == 0.0 else "cache-prior") if kind == "cache-prior" else kind
            rows.append({"model": model_id, "method": method, "lambda": lam,
                         "top_j": top_j, "cache_frac": frac, "cache_experts": patches[0].cache.capacity,
                         "ppl": round(ppl, 6), "delta_ppl": round(ppl - base, 6) if base is not None else "",
                         "miss_rate": round(1.0 - hits / max(1.0, acc), 6), "prob_mass_kept": round(mass, 6),
                         "tokens": ids.shape[0] * (ids.shape[1] - 1), "seqs": ids.shape[0],
                         "router_param": "" if param is None else param, "decisions_changed": round(changed, 6)})
            sink(rows)
            print(f"moe {rows[-1]}", file=sys.stderr, flush=True)
    return rows


def write_csv(path, fields, rows):
    tmp = path + ".tmp"
    with open(tmp, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    os.replace(tmp, path)


def heldout_ids(a, vocab, device):
    n = a.seqs * a.seq_len
    if a.random_tokens:
        g = torch.Generator().manual_seed(a.seed)
        flat = torch.randint(0, vocab, (n,), generator=g)
    else:
        flat = torch.from_numpy(np.load(a.tokens_npy).astype(np.int64).reshape(-1))
        if flat.numel() < n:
            raise SystemExit(f"{a.tokens_npy}: {flat.numel()} tokens, need {n} (--seqs x --seq-len)")
        stride = flat.numel() // a.seqs  # spread the sequences over the whole held-out split
        flat = torch.cat([flat[i * stride:i * stride + a.seq_len] for i in range(a.seqs)])
    return flat.reshape(a.seqs, a.seq_len).to(device)


def provenance(a):
    """Constant columns of the formats CSV: how and with what it was measured."""
    import transformers
    commit = a.commit
    if commit is None:
        here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "carry-commit.txt")
        commit = open(here).read().strip() if os.path.exists(here) else "unknown"
    return {"eval": "teacher-forced", "dtype": a.dtype, "device": a.device, "torch": torch.__version__,
            "transformers": transformers.__version__,
            "quantiser": "tools/trace-capture/fmtquant.py (bit-faithful to org.pocketsim.kernel.format)",
            "commit": commit}


def floats(text):
    return [float(x) for x in text.split(",") if x.strip()]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True)
    ap.add_argument("--tokens-npy", help="held-out token ids (1-D .npy)")
    ap.add_argument("--random-tokens", action="store_true", help="uniform random ids (smoke runs only)")
    ap.add_argument("--seqs", type=int, default=32)
    ap.add_argument("--seq-len", type=int, default=256)
    ap.add_argument("--out", required=True)
    ap.add_argument("--model-id", default=None)
    ap.add_argument("--densities", default="1.0,0.75,0.5,0.35,0.25")
    ap.add_argument("--gammas", default="0.1,0.2,0.5",
                    help="DIP-CA gammas; the DIP study's sweep (issue 12) is 0.05,0.1,0.2,0.5,1.0 (1.0 leaves scores"
                         " unchanged: plain DIP through the DIP-CA path, a check)")
    ap.add_argument("--cache-fracs", default="0.25,0.5,0.75")
    ap.add_argument("--ca-variants", default="plain",
                    help="DIP-CA variants: plain (s' = s w) and/or guarded (top k/2 by raw score kept, gamma warm-up)")
    ap.add_argument("--lambdas", default="0,0.1,0.2,0.3,0.5,0.75,1.0")
    ap.add_argument("--top-j", type=int, default=1, help="original top-J experts Cache-Prior always keeps")
    ap.add_argument("--max-ranks", default="", help="Max-Rank windows M to evaluate too, e.g. 8,12 (empty: none)")
    ap.add_argument("--windows", default="", help="cumulative-probability windows p to evaluate too, e.g. 0.9 (empty: none)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--dtype", default="float32", choices=["bfloat16", "float16", "float32"])
    ap.add_argument("--formats", default=None,
                    help="comma-separated settings of formatquality.SETTINGS (w16a16 first for delta_ppl), or 'all'")
    ap.add_argument("--compression", default=None,
                    help="comma-separated formats of compress_quant.FORMATS (fp16 first for delta_ppl), or 'all':"
                         " weight-only compression formats (issue 18), writes OUT/quality-compression.csv")
    ap.add_argument("--commit", default=None, help="repository commit for the provenance column (default: carry-commit.txt)")
    a = ap.parse_args(argv)
    if not a.random_tokens and not a.tokens_npy:
        raise SystemExit("give --tokens-npy or --random-tokens")
    if a.seqs < 1 or a.seq_len < 2:
        raise SystemExit("--seqs must be >= 1 and --seq-len >= 2")
    from transformers import AutoModelForCausalLM
    model = AutoModelForCausalLM.from_pretrained(a.model, dtype=getattr(torch, a.dtype)).to(a.device).eval()
    archs.check_supported(model)
    model_id = a.model_id or os.path.basename(os.path.normpath(a.model))
    ids = heldout_ids(a, model.config.vocab_size, a.device)
    os.makedirs(a.out, exist_ok=True)
    t0 = time.time()
    print(f"parallel ppl {parallel_ppl(model, ids):.6f}", file=sys.stderr, flush=True)
    # the CSV is rewritten after every setting, so a run cut short keeps what it measured
    if a.compression:
        import compressquality
        import compress_quant
        torch.backends.cuda.matmul.allow_tf32 = False  # exact nearest-codeword search
        path = os.path.join(a.out, "quality-compression.csv")
        names = compress_quant.FORMATS if a.compression == "all" else [s for s in a.compression.split(",") if s]
        rows = compressquality.rows(model, ids, model_id, names, parallel_ppl, provenance(a),
                                    lambda r: write_csv(path, compressquality.FIELDS, r), a.seed)
    elif a.formats:
        path = os.path.join(a.out, "quality-formats.csv")
        settings = list(formatquality.SETTINGS) if a.formats == "all" else [s for s in a.formats.split(",") if s]
        rows = formatquality.rows(model, ids, model_id, settings, parallel_ppl, provenance(a),
                                  lambda r: write_csv(path, formatquality.FIELDS, r))
    elif archs.num_experts(model.config):
        path = os.path.join(a.out, "quality-moe.csv")
        routers = [("cache-prior", None)] + [("max-rank", int(m)) for m in floats(a.max_ranks)] \
            + [("cumulative-window", p) for p in floats(a.windows)]
        rows = moe_rows(model, ids, model_id, floats(a.lambdas), floats(a.cache_fracs), a.top_j, a.seed,
                        lambda r: write_csv(path, MOE_FIELDS, r), routers)
    else:
        path = os.path.join(a.out, "quality-dip.csv")
        variants = [v for v in a.ca_variants.split(",") if v]
        if any(v not in ("plain", "guarded") for v in variants):
            raise SystemExit(f"--ca-variants: expected plain and/or guarded, got {a.ca_variants}")
        rows = dip_rows(model, ids, model_id, floats(a.densities), floats(a.gammas), floats(a.cache_fracs), a.seed,
                        lambda r: write_csv(path, DIP_FIELDS, r), variants)
    print(f"quality: {len(rows)} settings in {time.time() - t0:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
