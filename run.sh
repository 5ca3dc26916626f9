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

# The JVM and thread settings of production (server-config/production/verify-token.sh explains each), so that a
# warm development run serves as fast as production (benchmark/README.md)
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec java -Xms128m -Xmx256m -Xmn48m -XX:+UseSerialGC -Xss512k \
  -Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl -jar target/payara-micro.jar \
  --nohazelcast --disablephonehome \
  --port "${PORT:-8080}" --minhttpthreads 8 --maxhttpthreads 8 \
  --rootdir target/payara-micro-root \
  --systemproperties target/run.properties \
  --prebootcommandfile server-config/pre-boot-commands.asadmin \
  --deploy target/verify-token.war --contextroot /
