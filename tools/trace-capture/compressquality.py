"""Perplexity of a dense model with the weights of every decoder linear in a compression format
(issue 18): weight-only (activations stay in the model's dtype), the embeddings and LM head
unquantised, as formatquality.py does for the scalar formats. One quantiser per format is fitted
once on all decoder linears (codebooks shared by the whole model, see compress_quant.py), then each
weight is replaced by its dequantised value; weight_rel_error is ||W - Q(W)|| / ||W|| over all of them.
"""
import torch

import archs
import compress_quant

FIELDS = ["model", "format", "bits_per_weight", "ppl", "delta_ppl", "weight_rel_error", "linears", "quantiser_notes",
          "tokens", "seqs", "seq_len", "eval", "dtype", "device", "torch", "transformers", "quantiser", "commit"]
NOTES = {
    "ternary-g256": "PTQ of an FP32-trained model (absmean per 256), not a ternary-trained model",
    "e8p": "E8P grid exact; random orthogonal rotations for incoherence; no BlockLDLQ or fine-tuning",
    "aqlm-1x16": "k-means codebook (no beam search or fine-tuning)",
    "aqlm-2x8": "greedy residual k-means + 2 coordinate-descent passes (no beam search or fine-tuning)",
    "spqr-int3-g128-o1": "outliers by magnitude (not Hessian sensitivity); FP16 outliers, int3-g128 rest",
}


def linears(model):
    out = []
    for layer in archs.decoder_layers(model):
        if archs.is_moe(layer):
            raise SystemExit("--compression measures dense models only")
        out += [m for m in layer.modules() if isinstance(m, torch.nn.Linear)]
    return out


def rows(model, ids, model_id, formats, ppl_fn, provenance, sink, seed=0):
    """One CSV row per format (fp16 first gives the reference of delta_ppl)."""
    mods = linears(model)
    out, base = [], None
    for name in formats:
        q = compress_quant.quantiser(name, seed)
        saved = [m.weight.data.clone() for m in mods]
        num = den = 0.0
        try:
            with torch.no_grad():
                q.fit([w.float() for w in saved])
                for m, w in zip(mods, saved):
                    wq = q(w.float())
                    num += (wq.double() - w.double()).pow(2).sum().item()
                    den += w.double().pow(2).sum().item()
                    m.weight.data.copy_(wq.to(m.weight.dtype))
            ppl = ppl_fn(model, ids)
        finally:
            with torch.no_grad():
                for m, w in zip(mods, saved):
                    m.weight.data.copy_(w)
        if name == "fp16":
            base = ppl
        out.append(dict(provenance, model=model_id, format=name, bits_per_weight=round(compress_quant.BITS[name], 6),
                        ppl=round(ppl, 6), delta_ppl="" if base is None else round(ppl - base, 6),
                        weight_rel_error=round((num / den) ** 0.5, 6), linears=len(mods),
                        quantiser_notes=NOTES.get(name, ""), tokens=ids.shape[0] * (ids.shape[1] - 1),
                        seqs=ids.shape[0], seq_len=ids.shape[1],
                        quantiser="tools/trace-capture/compress_quant.py"))
        sink(out)
    return out
