#!/usr/bin/env bash
# Builds the WAR and starts it on Payara Micro: http://localhost:8080/
#
#   ./run.sh                     development: a random signing key unless AUTHY_API_KEY is set
#   AUTHY_API_KEY=... APP_ID=... ./run.sh
#   PORT=9090 ./run.sh           another port
#
# Payara Micro sends nothing beyond this machine: no Hazelcast (no multicast discovery), no phone-home; it listens
# on 127.0.0.1 only (server-config/pre-boot-commands.asadmin).
set -euo pipefail
cd "$(dirname "$0")"
port="${PORT:-8080}"

# The port before the build: a server already there would answer the requests meant for this one.
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "Port $port is in use (another server?): stop it, or choose another port, e.g. PORT=9090 ./run.sh" >&2
  exit 1
fi

# (Maven 3.8 writes colour resets even with -B -q: none of them in a log)
mvn -B -q -Dstyle.color=never package -DskipTests 2>&1 | sed 's/\x1b\[[0-9;]*m//g'
# a root directory left by an earlier run would also redeploy the WAR that run deployed
rm -rf target/payara-micro-root
# the development properties and the verification policy, as one system properties file
cat server-config/development.properties server-config/policy.properties > target/run.properties

# GET of a path on the server; prints the answer, status line first (no curl needed)
http_get() {
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$1" >&3
  cat <&3
  exec 3>&-
}

# The JVM and thread settings of production, so that a warm development run serves as fast as production
# (benchmark/README.md)
source server-config/production/jvm-settings.sh
java "${jvm_options[@]}" -jar target/payara-micro.jar \
  --nohazelcast --disablephonehome \
  --port "$port" "${http_threads[@]}" \
  --rootdir target/payara-micro-root \
  --systemproperties target/run.properties \
  --prebootcommandfile server-config/pre-boot-commands.asadmin \
  --logproperties server-config/development-logging.properties \
  --deploy target/verify-token.war --contextroot / &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server"' INT TERM

# deployed once the token path answers a GET with 405 (Method Not Allowed), not the server's 404
until [[ "$(http_get /verify/token 2>/dev/null || true)" == "HTTP/1."?" 405"* ]]; do
  if ! kill -0 "$server" 2>/dev/null; then
    wait "$server" || exit $?
    exit 1
  fi
  sleep 0.5
done
echo
echo "verify-token is ready: open http://localhost:$port/ to try a number; apps call POST http://localhost:$port/verify/token"
if [[ "$(http_get /verify/info 2>/dev/null || true)" == *'"development_mode":true'* ]]; then
  echo "DEVELOPMENT MODE: tokens are signed with a throwaway key made at start-up, and Twilio refuses them."
  echo "For real tokens: AUTHY_API_KEY=... APP_ID=... ./run.sh"
fi
wait "$server"
