"""Rewrites a captured trace keeping only some layers and tensors (to ship traces small).

Usage: python subset.py SRC_TRACE_DIR DST_TRACE_DIR --keep KIND:LAYERS [KIND:LAYERS ...]
e.g. --keep mlp_in:0,3,7 down_in:0,3,7 (LAYERS may be `all`). The metadata is kept and
records the subset; trace.yaml is rewritten by tracefmt, so it stays in the exact format.
"""
import argparse

import torch
import yaml
from safetensors import safe_open

from tracefmt import write_trace


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("src")
    ap.add_argument("dst")
    ap.add_argument("--keep", nargs="+", required=True)
    a = ap.parse_args(argv)
    with open(f"{a.src}/trace.yaml") as f:
        m = yaml.safe_load(f)
    keep = {}
    for spec in a.keep:
        kind, _, layers = spec.partition(":")
        keep[kind] = set(m["layers"]) if layers == "all" else {int(x) for x in layers.split(",")}
    per_layer = {}
    with safe_open(f"{a.src}/tensors.safetensors", "pt") as f:
        meta = dict(f.metadata() or {})
        tokens = f.get_tensor("tokens")
        for kind, layers in keep.items():
            for layer in sorted(layers):
                name = f"layers.{layer}.{kind}"
                if name not in f.keys():
                    raise SystemExit(f"{a.src}: no tensor {name}")
                t = f.get_tensor(name)
                per_layer.setdefault(layer, {})[kind] = t.float() if t.is_floating_point() else t
    meta["subset"] = " ".join(a.keep) + f" of layers {m['layers']}"
    write_trace(a.dst, m["model"], m["shape"], tokens, per_layer, m["source"]["origin"], m["source"]["licence"],
                m["prompt"], m["sampling"], meta)


if __name__ == "__main__":
    main()
