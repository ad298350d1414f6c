"""Writes one trace directory exactly as docs/trace-format.md (schemaVersion 1) specifies.

Contract: trace.yaml carries only the documented keys (the Java reader rejects unknown keys),
integers are written as integers and floats with a decimal point; tensors.safetensors holds
`tokens` (I32 [T]), `layers.{i}.mlp_in` / `down_in` (F16 [T, width]), `layers.{i}.router_logits`
(F32 [T, experts]) and `layers.{i}.experts` (I32 [T, topK]). Free-form provenance goes to the
safetensors `__metadata__`, which the reader ignores.
"""
import json
import os

import torch
from safetensors.torch import save_file

FP16_MAX = 65504.0
KIND_ORDER = ("tokens", "mlp_in", "down_in", "router_logits", "experts")


def _q(s):
    """A YAML double-quoted scalar (JSON string syntax is a subset of it)."""
    return json.dumps(str(s))


def _float(x):
    text = repr(float(x))
    return text if ("." in text or "e" in text) else text + ".0"


def manifest_yaml(model_id, shape, tokens, layers, tensors, origin, licence, prompt, sampling, dtype="fp16"):
    """trace.yaml text. `sampling` is a dict: method (greedy|sampled), temperature, topP, seed."""
    kinds = [k for k in KIND_ORDER if k in tensors]
    lines = [
        "schemaVersion: 1",
        f"model: {_q(model_id)}",
        "shape:",
        f"  layers: {int(shape['layers'])}",
        f"  hidden: {int(shape['hidden'])}",
        f"  intermediate: {int(shape['intermediate'])}",
        f"  experts: {int(shape['experts'])}",
        f"  topK: {int(shape['topK'])}",
        f"tokens: {int(tokens)}",
        "layers: [" + ", ".join(str(int(i)) for i in layers) + "]",
        "tensors: [" + ", ".join(kinds) + "]",
        f"dtype: {dtype}",
        "source:",
        "  kind: captured",
        f"  origin: {_q(origin)}",
        f"  licence: {_q(licence)}",
        f"prompt: {_q(prompt)}",
        "sampling:",
        f"  method: {sampling['method']}",
    ]
    if sampling["method"] == "sampled":
        lines.append(f"  temperature: {_float(sampling['temperature'])}")
        lines.append(f"  topP: {_float(sampling['topP'])}")
    if sampling.get("seed") is not None:
        lines.append(f"  seed: {int(sampling['seed'])}")
    return "\n".join(lines) + "\n"


def to_fp16(t):
    """fp16 copy of activations, clamped to the fp16 range so no infinity reaches the file."""
    return t.float().clamp(-FP16_MAX, FP16_MAX).to(torch.float16).contiguous()


def write_trace(out_dir, model_id, shape, token_ids, per_layer, origin, licence, prompt, sampling, metadata):
    """Writes trace.yaml and tensors.safetensors into `out_dir` (created).

    token_ids: int tensor [T]; per_layer: {layer: {kind: tensor [T, width]}} with kind in
    mlp_in, down_in (float), router_logits (float), experts (int).
    """
    os.makedirs(out_dir, exist_ok=True)
    T = int(token_ids.shape[0])
    tensors = {"tokens": token_ids.to(torch.int32).contiguous().cpu()}
    kinds = {"tokens"}
    for layer, rows in sorted(per_layer.items()):
        for kind, t in rows.items():
            if t.shape[0] != T:
                raise ValueError(f"layer {layer} {kind}: {t.shape[0]} rows, expected {T}")
            name = f"layers.{layer}.{kind}"
            if kind in ("mlp_in", "down_in"):
                tensors[name] = to_fp16(t).cpu()
            elif kind == "router_logits":
                tensors[name] = t.float().contiguous().cpu()
            elif kind == "experts":
                tensors[name] = t.to(torch.int32).contiguous().cpu()
            else:
                raise ValueError(f"unknown tensor kind {kind}")
            kinds.add(kind)
    tmp = os.path.join(out_dir, "tensors.safetensors.tmp")
    save_file(tensors, tmp, metadata={k: str(v) for k, v in metadata.items()})
    os.replace(tmp, os.path.join(out_dir, "tensors.safetensors"))
    text = manifest_yaml(model_id, shape, T, sorted(per_layer), kinds, origin, licence, prompt, sampling)
    with open(os.path.join(out_dir, "trace.yaml"), "w", encoding="utf-8") as f:
        f.write(text)
