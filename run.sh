#!/usr/bin/env bash
# Builds the WAR and starts it on Payara Micro: http://localhost:8080/verify/token
#
#   ./run.sh                     development: a random signing key unless AUTHY_API_KEY is set
#   AUTHY_API_KEY=... APP_ID=... ./run.sh
#   PORT=9090 ./run.sh           another port
#
# Payara Micro runs on loopback only: no Hazelcast (no multicast discovery) and no phone-home.
set -euo pipefail
cd "$(dirname "$0")"

mvn -B -q package -DskipTests

exec java -Xmx256m -XX:+UseSerialGC -jar target/payara-micro.jar \
  --nohazelcast --disablephonehome \
  --port "${PORT:-8080}" \
  --rootdir target/payara-micro-root \
  --systemproperties server-config/development.properties \
  --postbootcommandfile server-config/post-boot-commands.asadmin \
  --deploy target/verify-token.war --contextroot /
