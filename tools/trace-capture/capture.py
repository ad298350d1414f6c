"""Captures PocketSim token-generation traces from a Hugging Face causal LM.

For each prompt: prefill (not recorded), then T decode steps. Row t of every tensor belongs
to generated token t and holds what the model computed while decoding with that token as
its input (the MLP input, the down_proj input, the router logits and chosen experts of that
step), so a row is exactly the work of one decode step. Caches are reset per prompt.
Generation does not stop at end-of-sequence, so every trace has exactly --max-tokens rows.

Usage:
  python capture.py --model DIR --prompts prompts.txt --out OUT --max-tokens 256 \
      [--layers 0,3,7] [--greedy | --temperature 0.8 --top-p 0.95] [--seed 0] \
      [--model-id NAME] [--origin TEXT] [--licence SPDX]
One prompt per line in prompts.txt (\\n escapes allowed); traces go to OUT/prompt-NN/.
"""
import argparse
import os
import sys

import torch

import archs
from tracefmt import write_trace


class Recorder:
    """Forward hooks that append one row per decode step for each recorded layer."""

    def __init__(self, model, layers):
        self.rows = {i: {} for i in layers}
        self.enabled = False
        self.handles = []
        all_layers = archs.decoder_layers(model)
        for i in layers:
            layer = all_layers[i]
            self.handles.append(layer.mlp.register_forward_pre_hook(self._pre(i, "mlp_in")))
            if archs.is_moe(layer):
                self.handles.append(archs.router(layer).register_forward_hook(self._router(i)))
            elif not archs.num_experts(model.config):
                self.handles.append(layer.mlp.down_proj.register_forward_pre_hook(self._pre(i, "down_in")))

    def _add(self, i, kind, t):
        if self.enabled:
            self.rows[i].setdefault(kind, []).append(t.detach().reshape(1, -1).float())

    def _pre(self, i, kind):
        def hook(_module, args):
            self._add(i, kind, args[0][:, -1])
        return hook

    def _router(self, i):
        def hook(_module, _args, out):
            logits, _weights, chosen = out
            self._add(i, "router_logits", logits[-1:])
            if self.enabled:
                self.rows[i].setdefault("experts", []).append(chosen[-1:].detach().to(torch.int64))
        return hook

    def take(self):
        out = {i: {k: torch.cat(v, 0) for k, v in kinds.items()} for i, kinds in self.rows.items()}
        self.rows = {i: {} for i in self.rows}
        return out

    def remove(self):
        for h in self.handles:
            h.remove()


def next_token(logits, sampling, gen):
    if sampling["method"] == "greedy":
        return int(torch.argmax(logits))
    probs = torch.softmax(logits.float() / sampling["temperature"], dim=-1)
    top_p = sampling["topP"]
    if top_p < 1.0:
        sp, si = torch.sort(probs, descending=True)
        keep = torch.cumsum(sp, 0) - sp < top_p
        probs = torch.zeros_like(probs).scatter(0, si[keep], sp[keep])
    return int(torch.multinomial(probs / probs.sum(), 1, generator=gen))


@torch.no_grad()
def capture_one(model, prompt_ids, max_tokens, layers, sampling, device):
    """Generates `max_tokens` tokens after `prompt_ids`; returns (token ids [T], per-layer rows)."""
    rec = Recorder(model, layers)
    gen = torch.Generator(device=device)
    gen.manual_seed(int(sampling.get("seed") or 0))
    try:
        ids = torch.tensor([prompt_ids], device=device)
        out = model(input_ids=ids, use_cache=True)
        past = out.past_key_values
        tok = next_token(out.logits[0, -1], sampling, gen)
        tokens = []
        rec.enabled = True
        for _ in range(max_tokens):
            tokens.append(tok)
            out = model(input_ids=torch.tensor([[tok]], device=device), past_key_values=past, use_cache=True)
            past = out.past_key_values
            tok = next_token(out.logits[0, -1], sampling, gen)
        rec.enabled = False
        return torch.tensor(tokens, dtype=torch.int32), rec.take()
    finally:
        rec.remove()


def parse_layers(text, n_layers):
    if not text:
        return list(range(n_layers))
    layers = sorted({int(x) for x in text.split(",") if x.strip()})
    bad = [i for i in layers if i < 0 or i >= n_layers]
    if bad:
        raise SystemExit(f"--layers: {bad} outside 0..{n_layers - 1}")
    return layers


def read_prompts(path):
    with open(path, encoding="utf-8") as f:
        prompts = [line.rstrip("\n").replace("\\n", "\n") for line in f if line.strip()]
    if not prompts:
        raise SystemExit(f"{path}: no prompts")
    return prompts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True, help="local Hugging Face model directory")
    ap.add_argument("--prompts", help="text file, one prompt per line")
    ap.add_argument("--prompt-ids", help="token ids of one prompt, comma-separated (models without tokenizer)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--max-tokens", type=int, default=64)
    ap.add_argument("--layers", default="")
    ap.add_argument("--greedy", action="store_true")
    ap.add_argument("--temperature", type=float, default=0.8)
    ap.add_argument("--top-p", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--model-id", default=None)
    ap.add_argument("--origin", default=None)
    ap.add_argument("--licence", default="unknown")
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--dtype", default="bfloat16", choices=["bfloat16", "float16", "float32"])
    a = ap.parse_args(argv)
    if a.max_tokens < 1:
        raise SystemExit("--max-tokens must be at least 1")
    if not (a.temperature > 0 and 0 < a.top_p <= 1):
        raise SystemExit("--temperature must be > 0 and --top-p in (0, 1]")
    from transformers import AutoModelForCausalLM, AutoTokenizer
    model = AutoModelForCausalLM.from_pretrained(a.model, dtype=getattr(torch, a.dtype)).to(a.device).eval()
    archs.check_supported(model)
    layers = parse_layers(a.layers, model.config.num_hidden_layers)
    if a.prompt_ids:
        prompts = [("ids " + a.prompt_ids, [int(x) for x in a.prompt_ids.split(",")])]
    elif a.prompts:
        tok = AutoTokenizer.from_pretrained(a.model)
        prompts = [(p, tok(p)["input_ids"]) for p in read_prompts(a.prompts)]
    else:
        raise SystemExit("give --prompts or --prompt-ids")
    sampling = {"method": "greedy", "seed": a.seed} if a.greedy else \
        {"method": "sampled", "temperature": a.temperature, "topP": a.top_p, "seed": a.seed}
    model_id = a.model_id or os.path.basename(os.path.normpath(a.model))
    origin = a.origin or f"tools/trace-capture/capture.py : {model_id}"
    for n, (text, ids) in enumerate(prompts):
        tokens, rows = capture_one(model, ids, a.max_tokens, layers, sampling, a.device)
        out = os.path.join(a.out, f"prompt-{n:02d}")
        meta = {"producer": "pocketsim tools/trace-capture/capture.py", "model_type": model.config.model_type,
                "prompt_token_ids": ",".join(map(str, ids)), "torch": torch.__version__}
        write_trace(out, model_id, archs.shape_of(model), tokens, rows, origin, a.licence, text, sampling, meta)
        print(f"wrote {out}: {len(tokens)} tokens, layers {layers}", file=sys.stderr)


if __name__ == "__main__":
    main()
