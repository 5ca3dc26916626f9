#!/usr/bin/env bash
# Builds the WAR and starts it on Payara Micro: http://localhost:8080/verify/token
#
#   ./run.sh                     development: a random signing key unless AUTHY_API_KEY is set
#   AUTHY_API_KEY=... APP_ID=... ./run.sh
#   PORT=9090 ./run.sh           another port
#
# Payara Micro sends nothing beyond this machine: no Hazelcast (no multicast discovery), no phone-home.
set -euo pipefail
cd "$(dirname "$0")"

mvn -B -q package -DskipTests
# a root directory left by an earlier run would also redeploy the WAR that run deployed
rm -rf target/payara-micro-root
# the development properties and the verification policy, as one system properties file
cat server-config/development.properties server-config/policy.properties > target/run.properties

# The JVM and thread settings of production, so that a warm development run serves as fast as production
# (benchmark/README.md)
source server-config/production/jvm-settings.sh
exec java "${jvm_options[@]}" -jar target/payara-micro.jar \
  --nohazelcast --disablephonehome \
  --port "${PORT:-8080}" "${http_threads[@]}" \
  --rootdir target/payara-micro-root \
  --systemproperties target/run.properties \
  --prebootcommandfile server-config/pre-boot-commands.asadmin \
  --deploy target/verify-token.war --contextroot /
