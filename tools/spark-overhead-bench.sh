#!/usr/bin/env bash
# Overhead of the Spark executor against the thread pool on this machine: runs a sweep of
# spark/src/test/resources/org/pocketsim/spark/ afresh with `--executor threads --jobs 2` and
# `--executor spark --master local[2]`, alternating, ROUNDS times each (default 3), and prints per
# run the whole command's wall time and the sweep's own time (the "N points: ... in Xs" line: from
# the first point handed to the executor to the last stored, so for Spark without the context's
# start-up), with the command's CPU time (user + system, all threads: on a shared machine it moves
# less with the load than wall time does) and the load average. Both go through ./pocketsim-spark,
# so they share the JVM, its flags and its class path. Each round also runs Spark's floor
# (org.pocketsim.spark.SparkFloor: a bare context on local[2], one trivial job, stop; no PocketSim
# work) in a JVM of its own with the same flags: what any executor on Spark pays at the least.
# SWEEP: cheap-decode-2000 (default; 2,000 points of about a millisecond) or dip-200 (200 DIP
# points of a few hundred milliseconds each).
# Usage: tools/spark-overhead-bench.sh [ROUNDS] [SWEEP]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-3}"
SWEEP="${2:-cheap-decode-2000}"
CONFIG="$ROOT/spark/src/test/resources/org/pocketsim/spark/$SWEEP.yaml"
[[ -f "$CONFIG" ]] || { echo "spark-overhead-bench: no sweep $CONFIG" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "spark-overhead-bench: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 1; }
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
"$ROOT/pocketsim-spark" validate "$CONFIG" >/dev/null   # builds on first use, outside the timings

run() { # $1 name, rest: executor options
  local name="$1"; shift
  local start end sweep
  start=$(date +%s.%N)
  sweep=$(/usr/bin/time -f '%U %S' -o "$OUT/cpu" "$ROOT/pocketsim-spark" run "$CONFIG" --fresh --out "$OUT/$name" "$@" \
    2>&1 >/dev/null | sed -n 's/^[0-9]* points: .* in \(.*\)s$/\1/p')
  end=$(date +%s.%N)
  printf '%-16s wall %6.2f s   sweep %6s s   cpu %6.2f s   load %s\n' "$name" "$(echo "$end - $start" | bc)" "$sweep" \
    "$(awk '{print $1 + $2}' "$OUT/cpu")" "$(cut -d' ' -f1 /proc/loadavg)"
}

floor() { # Spark alone: context, one trivial job, stop (the job jar and Spark jars ./pocketsim-spark built)
  local start end times
  start=$(date +%s.%N)
  times=$(/usr/bin/time -f '%U %S' -o "$OUT/cpu" java "@$ROOT/spark/src/main/jvm/spark-jvm.options" \
    "-Dlog4j.configurationFile=$ROOT/spark/src/main/jvm/log4j2.properties" \
    -cp "$ROOT/spark/target/pocketsim-spark.jar:$(cat "$ROOT/spark/target/spark-classpath.txt")" \
    org.pocketsim.spark.SparkFloor 'local[2]' 2>/dev/null)
  end=$(date +%s.%N)
  printf '%-16s wall %6.2f s   %s   cpu %6.2f s   load %s\n' "spark-floor" "$(echo "$end - $start" | bc)" "$times" \
    "$(awk '{print $1 + $2}' "$OUT/cpu")" "$(cut -d' ' -f1 /proc/loadavg)"
}

echo "host: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), sweep $SWEEP"
for ((r = 1; r <= ROUNDS; r++)); do
  run "threads-jobs-2" --executor threads --jobs 2
  run "spark-local-2" --executor spark --master 'local[2]'
  floor
done
cmp "$OUT/threads-jobs-2/$SWEEP/results.csv" "$OUT/spark-local-2/$SWEEP/results.csv" \
  && echo "results.csv identical"
