#!/usr/bin/env bash
# One table for every server: the same load as benchmark/run.sh (wrk -t2 -c32, 40 numbers from many countries) on
# each server the integration tests use, each from the distribution its Maven profile fetches, as shipped (its own
# JVM settings), with the benchmark WAR (the service and its no-op endpoints), on 127.0.0.1 only: tokens/s and p99,
# the JAX-RS no-op, the first token after launch, resident memory after the load.
#
#   SERVERS=payara6,payara7,wildfly,openliberty,glassfish benchmark/run.sh     (run.sh hands over to this script)
#
# WARMUP (120) and DURATION (20) as in run.sh. Payara Micro 6 and 7 start with the production script
# (server-config/production/verify-token.sh; 7 on Temurin 25, TEMURIN25); the others with their own launchers.
# Benchmarks print figures; they are not tests.
set -euo pipefail
cd "$(dirname "$0")/.."
WARMUP="${WARMUP:-120}"
DURATION="${DURATION:-20}"
TEMURIN25="${TEMURIN25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
PORT=18080
IFS=, read -r -a servers <<< "${SERVERS:-payara6,payara7,wildfly,openliberty,glassfish}"
out=target/benchmark
mkdir -p "$out"
command -v wrk >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; }

# (Maven 3.8 writes colour resets even with -B -q: none of them in the output)
quiet_mvn() { mvn -B -q -Dstyle.color=never "$@" 2>&1 | sed 's/\x1b\[[0-9;]*m//g'; }

# -- the distributions, as each profile fetches and unpacks them (GlassFish's listeners bound to loopback) ---------
for server in "${servers[@]}"; do
  case "$server" in
    payara6) ;;
    payara7) quiet_mvn -Ppayara7 package -DskipTests && cp target/payara-micro.jar "$out/payara-micro-7.jar" ;;
    wildfly|openliberty|glassfish) quiet_mvn -P"$server" pre-integration-test -DskipTests ;;
    *) echo "unknown server $server (payara6, payara7, wildfly, openliberty, glassfish)" >&2; exit 2 ;;
  esac
done
# the production WAR, Payara Micro 6, and the benchmark WAR (with the no-op endpoints); last, since the profiles'
# builds above replace target/payara-micro.jar
source benchmark/build-war.sh
war="$(pwd)/$out/verify-token-benchmark.war"

key="$(head -c 32 /dev/urandom | base64 | tr -d '\n=+/')"
# the per-number limit stays on but high enough for a load test; no per-client limit (every request is 127.0.0.1's)
export AUTHY_API_KEY="$key" APP_ID=1 RATELIMIT_NUMBER=1000000/1h RATELIMIT_CLIENT=off

source benchmark/wrk.sh
version() { # the distribution's version from the pom: the property that names it
  sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -n 1
}

# start_SERVER: starts it in the background (server_pid), the WAR deployed at the context root (its descriptors for
# each server say /), at $base; stop_SERVER ends it; jvm_pattern finds the server's JVM for its resident memory
start_payara() { # jar java_home
  local path="$PATH"
  [ -n "$2" ] && path="$2/bin:$PATH"
  PATH="$path" PORT=$PORT HOST=127.0.0.1 ROOT_DIR="$out/root-$server" SECRETS_DIR="$out/secrets" \
    bash server-config/production/verify-token.sh "$1" "$war" > "$out/server-$server.log" 2>&1 &
  server_pid=$!
  base="http://127.0.0.1:$PORT"
  jvm_pattern="payara-micro.*--port $PORT"
}
start_payara6() { start_payara target/payara-micro.jar ""; }
start_payara7() { start_payara "$out/payara-micro-7.jar" "$TEMURIN25"; }
stop_payara() { kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null || true; }
stop_payara6() { stop_payara; }
stop_payara7() { stop_payara; }

wildfly_home="target/wildfly-$(version wildfly.version)"
start_wildfly() {
  rm -rf "$wildfly_home/standalone/deployments/"*.war* "$wildfly_home/standalone/data" "$wildfly_home/standalone/tmp"
  cp "$war" "$wildfly_home/standalone/deployments/"
  "$wildfly_home/bin/standalone.sh" -c standalone-microprofile.xml -b 127.0.0.1 -bmanagement 127.0.0.1 \
    -Djboss.http.port=$PORT -Djboss.https.port=$((PORT + 363)) -Djboss.management.http.port=$((PORT + 1910)) \
    -Djboss.management.https.port=$((PORT + 1913)) > "$out/server-$server.log" 2>&1 &
  server_pid=$!
  base="http://127.0.0.1:$PORT"
  jvm_pattern="jboss-modules.jar.*standalone-microprofile"
}
stop_wildfly() { pkill -TERM -f "$jvm_pattern" || true; wait "$server_pid" 2>/dev/null || true; }

liberty_server=target/wlp/usr/servers/verify-token
start_openliberty() {
  # the profile's server (server-config/openliberty/server.xml) without the tests' additions (their adapter's JMX
  # connector, the port of their build), on this port
  rm -rf "$liberty_server/configDropins/overrides" "$liberty_server/dropins" "$liberty_server/workarea"
  mkdir -p "$liberty_server/configDropins/overrides" "$liberty_server/dropins"
  printf '<server><httpEndpoint id="defaultHttpEndpoint" httpPort="%s"/></server>\n' "$PORT" \
    > "$liberty_server/configDropins/overrides/benchmark.xml"
  cp "$war" "$liberty_server/dropins/"
  target/wlp/bin/server run verify-token > "$out/server-$server.log" 2>&1 &
  server_pid=$!
  base="http://127.0.0.1:$PORT"
  jvm_pattern="ws-server.jar.*verify-token"
}
stop_openliberty() { target/wlp/bin/server stop verify-token > /dev/null 2>&1 || true; wait "$server_pid" 2>/dev/null || true; }

glassfish_domain=target/glassfish7/glassfish/domains/domain1/config/domain.xml
glassfish_admin_port() { sed -n 's:.*<network-listener [^>]*port="\([0-9]*\)"[^>]*name="admin-listener".*:\1:p' "$glassfish_domain"; }
start_glassfish() {
  # the profile's domain (every listener on loopback, on ports its build found free): its HTTP listener on this port
  sed -i 's:\(<network-listener [^>]*port="\)[0-9]*\("[^>]*name="http-listener-1"\):\1'"$PORT"'\2:' "$glassfish_domain"
  (target/glassfish7/bin/asadmin start-domain domain1 > "$out/server-$server.log" 2>&1 &&
   target/glassfish7/bin/asadmin --port "$(glassfish_admin_port)" deploy --force=true "$war" \
     >> "$out/server-$server.log" 2>&1) &
  server_pid=$!
  base="http://127.0.0.1:$PORT"
  jvm_pattern="glassfish.jar.*domain1"
}
stop_glassfish() {
  target/glassfish7/bin/asadmin --port "$(glassfish_admin_port)" stop-domain domain1 > /dev/null 2>&1 || true
  wait "$server_pid" 2>/dev/null || true
}

trap 'pkill -TERM -f "payara-micro.*--port $PORT|jboss-modules.jar|ws-server.jar.*verify-token|glassfish.jar.*domain1" 2>/dev/null || true' EXIT

rows=()
for server in "${servers[@]}"; do
  echo "$server: starting"
  start_ns=$(date +%s%N)
  "start_$server"
  await_token "$base/verify/token" "$out/server-$server.log"
  first_token_s=$(awk -v ns=$(( $(date +%s%N) - start_ns )) 'BEGIN {printf "%.1f", ns / 1e9}')
  echo "$server: first token after ${first_token_s} s; ${WARMUP} s of warm-up"
  load "$server-warmup-token" "$base/verify/token" form $(( WARMUP / 2 ))
  load "$server-warmup-noop" "$base/verify/noop" form $(( WARMUP / 2 ))
  load "$server-noop" "$base/verify/noop" form "$DURATION"
  load "$server-token" "$base/verify/token" form "$DURATION"
  rss_mb=$(( $(ps -o rss= -p "$(pgrep -f -n "$jvm_pattern")") / 1024 ))
  "stop_$server"
  rows+=("| $server | $(rps "$server-token") | $(pct "$server-token" 99%) | $(rps "$server-noop") | $(ratio "$(rps "$server-token")" "$(rps "$server-noop")") | $(errors "$server-token") | ${first_token_s} s | ${rss_mb} MB |")
done

{
  echo "$(nproc) cores; $(java -version 2>&1 | head -1) (Payara Micro 7: $("$TEMURIN25/bin/java" -version 2>&1 | head -1));"
  echo "wrk -t2 -c32, ${WARMUP}s warm-up, ${DURATION}s a run; each server as shipped, with the benchmark WAR"
  echo
  echo "| server | tokens/s | p99 | JAX-RS no-op/s | tokens/no-op | errors | first token after launch | resident after the load |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} | tee "$out/servers.md"
