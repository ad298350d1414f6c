#!/usr/bin/env bash
# Regenerates the shipped traces from the real data in data/third-party (see NOTICE.md).
# Usage: data/traces/regenerate.sh [pocketsim command]   (default: java -jar cli/target/pocketsim.jar)
set -euo pipefail
cd "$(dirname "$0")/../.."
POCKETSIM=${1:-"java -jar cli/target/pocketsim.jar"}
rm -rf data/traces/olmoe-1b-7b-0924.decode299 data/traces/switch-base-32.cnn-dailymail
$POCKETSIM trace import --format expert-ids-jsonl --model olmoe-1b-7b-0924 \
  --origin "sqliteai/warp @7f1fbba3 : tests/trace_olmoe_299.jsonl (via data/third-party/moe/olmoe-1b-7b-0924.decode299.expert-ids.jsonl)" \
  --licence Apache-2.0 --prompt "one C-coding prompt" --sampling sampled --temperature 0.7 \
  data/third-party/moe/olmoe-1b-7b-0924.decode299.expert-ids.jsonl data/traces/olmoe-1b-7b-0924.decode299
$POCKETSIM trace import --format router-logits-jsonl --model switch-base-32 --layers 12 --hidden 768 --intermediate 3072 \
  --layer-index 1,3,5,7,9,11 \
  --origin "abhibambhaniya/MoE_Expert_Scheduler @28c4f7f9 : Modelling Notebooks/switch_t_base_32E_cnn_dailymail_100_1.csv (via data/third-party/moe/switch-base-32.cnn-dailymail.router-logits.jsonl)" \
  --licence Apache-2.0 --prompt "CNN/DailyMail article to summarise" \
  data/third-party/moe/switch-base-32.cnn-dailymail.router-logits.jsonl data/traces/switch-base-32.cnn-dailymail
