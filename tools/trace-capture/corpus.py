"""Builds the training corpus and BPE tokenizer from Python sources found on the machine.

Corpus: the *.py files of the Python standard library and of the installed site-packages
(files of 1 KB to 512 KB, deduplicated by content), visited in a fixed pseudo-random order
(crc32 of the relative path) until --max-bytes. Split by file: crc32(path) % 100 < 2 goes to
validation. Tokenizer: byte-level BPE (Hugging Face tokenizers) with --vocab entries, trained
on the training split only. Writes OUT/train.npy, OUT/val.npy (uint16 ids, files separated
by <|endoftext|>), OUT/tokenizer.json, OUT/corpus.json (counts) and OUT/packages.csv (name,
version, licence of every installed distribution, for provenance).
"""
import argparse
import csv
import hashlib
import json
import os
import sysconfig
import time
import zlib
from importlib import metadata

import numpy as np

EOT = "<|endoftext|>"


def source_files(roots):
    seen = set()
    files = []
    for root in roots:
        for dirpath, _dirs, names in os.walk(root):
            for n in names:
                if n.endswith(".py"):
                    p = os.path.join(dirpath, n)
                    try:
                        size = os.path.getsize(p)
                    except OSError:
                        continue
                    if 1024 <= size <= 512 * 1024:
                        rel = os.path.relpath(p, root)
                        files.append((zlib.crc32(rel.encode()), rel, p))
    files.sort()
    out = []
    for _key, rel, p in files:
        try:
            text = open(p, encoding="utf-8").read()
        except (UnicodeDecodeError, OSError):
            continue
        digest = hashlib.sha1(text.encode()).digest()
        if digest not in seen:
            seen.add(digest)
            out.append((rel, text))
    return out


def packages():
    rows = []
    for d in metadata.distributions():
        lic = d.metadata.get("License-Expression") or d.metadata.get("License") or ""
        if not lic or len(lic) > 80:
            cls = [c.split("::")[-1].strip() for c in (d.metadata.get_all("Classifier") or []) if c.startswith("License")]
            lic = "; ".join(cls) if cls else (lic.splitlines()[0][:80] if lic else "unknown")
        rows.append((d.metadata["Name"], d.version, lic))
    return sorted(set(rows), key=lambda r: r[0].lower())


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", required=True)
    ap.add_argument("--max-bytes", type=float, default=120e6)
    ap.add_argument("--vocab", type=int, default=8192)
    ap.add_argument("--tokenizer", help="reuse this tokenizer.json instead of training one")
    a = ap.parse_args(argv)
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    t0 = time.time()
    roots = sorted({sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})
    train, val, total = [], [], 0
    for rel, text in source_files(roots):
        (val if zlib.crc32(rel.encode()) % 100 < 2 else train).append(text)
        total += len(text.encode())
        if total >= a.max_bytes:
            break
    if a.tokenizer:
        tok = Tokenizer.from_file(a.tokenizer)
    else:
        tok = Tokenizer(models.BPE())
        tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
        tok.decoder = decoders.ByteLevel()
        trainer = trainers.BpeTrainer(vocab_size=a.vocab, special_tokens=[EOT],
                                      initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
        tok.train_from_iterator(train, trainer=trainer)
    os.makedirs(a.out, exist_ok=True)
    tok.save(os.path.join(a.out, "tokenizer.json"))
    eot = tok.token_to_id(EOT)
    stats = {"roots": roots, "max_bytes": a.max_bytes, "vocab": a.vocab}
    for name, texts in (("train", train), ("val", val)):
        ids = []
        for enc in tok.encode_batch(texts):
            ids.extend(enc.ids)
            ids.append(eot)
        np.save(os.path.join(a.out, f"{name}.npy"), np.asarray(ids, dtype=np.uint16))
        stats[name] = {"files": len(texts), "bytes": sum(len(t.encode()) for t in texts), "tokens": len(ids)}
    stats["seconds"] = round(time.time() - t0, 1)
    with open(os.path.join(a.out, "corpus.json"), "w") as f:
        json.dump(stats, f, indent=1)
    with open(os.path.join(a.out, "packages.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["package", "version", "licence"])
        w.writerows(packages())
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
