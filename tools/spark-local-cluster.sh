#!/usr/bin/env bash
# A Spark standalone cluster on this machine, from the Spark jars Maven resolved (nothing else is
# downloaded): starts a Master (org.apache.spark.deploy.master.Master) and one Worker
# (org.apache.spark.deploy.worker.Worker), submits a shipped study as the job jar
# spark/target/pocketsim-spark.jar with org.apache.spark.deploy.SparkSubmit (client mode: the
# driver runs here, the points run in the Worker's executor JVM), runs the same study on the
# thread pool, compares results.csv and results.json byte for byte, and stops the cluster.
#
# Usage: tools/spark-local-cluster.sh [CONFIG] [WORKER_CORES]   (default configs/dip-example.yaml, 2)
# KILL_EXECUTOR_AFTER=S kills the Worker's executor JVM S seconds after the submit: the Worker
# starts a new one and Spark re-runs the lost tasks; the results must still be identical.
# Spark's launcher code wants a SPARK_HOME with a jars/ folder: a temporary one holds links to the
# jars in the local Maven repository (spark/target/spark-classpath.txt). The machines of a real
# cluster need the experiment's folder (configs, data, traces) at the same path, e.g. on NFS.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONFIG="$(realpath "${1:-$ROOT/configs/dip-example.yaml}")"
CORES="${2:-2}"
JAR="$ROOT/spark/target/pocketsim-spark.jar"
OPTS="@$ROOT/spark/src/main/jvm/spark-jvm.options"
LOG4J="-Dlog4j.configurationFile=$ROOT/spark/src/main/jvm/log4j2.properties"

"$ROOT/pocketsim-spark" validate "$CONFIG" >/dev/null  # builds the job jar and the class path on first use
CP="$(cat "$ROOT/spark/target/spark-classpath.txt")"

WORK="$(mktemp -d /tmp/pocketsim-spark-cluster.XXXXXX)"
export SPARK_HOME="$WORK/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOG_DIR="$WORK/logs"
mkdir -p "$SPARK_HOME/jars" "$SPARK_LOG_DIR"
tr ':' '\n' <<<"$CP" | while read -r jar; do ln -s "$jar" "$SPARK_HOME/jars/"; done

PIDS=()
stop() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop EXIT

wait_for() { # $1 text, $2 log, $3 pid: up to 120 s
  for ((i = 0; i < 120; i++)); do
    grep -q "$1" "$2" 2>/dev/null && return 0
    kill -0 "$3" 2>/dev/null || break
    sleep 1
  done
  echo "spark-local-cluster: no '$1' in $2:" >&2; tail -20 "$2" >&2; exit 1
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT="$(free_port)"; UI="$(free_port)"; WUI="$(free_port)"
MASTER="spark://127.0.0.1:$PORT"

t0=$(date +%s.%N)
java $OPTS -cp "$CP" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$PORT" --webui-port "$UI" \
  >"$SPARK_LOG_DIR/master.log" 2>&1 &
PIDS+=($!)
wait_for "I have been elected leader" "$SPARK_LOG_DIR/master.log" "${PIDS[0]}"
java $OPTS -cp "$CP" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores "$CORES" --memory 2g \
  --webui-port "$WUI" --work-dir "$WORK/worker" "$MASTER" >"$SPARK_LOG_DIR/worker.log" 2>&1 &
PIDS+=($!)
wait_for "Successfully registered with master" "$SPARK_LOG_DIR/worker.log" "${PIDS[1]}"
t1=$(date +%s.%N)
echo "cluster: master $MASTER and one worker ($CORES cores) up in $(printf %.1f "$(echo "$t1 - $t0" | bc)") s; logs in $SPARK_LOG_DIR"

java $OPTS "$LOG4J" -cp "$CP" org.apache.spark.deploy.SparkSubmit --master "$MASTER" --deploy-mode client \
  --class org.pocketsim.cli.Main --conf spark.ui.enabled=false --total-executor-cores "$CORES" --executor-memory 1g \
  "$JAR" run "$CONFIG" --executor spark --out "$WORK/out-cluster" 2>"$WORK/submit.err" >"$WORK/submit.out" &
SUBMIT=$!
PIDS+=($SUBMIT)
if [[ -n "${KILL_EXECUTOR_AFTER:-}" ]]; then
  sleep "$KILL_EXECUTOR_AFTER"
  EXECUTOR="$(pgrep -P "${PIDS[1]}" -f CoarseGrainedExecutorBackend | head -1 || true)"
  if [[ -n "$EXECUTOR" ]]; then
    echo "killing executor JVM $EXECUTOR after ${KILL_EXECUTOR_AFTER} s; points stored so far: $(cat "$WORK"/out-cluster/.state/*/points.jsonl 2>/dev/null | wc -l)"
    kill -9 "$EXECUTOR"
  else
    echo "no executor JVM to kill after ${KILL_EXECUTOR_AFTER} s"
  fi
fi
wait "$SUBMIT" || { tail -30 "$WORK/submit.err"; exit 1; }
cat "$WORK/submit.out"
grep -E "^[0-9]+ points:" "$WORK/submit.err" || { tail -30 "$WORK/submit.err"; exit 1; }
t2=$(date +%s.%N)
echo "cluster run (spark-submit, driver start to report): $(printf %.1f "$(echo "$t2 - $t1" | bc)") s"

"$ROOT/pocketsim" run "$CONFIG" --out "$WORK/out-local" 2>"$WORK/local.err" >/dev/null
grep -E "^[0-9]+ points:" "$WORK/local.err"
t3=$(date +%s.%N)
echo "thread-pool run (./pocketsim): $(printf %.1f "$(echo "$t3 - $t2" | bc)") s"

ID="$(basename "$(dirname "$(find "$WORK/out-local" -name results.csv | head -1)")")"
for f in results.csv results.json; do
  if cmp -s "$WORK/out-cluster/$ID/$f" "$WORK/out-local/$ID/$f"; then
    echo "$f: identical ($(wc -l <"$WORK/out-local/$ID/$f") lines)"
  else
    echo "$f: DIFFERS"; diff <(head -c 2000 "$WORK/out-cluster/$ID/$f") <(head -c 2000 "$WORK/out-local/$ID/$f") | head; exit 1
  fi
done
echo "executor log: $(find "$WORK/worker" -name stderr | head -1)"
