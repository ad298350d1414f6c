#!/bin/bash
# One device call for the weight-compression study (issue 18): tests of the quantisers, corpus,
# training (as device_real.sh: the weights are not shipped, so the model is trained again with the
# same settings) and the perplexity of every compression format (quality.py --compression all).
# Usage on the GPU machine: device_compression.sh ARCH BUDGET_S   (llama 150, as the shipped model)
# Results go to $OUT/results.tgz after each stage (env.txt, train log, quality-compression.csv).
# The corpus and the trained model stay in /tmp while the machine is warm: if a call runs out of
# time in the quality stage, the same command again skips straight to it.
set -o pipefail
ARCH=$1; BUDGET=$2
export PYTHONUNBUFFERED=1
cd "$(dirname "$0")"
R=/tmp/res; mkdir -p $R
pack() { tar czf $OUT/results.tgz -C $R . ; }
{ date -u; nvidia-smi -L; python3 -c 'import sys, torch, transformers, numpy; print(sys.version); print("torch", torch.__version__, "transformers", transformers.__version__, "numpy", numpy.__version__)'; } 2>&1 | tee $R/env.txt
timeout 300 python3 -m pytest -q -p no:cacheprovider tests/test_compress_quant.py tests/test_compressquality.py 2>&1 | tail -5 | tee $R/pytest-compression.log
TOKARG=""; [ -f carry-tokenizer.json ] && TOKARG="--tokenizer carry-tokenizer.json"
[ -f /tmp/corpus/val.npy ] || timeout 200 python3 corpus.py --out /tmp/corpus --max-bytes 100e6 --vocab 8192 $TOKARG 2>&1 | tail -2 | tee $R/corpus.log
pack
[ -f /tmp/models/$ARCH/config.json ] || timeout $((BUDGET + 90)) python3 train.py --arch $ARCH --corpus /tmp/corpus --out /tmp/models/$ARCH --log $R/train-$ARCH.csv --time-budget $BUDGET 2>&1 | grep -v Warn | tail -20 | tee $R/train-$ARCH.log
pack
timeout 300 python3 quality.py --model /tmp/models/$ARCH --model-id pocketsim-$ARCH-py --tokens-npy /tmp/corpus/val.npy \
  --seqs 32 --seq-len 256 --compression all --out $R > $R/quality-compression-$ARCH.log 2>&1
pack; cat $R/quality-compression.csv; date -u
