#!/usr/bin/env bash
# Where the CPU of a token goes, step by step: the service started as in production (with the no-op endpoints of
# the benchmark WAR), warmed up, then one flight recording (method samples, benchmark/steps.jfc) under the load of
# the JAX-RS no-op and one under the load of POST /verify/token, the same wrk load as benchmark/run.sh. The CPU of
# each thread is read from /proc before and after each recording; StepProfile gives each method sample to the
# innermost step of the request path on its stack and prints the table of benchmark/README.md.
#
#   benchmark/profile.sh            (WARMUP=120 DURATION=20 to change the defaults)
#
# A benchmark, not a test. The load targets 127.0.0.1 only, for a bounded time.
set -euo pipefail
cd "$(dirname "$0")/.."
WARMUP="${WARMUP:-120}"
DURATION="${DURATION:-20}"
PORT="${PORT:-18080}"
out=target/benchmark
mkdir -p "$out"
command -v wrk >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; }
source benchmark/build-war.sh

key="$(head -c 32 /dev/urandom | base64 | tr -d '\n=+/')"
mkdir -p "$out/secrets"
rm -rf "$out/root-profile"
source benchmark/wrk.sh
AUTHY_API_KEY="$key" APP_ID=1 SECRETS_DIR="$out/secrets" HOST=127.0.0.1 PORT=$PORT ROOT_DIR="$out/root-profile" \
  CDS=off AOT=off RATELIMIT_NUMBER=1000000/1h RATELIMIT_CLIENT=off \
  bash server-config/production/verify-token.sh target/payara-micro.jar "$out/verify-token-benchmark.war" \
  > "$out/server-profile.log" 2>&1 &
server_pid=$!
trap 'kill $server_pid 2>/dev/null || true' EXIT
await_token "http://127.0.0.1:$PORT/verify/token" "$out/server-profile.log"
jvm="$(pgrep -f -n "payara-micro.jar.*--port $PORT")"
# CPU milliseconds of the JVM's threads since it started: "java gc jit" (the VM thread runs the serial collector)
cpu() {
  local hz task name stat ticks java=0 gc=0 jit=0
  hz=$(getconf CLK_TCK)
  for task in /proc/"$jvm"/task/*; do
    name="$(cat "$task/comm" 2>/dev/null)" && stat="$(cat "$task/stat" 2>/dev/null)" || continue
    set -- ${stat##*) }
    ticks=$(( ${12} + ${13} ))
    case "$name" in
      C1\ Compiler*|C2\ Compiler*) jit=$((jit + ticks)) ;;
      VM\ Thread|GC\ Thread*|G1*) gc=$((gc + ticks)) ;;
      *) java=$((java + ticks)) ;;
    esac
  done
  echo $((java * 1000 / hz)) $((gc * 1000 / hz)) $((jit * 1000 / hz))
}

echo "warming up: ${WARMUP}s of load on the token and no-op endpoints"
# the flight recorder's own start (its classes, their compilation) during the warm-up, not in a measured run
jcmd "$jvm" JFR.start name=warmup settings="$PWD/benchmark/steps.jfc" >/dev/null
load warmup-token "http://127.0.0.1:$PORT/verify/token" form $((WARMUP / 2))
load warmup-noop "http://127.0.0.1:$PORT/verify/noop" form $((WARMUP / 2))

jcmd "$jvm" JFR.stop name=warmup >/dev/null

args=()
for run in noop token; do
  path=/verify/$run
  read -r java0 gc0 jit0 < <(cpu)
  jcmd "$jvm" JFR.start name="$run" settings="$PWD/benchmark/steps.jfc" filename="$PWD/$out/$run.jfr" >/dev/null
  load "profile-$run" "http://127.0.0.1:$PORT$path" form "$DURATION"
  jcmd "$jvm" JFR.stop name="$run" >/dev/null
  read -r java1 gc1 jit1 < <(cpu)
  requests=$(awk '/requests in/ {print $1}' "$out/wrk-profile-$run.txt")
  echo "$run: $requests requests, $(awk '/Requests\/sec/ {print $2}' "$out/wrk-profile-$run.txt")/s"
  args+=("$out/$run.jfr" "$requests" $((java1 - java0)) $((gc1 - gc0)) $((jit1 - jit0)))
done
java -cp target/test-classes dev.verifytoken.benchmark.StepProfile "${args[@]}" | tee "$out/steps.md"
