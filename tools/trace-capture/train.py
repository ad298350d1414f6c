"""Trains a small decoder from scratch on the corpus of corpus.py, within a wall-clock budget.

--arch llama: dense SwiGLU decoder, 8 layers, hidden 512, intermediate 1536, 8 heads (~36M).
--arch olmoe: OLMoE MoE decoder, 8 layers, hidden 512, 32 experts of width 256, top-4.
bf16 autocast, AdamW (betas 0.9/0.95, weight decay 0.1), linear warm-up then cosine decay to
10% driven by elapsed time over --time-budget, so the run ends at a flat, annealed loss.
Validation loss on a fixed set of held-out windows every --eval-every steps. Writes the model
(safetensors, fp32) and its tokenizer to --out, and the log CSV to --log.
"""
import argparse
import csv
import math
import os
import time

import numpy as np
import torch


def build(arch, vocab):
    from transformers import LlamaConfig, LlamaForCausalLM, OlmoeConfig, OlmoeForCausalLM
    common = dict(vocab_size=vocab, hidden_size=512, num_hidden_layers=8, num_attention_heads=8,
                  num_key_value_heads=8, max_position_embeddings=1024, rms_norm_eps=1e-5,
                  bos_token_id=0, eos_token_id=0, pad_token_id=0, tie_word_embeddings=False)
    if arch == "llama":
        return LlamaForCausalLM(LlamaConfig(intermediate_size=1536, **common))
    if arch == "olmoe":
        return OlmoeForCausalLM(OlmoeConfig(intermediate_size=256, num_experts=32, num_experts_per_tok=4,
                                            norm_topk_prob=False, output_router_logits=True,
                                            router_aux_loss_coef=0.01, **common))
    raise SystemExit(f"--arch must be llama or olmoe, got {arch}")


def windows(data, starts, length):
    idx = starts[:, None] + torch.arange(length, device=data.device)[None, :]
    return data[idx]


@torch.no_grad()
def val_loss(model, val, seq_len, n_windows, batch):
    g = torch.Generator(device="cpu").manual_seed(1234)
    starts = torch.randint(0, val.numel() - seq_len - 1, (n_windows,), generator=g).to(val.device)
    total = 0.0
    model.eval()
    for i in range(0, n_windows, batch):
        x = windows(val, starts[i:i + batch], seq_len)
        with torch.autocast(val.device.type, dtype=torch.bfloat16):
            logits = model(input_ids=x[:, :-1]).logits
        total += float(torch.nn.functional.cross_entropy(logits.float().reshape(-1, logits.shape[-1]),
                                                         x[:, 1:].reshape(-1))) * x.shape[0]
    model.train()
    return total / n_windows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--arch", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--time-budget", type=float, default=180.0, help="seconds of training")
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--seq-len", type=int, default=512)
    ap.add_argument("--lr", type=float, default=1.5e-3)
    ap.add_argument("--warmup", type=int, default=100)
    ap.add_argument("--eval-every", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    a = ap.parse_args(argv)
    from tokenizers import Tokenizer
    from transformers import PreTrainedTokenizerFast
    torch.manual_seed(a.seed)
    dev = a.device
    tok = Tokenizer.from_file(os.path.join(a.corpus, "tokenizer.json"))
    train = torch.from_numpy(np.load(os.path.join(a.corpus, "train.npy")).astype(np.int64)).to(dev)
    val = torch.from_numpy(np.load(os.path.join(a.corpus, "val.npy")).astype(np.int64)).to(dev)
    model = build(a.arch, tok.get_vocab_size()).to(dev)
    n_params = sum(p.numel() for p in model.parameters())
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1}, {"params": no_decay, "weight_decay": 0.0}],
                            lr=a.lr, betas=(0.9, 0.95), fused=dev == "cuda")
    g = torch.Generator(device=dev).manual_seed(a.seed)
    log = open(a.log, "w", newline="")
    w = csv.writer(log, lineterminator="\n")
    w.writerow(["step", "tokens", "seconds", "lr", "train_loss", "val_loss"])
    print(f"{a.arch}: {n_params / 1e6:.1f}M parameters, {train.numel()} train tokens, {val.numel()} val tokens",
          flush=True)
    t0 = time.time()
    step, ema = 0, None
    while True:
        elapsed = time.time() - t0
        frac = min(1.0, elapsed / a.time_budget)
        lr = a.lr * min(1.0, (step + 1) / a.warmup) * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * frac)))
        for group in opt.param_groups:
            group["lr"] = lr
        starts = torch.randint(0, train.numel() - a.seq_len - 1, (a.batch,), device=dev, generator=g)
        x = windows(train, starts, a.seq_len)
        with torch.autocast(dev, dtype=torch.bfloat16):
            loss = model(input_ids=x, labels=x).loss
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        if step % 10 == 0:
            ema = float(loss) if ema is None else 0.9 * ema + 0.1 * float(loss)
        done = elapsed >= a.time_budget
        if step % a.eval_every == 0 or done:
            vl = val_loss(model, val, a.seq_len + 1, 256, a.batch)
            w.writerow([step, step * a.batch * a.seq_len, round(time.time() - t0, 1), f"{lr:.3e}",
                        f"{ema:.4f}" if ema is not None else "", f"{vl:.4f}"])
            log.flush()
            print(f"step {step} t={time.time() - t0:.0f}s lr={lr:.2e} train={ema} val={vl:.4f}", flush=True)
        if done:
            break
    log.close()
    model.config.output_router_logits = False
    model.save_pretrained(a.out)
    PreTrainedTokenizerFast(tokenizer_object=tok, eos_token="<|endoftext|>").save_pretrained(a.out)
    print(f"saved {a.out}: steps {step}, {time.time() - t0:.0f}s", flush=True)


if __name__ == "__main__":
    main()
