#!/bin/bash
# One device call for a weight-quality sweep: the quantiser tests, corpus, training (as
# device_real.sh: the weights are not shipped, so the model is trained again with the same
# settings) and the perplexity of every format of one kind. Usage on the GPU machine:
#   device_weights.sh ARCH BUDGET_S formats       number formats, FP8 study (llama 150, olmoe 220)
#   device_weights.sh ARCH BUDGET_S compression   compression formats, dense models (llama 150)
# Results go to $OUT/results.tgz after each stage (env.txt, train log, quality-KIND.csv). When the
# machine is still warm from an earlier call, the corpus and the trained model are reused.
set -o pipefail
ARCH=$1; BUDGET=$2; KIND=$3
case "$KIND" in
  formats) TESTS="tests/test_fmtquant.py tests/test_formatquality.py"; TEST_S=60; QUALITY_S=240 ;;
  compression) TESTS="tests/test_compress_quant.py tests/test_compressquality.py"; TEST_S=300; QUALITY_S=300 ;;
  *) echo "usage: device_weights.sh ARCH BUDGET_S formats|compression" >&2; exit 2 ;;
esac
export PYTHONUNBUFFERED=1
cd "$(dirname "$0")"
R=/tmp/res; mkdir -p $R
pack() { tar czf $OUT/results.tgz -C $R . ; }
{ date -u; nvidia-smi -L; python3 -c 'import sys, torch, transformers, numpy; print(sys.version); print("torch", torch.__version__, "transformers", transformers.__version__, "numpy", numpy.__version__)'; } 2>&1 | tee $R/env.txt
timeout $TEST_S python3 -m pytest -q -p no:cacheprovider $TESTS 2>&1 | tail -5 | tee $R/pytest-$KIND.log
TOKARG=""; [ -f carry-tokenizer.json ] && TOKARG="--tokenizer carry-tokenizer.json"
[ -f /tmp/corpus/val.npy ] || timeout 200 python3 corpus.py --out /tmp/corpus --max-bytes 100e6 --vocab 8192 $TOKARG 2>&1 | tail -2 | tee $R/corpus.log
pack
[ -f /tmp/models/$ARCH/config.json ] || timeout $((BUDGET + 90)) python3 train.py --arch $ARCH --corpus /tmp/corpus --out /tmp/models/$ARCH --log $R/train-$ARCH.csv --time-budget $BUDGET 2>&1 | grep -v Warn | tail -20 | tee $R/train-$ARCH.log
pack
timeout $QUALITY_S python3 quality.py --model /tmp/models/$ARCH --model-id pocketsim-$ARCH-py --tokens-npy /tmp/corpus/val.npy \
  --seqs 32 --seq-len 256 --$KIND all --out $R > $R/quality-$KIND-$ARCH.log 2>&1
pack; cat $R/quality-$KIND.csv; date -u
