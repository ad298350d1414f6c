#!/bin/bash
# One device call: [tests and fixtures,] corpus, training, capture and quality for one model.
# Usage on the GPU machine: device_real.sh ARCH BUDGET_S [tests]. Everything small is packed
# into $OUT/results.tgz after each stage (so a run cut short still returns what it made),
# each captured trace into $OUT/trace-ARCH-NN.tgz; the whole log goes to $OUT/log by the caller.
# GAMMAS (default 0.1,0.2,0.5) sets quality.py's DIP-CA gammas; the DIP study's sweep (issue 12)
# is GAMMAS=0.05,0.1,0.2,0.5,1.0. CAPTURE=0 skips the trace capture (a quality-only run that must
# fit one 10-minute device call); CA_VARIANTS (default plain,guarded) sets the DIP-CA variants.
set -o pipefail
ARCH=$1; BUDGET=$2; MODE=$3
export PYTHONUNBUFFERED=1
cd "$(dirname "$0")"
R=/tmp/res; mkdir -p $R
pack() { tar czf $OUT/results.tgz -C $R . ; }
{ date -u; nvidia-smi -L; python3 -c 'import sys, torch, transformers, safetensors, tokenizers, numpy; print(sys.version); print("torch", torch.__version__, "transformers", transformers.__version__, "safetensors", safetensors.__version__, "tokenizers", tokenizers.__version__, "numpy", numpy.__version__)'; } 2>&1 | tee $R/env.txt
if [ "$MODE" = tests ]; then
  python3 write_fixture.py $R/python-written.safetensors
  rm -rf /tmp/fx; mkdir -p /tmp/fx
  POCKETSIM_FIXTURES_OUT=/tmp/fx timeout 150 python3 -m pytest -q -p no:cacheprovider tests 2>&1 | tail -15 | tee $R/pytest.log
  cp -r /tmp/fx $R/fixtures; pack
fi
TOKARG=""; [ -f carry-tokenizer.json ] && TOKARG="--tokenizer carry-tokenizer.json"
[ -f /tmp/corpus/val.npy ] || timeout 200 python3 corpus.py --out /tmp/corpus --max-bytes 100e6 --vocab 8192 $TOKARG 2>&1 | tail -2 | tee $R/corpus.log
cp /tmp/corpus/corpus.json /tmp/corpus/packages.csv /tmp/corpus/tokenizer.json $R/; pack
timeout $((BUDGET + 90)) python3 train.py --arch $ARCH --corpus /tmp/corpus --out /tmp/models/$ARCH --log $R/train-$ARCH.csv --time-budget $BUDGET 2>&1 | grep -v Warn | tail -40 | tee $R/train-$ARCH.log
cp /tmp/models/$ARCH/config.json $R/config-$ARCH.json; pack
SHA=$(cat carry-commit.txt 2>/dev/null || echo unknown)
[ "${CAPTURE:-1}" = 0 ] || timeout 120 python3 capture.py --model /tmp/models/$ARCH --prompts prompts.txt --out /tmp/traces/$ARCH --max-tokens 256 --temperature 0.8 --top-p 0.95 --seed 0 --model-id pocketsim-$ARCH-py --licence "n/a: trained from scratch by PocketSim (corpus licences: corpus-packages.csv)" --origin "tools/trace-capture train.py --arch $ARCH @$SHA, Python-sources corpus; captured by capture.py" 2>&1 | grep -v Warn | tail -5
for d in $(ls -d /tmp/traces/$ARCH/prompt-* 2>/dev/null); do tar czf $OUT/trace-$ARCH-$(basename $d).tgz -C $d . ; done; ls -la $OUT
Q="python3 quality.py --model /tmp/models/$ARCH --model-id pocketsim-$ARCH-py --tokens-npy /tmp/corpus/val.npy --seqs 32 --seq-len 256 --gammas ${GAMMAS:-0.1,0.2,0.5}"
if [ "$ARCH" = llama ]; then
  # one process per density group, in parallel (each decode step is launch-bound, the GPU has room)
  n=0; for D in 1.0,0.75 0.5 0.35 0.25; do
    timeout 280 $Q --densities $D --ca-variants ${CA_VARIANTS:-plain,guarded} --out /tmp/q$n > $R/quality-$ARCH-$n.log 2>&1 & n=$((n+1))
  done; wait
  { head -1 /tmp/q0/quality-dip.csv; for i in 0 1 2 3; do tail -n +2 /tmp/q$i/quality-dip.csv; done; } > $R/quality-dip.csv
else
  # the MoE study's grid (configs/moe-cache-routing-models.yaml): lambda 0..1 in 11 steps, a quarter
  # and half of the experts cached, Max-Rank M 12 and the 0.9 cumulative window beside Cache-Prior
  timeout 280 $Q --lambdas 0,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1.0 --cache-fracs 0.25,0.5 \
    --max-ranks 12 --windows 0.9 --out $R > $R/quality-$ARCH.log 2>&1
fi
pack; wc -l $R/quality-*.csv; grep -h 'decode ppl\|parallel ppl\|settings in' $R/quality-$ARCH*.log; date -u
