#!/usr/bin/env bash
# Starts one production instance of the token service on Payara Micro.
#
#   server-config/production/verify-token.sh PAYARA_MICRO_JAR WAR
#
# Environment (all optional):
#   PORT        HTTP port (8080)
#   ROOT_DIR    Payara Micro's root directory, fixed so that it is not made anew in /tmp at each start
#               (/var/lib/verify-token/<port>); one per instance
#   SECRETS_DIR directory of one file per property, e.g. authy.api.key and app.id
#               (/run/secrets/verify-token; see post-boot-commands.asadmin)
#   JAVA_OPTS   extra JVM options
#   CLUSTER_MEMBERS    to share the rate limits between instances: the data grid members, host:port
#                      separated by commas (e.g. 10.0.0.5:6900,10.0.0.6:6900); unset: no data grid at all
#   CLUSTER_INTERFACE  the one address the data grid listens on and announces (127.0.0.1): never one reachable
#                      from outside the instances' private network
#   HZ_PORT            the data grid port this instance tries first, counting up if taken (6900)
#   CDS         on: start from Payara Micro's launcher with a class data sharing archive that a --warmup run
#               makes once per WAR in ROOT_DIR (about 30 s), after which starts reach the first token
#               about 2.5 s sooner (benchmark/README.md); worth it where ROOT_DIR outlives restarts or is
#               baked into an image. off (default): start the Payara Micro jar as it is
#   AOT         on: the same with JDK 25's ahead-of-time cache instead of a class data sharing archive (needs Java
#               25 or newer on the PATH, e.g. Temurin 25); the first token comes sooner still (benchmark/README.md)
# Instead of files, AUTHY_API_KEY and APP_ID in the environment work too.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="${1:?path of payara-micro.jar}"
war="${2:?path of verify-token.war}"
port="${PORT:-8080}"
root="${ROOT_DIR:-/var/lib/verify-token/$port}"
export SECRETS_DIR="${SECRETS_DIR:-/run/secrets/verify-token}"

# Without CLUSTER_MEMBERS: no Hazelcast at all (no multicast discovery). With it: a data grid found by
# TCP/IP on the listed members only, bound to one interface. Never a phone-home.
# hazelcast.socket.bind.any=false: the data grid port listens on that interface only, not on every interface
# (Hazelcast's default). The open-source data grid has no authentication: whoever reaches its port can join
# and rewrite the buckets, so the interface must be on the instances' private network only.
grid_jvm=()
if [ -n "${CLUSTER_MEMBERS:-}" ]; then
  network=(--disablephonehome --clustermode "tcpip:$CLUSTER_MEMBERS"
           --interfaces "${CLUSTER_INTERFACE:-127.0.0.1}" --startport "${HZ_PORT:-6900}" --nohostaware)
  grid_jvm=(-Dhazelcast.socket.bind.any=false)
else
  network=(--nohazelcast --disablephonehome)
fi

# The root directory keeps the applications deployed by the previous start, which Payara Micro would
# deploy again beside this WAR: start from its configuration only.
rm -rf "$root/applications"
mkdir -p "$root"

launch=(-jar "$jar")
if [ "${CDS:-off}" = on ]; then
  # Payara Micro's launcher (unpacked runtime jars, which class data sharing can map), and an archive of
  # the classes a start loads, written by a --warmup run that deploys the WAR and stops.
  [ -f "$root/launch-micro.jar" ] || java -jar "$jar" --rootdir "$root" --outputlauncher >/dev/null
  archive="$root/verify-token.jsa"
  if [ ! -f "$archive" ] || [ "$war" -nt "$archive" ] || [ "$jar" -nt "$archive" ]; then
    rm -f "$archive"
    java -Xmx256m -XX:+UseSerialGC -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off \
      -jar "$root/launch-micro.jar" --nohazelcast --disablephonehome --rootdir "$root" \
      --deploy "$war" --contextroot / --warmup >/dev/null 2>&1 || rm -f "$archive"
    rm -rf "$root/applications"
  fi
  launch=(-XX:SharedArchiveFile="$archive" -Xshare:auto -Xlog:cds=off -jar "$root/launch-micro.jar")
  [ -f "$archive" ] || launch=(-jar "$jar")
elif [ "${AOT:-off}" = on ]; then
  # JDK 25's ahead-of-time cache (JEP 483, 514, 515: classes loaded and linked, and method profiles), written
  # by a --warmup run from Payara Micro's launcher, whose unpacked jars the cache can cover. Needs Java 25 or
  # newer on the PATH; with an older Java the instance starts as without AOT, and says so.
  if java -XX:AOTMode=off -version >/dev/null 2>&1; then
    [ -f "$root/launch-micro.jar" ] || java -jar "$jar" --rootdir "$root" --outputlauncher >/dev/null
    cache="$root/verify-token.aot"
    if [ ! -f "$cache" ] || [ "$war" -nt "$cache" ] || [ "$jar" -nt "$cache" ]; then
      rm -f "$cache"
      java -Xmx256m -XX:+UseSerialGC -XX:AOTCacheOutput="$cache" -Xlog:aot=off -Xlog:cds=off \
        -jar "$root/launch-micro.jar" --nohazelcast --disablephonehome --rootdir "$root" \
        --deploy "$war" --contextroot / --warmup >/dev/null 2>&1 || rm -f "$cache"
      rm -rf "$root/applications"
    fi
    [ -f "$cache" ] && launch=(-XX:AOTCache="$cache" -Xlog:aot=off -Xlog:cds=off -jar "$root/launch-micro.jar")
  else
    echo "AOT=on needs Java 25 or newer on the PATH; starting without an AOT cache" >&2
  fi
fi

# HTTP worker threads: 8 instead of up to 200. This service never blocks a worker on a client's I/O (request bodies
# are read without one), so a few threads per core keep the cores busy; more only add context switches, waits for
# the console's lock and memory (512 KB of stack each). Measured on 2 cores (benchmark/README.md): 8 threads served
# 3 to 6% more tokens/s than 16 with half the p99 latency; with the buckets in Redis, where each request waits for
# a round trip, 3 to 6% fewer.
# Heap: 128 MB at start, growing to 256 MB when the live data needs it (a flood of rate-limit buckets), with a young
# generation of 48 MB: under the full load of 2 cores this service keeps about 75 MB live, and a smaller young
# generation collects so often that throughput drops (measured: 32 MB cost a sixth of the no-op's requests/s).
# Serial GC: least memory and CPU overhead on small machines; short pauses for a heap this size.
# Native memory: glibc keeps up to 8 malloc arenas per core, each holding on to memory freed by the JIT compilers
# and the server's threads; two arenas and a trim every 5 s give it back (measured: about 60 MB less resident, the same
# requests/s; benchmark/README.md). An operator's own MALLOC_ARENA_MAX wins.
# jakarta.json.provider: Payara's JSON log formatter asks JSON-P for its provider for every line; named
# here, JSON-P loads that class instead of scanning every jar for a service file (measured: a quarter of
# the CPU of a token request went to that scan).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
trim=()   # -XX:TrimNativeHeapInterval exists from Java 17.0.9 and 21.0.1 on; an older Java starts without it
java -XX:TrimNativeHeapInterval=5000 -version >/dev/null 2>&1 && trim=(-XX:TrimNativeHeapInterval=5000)
exec java -Xms128m -Xmx256m -Xmn48m -XX:+UseSerialGC ${trim[@]+"${trim[@]}"} -XX:MaxMetaspaceSize=192m -Xss512k \
  -XX:+ExitOnOutOfMemoryError -Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl ${JAVA_OPTS:-} \
  ${grid_jvm[@]+"${grid_jvm[@]}"} \
  "${launch[@]}" \
  "${network[@]}" \
  --port "$port" --rootdir "$root" --minhttpthreads 8 --maxhttpthreads 8 \
  --systemproperties "$here/verify-token.properties" \
  --prebootcommandfile "$here/pre-boot-commands.asadmin" \
  --postbootcommandfile "$here/post-boot-commands.asadmin" \
  --logproperties "$here/logging.properties" \
  --deploy "$war" --contextroot /
