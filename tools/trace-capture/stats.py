"""Statistics of real traces that calibrate PocketSim's synthetic trace generators.

Per layer and activation tensor (mlp_in, down_in), averaged over the traces given:
- top-k overlap between consecutive tokens: |topk(|x_t|) & topk(|x_t-1|)| / k, for k = 10%,
  25%, 50% of the width (a random mask would give k/width);
- persistent share: share of channels that are in the top 10% by |x| for more than half the
  tokens;
- AR(1) of |x|: per channel, the lag-1 autocorrelation of |x_t| over the tokens of a trace;
  the median over channels (and traces) is reported.
Per MoE layer: expert reuse at distance d (|E_t & E_t-d| / topK, d = 1, 4) against the
uniform baseline topK/experts, and the share of selections taken by the most used expert.
Also copies the perplexity cost from quality CSVs (delta and relative, per setting).

Usage: python stats.py --traces DIR [DIR ...] --quality-dip CSV --quality-moe CSV --out DIR
"""
import argparse
import csv
import glob
import os

import numpy as np
import yaml
from safetensors.numpy import load_file

TOPK_FRACS = (0.10, 0.25, 0.50)


def load(trace_dir):
    with open(os.path.join(trace_dir, "trace.yaml")) as f:
        manifest = yaml.safe_load(f)
    return manifest, load_file(os.path.join(trace_dir, "tensors.safetensors"))


def topk_sets(a, k):
    """Boolean [T, N] mask of the k largest entries of each row of a."""
    idx = np.argpartition(-a, k - 1, axis=1)[:, :k]
    mask = np.zeros(a.shape, dtype=bool)
    np.put_along_axis(mask, idx, True, axis=1)
    return mask


def consecutive_overlap(a, k):
    m = topk_sets(a, k)
    return float((m[1:] & m[:-1]).sum(1).mean() / k)


def persistent_share(a):
    k = max(1, round(0.10 * a.shape[1]))
    return float((topk_sets(a, k).mean(0) > 0.5).mean())


def ar1_per_channel(a):
    x, y = a[:-1], a[1:]
    xc, yc = x - x.mean(0), y - y.mean(0)
    den = np.sqrt((xc ** 2).sum(0) * (yc ** 2).sum(0))
    ok = den > 0
    return (xc * yc).sum(0)[ok] / den[ok]


def activation_rows(traces):
    rows = []
    by_key = {}
    for manifest, t in traces:
        for layer in manifest["layers"]:
            for kind in ("mlp_in", "down_in"):
                name = f"layers.{layer}.{kind}"
                if name in t:
                    by_key.setdefault((manifest["model"], layer, kind), []).append(np.abs(t[name].astype(np.float32)))
    for (model, layer, kind), arrays in sorted(by_key.items()):
        width = arrays[0].shape[1]
        row = {"model": model, "layer": layer, "tensor": kind, "width": width, "traces": len(arrays),
               "tokens": sum(a.shape[0] for a in arrays)}
        for f in TOPK_FRACS:
            k = max(1, round(f * width))
            row[f"overlap_top{int(f * 100)}"] = round(float(np.mean([consecutive_overlap(a, k) for a in arrays])), 4)
        row["persistent_share"] = round(float(np.mean([persistent_share(a) for a in arrays])), 4)
        row["ar1_abs_median"] = round(float(np.median(np.concatenate([ar1_per_channel(a) for a in arrays]))), 4)
        rows.append(row)
    return rows


def expert_rows(traces):
    by_key = {}
    for manifest, t in traces:
        for layer in manifest["layers"]:
            name = f"layers.{layer}.experts"
            if name in t:
                by_key.setdefault((manifest["model"], layer, manifest["shape"]["experts"]), []).append(t[name])
    rows = []
    for (model, layer, n_experts), arrays in sorted(by_key.items()):
        k = arrays[0].shape[1]
        row = {"model": model, "layer": layer, "experts": n_experts, "topK": k, "traces": len(arrays)}
        for d in (1, 4):
            vals = []
            for e in arrays:
                m = np.zeros((e.shape[0], n_experts), dtype=bool)
                np.put_along_axis(m, e.astype(np.int64), True, axis=1)
                vals.append((m[d:] & m[:-d]).sum(1).mean() / k)
            row[f"reuse_d{d}"] = round(float(np.mean(vals)), 4)
        row["reuse_uniform_baseline"] = round(k / n_experts, 4)
        counts = np.bincount(np.concatenate([e.reshape(-1) for e in arrays]).astype(np.int64), minlength=n_experts)
        row["top_expert_share"] = round(float(counts.max() / counts.sum()), 4)
        rows.append(row)
    return rows


def cost_rows(path, keys):
    rows = []
    with open(path) as f:
        src = list(csv.DictReader(f))
    base = float(src[0]["ppl"])
    for r in src:
        out = {k: r[k] for k in keys}
        out["ppl"] = r["ppl"]
        out["delta_ppl"] = round(float(r["ppl"]) - base, 4)
        out["relative_ppl_pct"] = round(100.0 * (float(r["ppl"]) / base - 1.0), 3)
        rows.append(out)
    return rows


def write(path, rows):
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {path} ({len(rows)} rows)")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--traces", nargs="+", required=True, help="folders holding prompt-NN trace directories")
    ap.add_argument("--quality-dip")
    ap.add_argument("--quality-moe")
    ap.add_argument("--out", required=True)
    a = ap.parse_args(argv)
    os.makedirs(a.out, exist_ok=True)
    traces = [load(d) for root in a.traces for d in sorted(glob.glob(os.path.join(root, "prompt-*")))]
    if not traces:
        raise SystemExit(f"no prompt-* trace directories under {a.traces}")
    act = activation_rows(traces)
    if act:
        write(os.path.join(a.out, "activation-stats.csv"), act)
    exp = expert_rows(traces)
    if exp:
        write(os.path.join(a.out, "expert-reuse.csv"), exp)
    if a.quality_dip:
        write(os.path.join(a.out, "ppl-cost-dip.csv"),
              cost_rows(a.quality_dip, ["model", "method", "density", "gamma", "fixed_top_frac", "warm_up", "cache_frac", "hit_rate"]))
    if a.quality_moe:
        write(os.path.join(a.out, "ppl-cost-cache-prior.csv"),
              cost_rows(a.quality_moe, ["model", "method", "lambda", "cache_frac", "miss_rate", "prob_mass_kept"]))


if __name__ == "__main__":
    main()
