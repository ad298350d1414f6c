"""Perplexity with the weights and activations of every linear layer fake-quantised per format.

One setting = (weight format, activation format), names as in the Java registry; the quantisers
are fmtquant.py's, bit-faithful to org.pocketsim.kernel.format. Weights: per output channel
(INT8, FP8) or per block / group along the input features (MX, INT4-g128, NF4). Activations:
per token (INT8, FP8 absmax scale) or an FP16 round trip ("A16"). Routers stay in full
precision, and so do the embeddings and the LM head (they are outside the decoder layers). Fused MoE expert tensors ([experts, out, in], as transformers 5 stores them) get
their weights quantised per expert and the expert block's input quantised; the input of the
experts' down projection inside a fused kernel cannot be hooked and stays unquantised (the
`expert_tensors` column says when that applies). Perplexity is teacher-forced (one parallel
pass): every quantiser works per token, so it equals the KV-cache decode up to float rounding.
"""
import torch

import archs
import fmtquant

SETTINGS = {
    "w16a16": ("none", "none"),
    "w8a8-int8": ("int8", "int8"),
    "w8a8-fp8-e4m3": ("fp8-e4m3", "fp8-e4m3"),
    "w8a8-fp8-e5m2": ("fp8-e5m2", "fp8-e5m2"),
    "w4a16-int4-g128": ("int4-g128", "fp16"),
    "w4a16-mxfp4": ("mxfp4", "fp16"),
    "w4a16-nf4": ("nf4", "fp16"),
    "w4a8-int4-g128": ("int4-g128", "int8"),
}
SCALING = {"none": "", "int8": "absmax per row", "int4": "absmax per row", "fp8-e4m3": "absmax per row",
           "fp8-e5m2": "absmax per row", "int4-g128": "FP16 absmax/7 per 128", "mxfp4": "E8M0 per 32",
           "nf4": "FP32 absmax per 64", "fp16": "none (cast)"}
FIELDS = ["model", "setting", "weights", "activations", "weight_scaling", "activation_scaling", "linears",
          "expert_tensors", "ppl", "delta_ppl", "tokens", "seqs", "seq_len", "eval", "dtype", "device", "torch",
          "transformers", "quantiser", "commit"]


def _input_hook(aq):
    def hook(_module, args):
        return (aq(args[0]).to(args[0].dtype),) + tuple(args[1:])
    return hook


class QuantisedModel:
    """Quantises the weights of `model` in place and hooks its linear inputs; restore() undoes both."""

    def __init__(self, model, weight_format, activation_format):
        wq, aq = fmtquant.quantiser(weight_format), fmtquant.quantiser(activation_format)
        self.saved, self.hooks, self.linears, self.expert_tensors = [], [], 0, 0
        for layer in archs.decoder_layers(model):
            skip = {id(m) for m in archs.router(layer).modules()} if archs.is_moe(layer) else set()
            for module in layer.modules():
                if id(module) in skip or not isinstance(module, torch.nn.Linear):
                    continue
                self._weight(module.weight, wq)
                if aq is not None:
                    self.hooks.append(module.register_forward_pre_hook(_input_hook(aq)))
                self.linears += 1
            experts = getattr(layer.mlp, "experts", None) if archs.is_moe(layer) else None
            if experts is not None and not any(isinstance(m, torch.nn.Linear) for m in experts.modules()):
                fused = [p for p in experts.parameters(recurse=False) if p.dim() == 3]
                for p in fused:
                    self._weight(p, wq)
                    self.expert_tensors += 1
                if fused and aq is not None:
                    self.hooks.append(experts.register_forward_pre_hook(_input_hook(aq)))

    def _weight(self, p, wq):
        if wq is None:
            return
        with torch.no_grad():
            self.saved.append((p, p.data.clone()))
            p.data.copy_(wq(p.data.float()).to(p.dtype))

    def restore(self):
        with torch.no_grad():
            for p, data in self.saved:
                p.data.copy_(data)
        for h in self.hooks:
            h.remove()


def rows(model, ids, model_id, settings, ppl_fn, provenance, sink):
    """One CSV row per setting; `ppl_fn(model, ids)` measures, `provenance` fills the constant columns."""
    out = []
    base = None
    for name in settings:
        if name not in SETTINGS:
            raise SystemExit(f"--formats: unknown setting {name!r}; known: {', '.join(SETTINGS)}")
        w, a = SETTINGS[name]
        patch = QuantisedModel(model, w, a) if (w, a) != ("none", "none") else None
        try:
            ppl = ppl_fn(model, ids)
        finally:
            if patch is not None:
                patch.restore()
        if name == "w16a16":
            base = ppl
        out.append(dict(provenance, model=model_id, setting=name, weights=w, activations=a,
                        weight_scaling=SCALING[w], activation_scaling=SCALING[a],
                        linears=patch.linears if patch else 0, expert_tensors=patch.expert_tensors if patch else 0,
                        ppl=round(ppl, 6), delta_ppl="" if base is None else round(ppl - base, 6),
                        tokens=ids.shape[0] * (ids.shape[1] - 1), seqs=ids.shape[0], seq_len=ids.shape[1]))
        sink(out)
    return out
