#!/usr/bin/env bash
# Runs every benchmark and prints a table: JMH in-process (token creation over a varied corpus, its parts,
# jose4j signing alone, a plain HMAC), then over HTTP on loopback with wrk, in one run: a no-op servlet (the
# server's floor), a no-op JAX-RS endpoint, POST /verify/token with form and JSON bodies, and Twilio's Ruby example (../shared/peer)
# under puma; start-up time to the first token and the throughput of the first 30 s after it (time to peak);
# resident memory after the load; then the token endpoint again
# with its buckets in a Redis on loopback (ratelimit.store), and served by the development run (./run.sh).
#
#   benchmark/run.sh                 (WARMUP=120 DURATION=20 JMH=1 to change the defaults)
#   SERVERS=payara6,payara7,wildfly,openliberty,glassfish benchmark/run.sh
#                                    the token endpoint and the JAX-RS no-op on each of these servers instead, in one
#                                    table (benchmark/servers.sh)
#
# Benchmarks print figures; they are not tests. Every load targets 127.0.0.1 only, for a bounded time.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${SERVERS:-}" ]; then
  exec bash benchmark/servers.sh
fi
WARMUP="${WARMUP:-120}"      # seconds of load before measuring: the JIT needs about two minutes on 2 cores
DURATION="${DURATION:-20}"   # seconds of each measured run
JMH="${JMH:-1}"              # 0 skips the in-process benchmarks
PORT=18080
RUBY_PORT=14567
REDIS_PORT=16379
PEER="$(cd "${PEER:-../shared/peer}" 2>/dev/null && pwd || echo "${PEER:-../shared/peer}")"
TEMURIN25="${TEMURIN25:-/usr/lib/jvm/temurin-25-jdk-amd64}"   # for the start with AOT=on (JDK 25's AOT cache)
out=target/benchmark
mkdir -p "$out"

# -- tools: wrk, and Ruby with Sinatra, jwt and puma for the peer --------------------------------------------
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v puma >/dev/null || missing+=(puma)
command -v redis-server >/dev/null || missing+=(redis-server)
ruby -e 'require "sinatra/base"; require "jwt"' 2>/dev/null || missing+=(ruby-sinatra ruby-jwt)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

# -- build: the production WAR, and a copy of it with the no-op endpoint added ------------------------------
source benchmark/build-war.sh

machine="$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
java_version="$(java -version 2>&1 | head -1)"

# -- JMH ------------------------------------------------------------------------------------------------------
if [ "$JMH" = 1 ]; then
  java -cp "target/test-classes:target/classes:$(cat "$out/test.classpath")" org.openjdk.jmh.Main \
    TokenCreationBenchmark -rf json -rff "$out/jmh.json" | tee "$out/jmh.txt" | grep -E "^(Benchmark|TokenCreation)"
fi

# -- the service, started as in production, with the no-op endpoint -----------------------------------------
key="$(head -c 32 /dev/urandom | base64 | tr -d '\n=+/')"
mkdir -p "$out/secrets"
# the per-number limit stays on (its cost is part of each token) but high enough for a load test; the
# per-client limit is off, since every request comes from 127.0.0.1
source benchmark/wrk.sh
extra_env=()   # further environment of the next start_server
start_server() { # off|cds|aot; sets server_pid and first_token_ms
  local start_ns mode_env=(CDS=off AOT=off)
  [ "$1" = cds ] && mode_env=(CDS=on AOT=off)
  [ "$1" = aot ] && mode_env=(CDS=off AOT=on PATH="$TEMURIN25/bin:$PATH")
  start_ns=$(date +%s%N)
  env "${mode_env[@]}" AUTHY_API_KEY="$key" APP_ID=1 SECRETS_DIR="$out/secrets" HOST=127.0.0.1 PORT=$PORT \
    ROOT_DIR="$out/root-$1" RATELIMIT_NUMBER=1000000/1h RATELIMIT_CLIENT=off ${extra_env[@]+"${extra_env[@]}"} \
    bash server-config/production/verify-token.sh target/payara-micro.jar "$out/verify-token-benchmark.war" \
    > "$out/server-$1.log" 2>&1 &
  server_pid=$!
  await_token "http://127.0.0.1:$PORT/verify/token" "$out/server-$1.log"
  first_token_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
}
trap 'kill ${server_pid:-} 2>/dev/null || true; [ -n "${ruby_pid:-}" ] && kill $ruby_pid 2>/dev/null || true
      [ -n "${redis_pid:-}" ] && kill $redis_pid 2>/dev/null || true' EXIT
rm -rf "$out"/root-*
# the class data sharing archive and the AOT cache are made by a warm-up run at the first start: not timed
start_server cds && kill $server_pid && wait $server_pid 2>/dev/null || true
start_server cds
first_token_cds_ms=$first_token_ms
kill $server_pid && wait $server_pid 2>/dev/null || true
first_token_aot_ms=none
if [ -x "$TEMURIN25/bin/java" ]; then
  start_server aot && kill $server_pid && wait $server_pid 2>/dev/null || true
  start_server aot
  first_token_aot_ms=$first_token_ms
  # time to peak: the first 30 s of load right after the first token (the AOT cache carries method profiles)
  load first30-aot "http://127.0.0.1:$PORT/verify/token" form 30
  kill $server_pid && wait $server_pid 2>/dev/null || true
fi
start_server off
first_token_plain_ms=$first_token_ms
load first30 "http://127.0.0.1:$PORT/verify/token" form 30

# -- Twilio's Ruby example under puma, 2 workers of 4 threads -------------------------------------------------
(cd "$PEER" && APP_ID=1 AUTHY_API_KEY="$key" exec puma -q -b "tcp://127.0.0.1:$RUBY_PORT" -w 2 -t 4:4 config.ru) \
  > "$out/ruby.log" 2>&1 &
ruby_pid=$!
until curl -sf -o /dev/null -X POST "http://127.0.0.1:$RUBY_PORT/verify/token" -d 'phone_number=%2B14155552671'; do
  if ! kill -0 $ruby_pid 2>/dev/null; then echo "the Ruby example did not start; see $out/ruby.log (PEER=$PEER)" >&2; exit 1; fi
  sleep 0.1
done

echo "warming up the JVM: ${WARMUP}s of load on the token and no-op endpoints"
half=$(( WARMUP / 2 ))
load warmup-token "http://127.0.0.1:$PORT/verify/token" form "$half"
load warmup-noop "http://127.0.0.1:$PORT/verify/noop" form "$half"
load warmup-servlet "http://127.0.0.1:$PORT/noop-servlet" form 10
load warmup-ruby "http://127.0.0.1:$RUBY_PORT/verify/token" form 10

load servlet "http://127.0.0.1:$PORT/noop-servlet" form "$DURATION"
load noop "http://127.0.0.1:$PORT/verify/noop" form "$DURATION"
load token-form "http://127.0.0.1:$PORT/verify/token" form "$DURATION"
load token-json "http://127.0.0.1:$PORT/verify/token" json "$DURATION"
load ruby "http://127.0.0.1:$RUBY_PORT/verify/token" form "$DURATION"
rss_mb=$(( $(ps -o rss= -p "$(pgrep -f -n "payara-micro.jar.*--port $PORT")") / 1024 ))

# -- the same token endpoint with its buckets in Redis (ratelimit.store), on loopback -------------------------
redis_runs=()
if command -v redis-server >/dev/null; then
  kill $server_pid && wait $server_pid 2>/dev/null || true
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no > "$out/redis.log" 2>&1 &
  redis_pid=$!
  extra_env=(RATELIMIT_STORE="redis://127.0.0.1:$REDIS_PORT")
  start_server off
  load warmup-token-redis "http://127.0.0.1:$PORT/verify/token" form "$half"
  load token-form-redis "http://127.0.0.1:$PORT/verify/token" form "$DURATION"
  redis_runs=(token-form-redis)
fi

# -- the development run (./run.sh) once warm, the token endpoint only (its WAR has no no-op endpoint) ------------
kill $server_pid && wait $server_pid 2>/dev/null || true
PORT=$PORT RATELIMIT_NUMBER=1000000/1h RATELIMIT_CLIENT=off ./run.sh > "$out/server-development.log" 2>&1 &
server_pid=$!
until curl -sf -o /dev/null -X POST "http://127.0.0.1:$PORT/verify/token" -d 'phone_number=%2B14155552671'; do
  if ! kill -0 $server_pid 2>/dev/null; then echo "./run.sh exited; see $out/server-development.log" >&2; exit 1; fi
  sleep 0.1
done
load warmup-token-development "http://127.0.0.1:$PORT/verify/token" form "$half"
load token-form-development "http://127.0.0.1:$PORT/verify/token" form "$DURATION"

{
  echo "Machine: $machine; $java_version; Payara Micro $(unzip -p target/payara-micro.jar MICRO-INF/domain/branding/glassfish-version.properties 2>/dev/null | awk -F= '/^(major|minor|update)_version/ {v = v (v ? "." : "") $2} END {print v}')"
  echo "wrk -t2 -c32, ${WARMUP}s warm-up, ${DURATION}s a run, 40 numbers from many countries in turn"
  echo
  echo "| endpoint | requests/s | p50 | p99 | errors | vs servlet | vs JAX-RS no-op | vs Ruby |"
  echo "|---|---|---|---|---|---|---|---|"
  for run in servlet noop token-form token-json ruby ${redis_runs[@]+"${redis_runs[@]}"} token-form-development; do
    echo "| $run | $(rps $run) | $(pct $run 50%) | $(pct $run 99%) | $(errors $run) | $(ratio "$(rps $run)" "$(rps servlet)") | $(ratio "$(rps $run)" "$(rps noop)") | $(ratio "$(rps $run)" "$(rps ruby)") |"
  done
  echo
  echo "First token after launch: ${first_token_plain_ms} ms (${first_token_cds_ms} ms with CDS=on and its archive made;"
  echo "${first_token_aot_ms} ms with AOT=on on $("$TEMURIN25/bin/java" -version 2>&1 | head -1), its cache made);"
  echo "resident memory after the load: ${rss_mb} MB ($(source server-config/production/jvm-settings.sh && echo "${jvm_options[*]}, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX, ${http_threads[*]}"))"
  echo
  echo "Time to peak: tokens/s in the first 30 s of load after the first token, and its share of the steady"
  echo "token-form figure: $(rps first30) ($(ratio "$(rps first30)" "$(rps token-form)")) as it is$(
    [ -f "$out/wrk-first30-aot.txt" ] && echo "; $(rps first30-aot) ($(ratio "$(rps first30-aot)" "$(rps token-form)")) with AOT=on")"
  if [ -f "$out/jmh.txt" ]; then
    echo
    echo '```'
    grep -E "^(Benchmark|TokenCreation)" "$out/jmh.txt"
    echo '```'
  fi
} | tee "$out/results.md"
