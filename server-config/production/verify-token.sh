#!/usr/bin/env bash
# Starts one production instance of the token service on Payara Micro.
#
#   server-config/production/verify-token.sh PAYARA_MICRO_JAR WAR
#
# Environment (all optional):
#   PORT        HTTP port (8080)
#   HOST        the address to listen on: every interface when unset; 127.0.0.1 behind a proxy on the same machine,
#               or the address of a private interface
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
#               sooner (benchmark/README.md); worth it where ROOT_DIR outlives restarts or is
#               baked into an image. off (default): start the Payara Micro jar as it is
#   AOT         on: the same with JDK 25's ahead-of-time cache instead of a class data sharing archive (needs Java
#               25 or newer on the PATH, e.g. Temurin 25), made by a training run that serves token requests
#               for AOT_TRAINING seconds (30); the first token comes sooner still, though on 2 cores the cache's
#               method profiles keep the compilers busy longer in the first minutes (benchmark/README.md)
# Instead of files, AUTHY_API_KEY and APP_ID in the environment work too.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="${1:?path of payara-micro.jar}"
war="${2:?path of verify-token.war}"
port="${PORT:-8080}"
host="${HOST:-}"
if [ -n "$host" ] && ! [[ "$host" =~ ^[A-Za-z0-9.:-]+$ ]]; then
  echo "HOST must be an IP address or a host name, such as 127.0.0.1" >&2
  exit 2
fi
root="${ROOT_DIR:-/var/lib/verify-token/$port}"
export SECRETS_DIR="${SECRETS_DIR:-/run/secrets/verify-token}"

# Without CLUSTER_MEMBERS: no Hazelcast at all (no multicast discovery). With it: a data grid found by
# TCP/IP on the listed members only, bound to one interface. Never a phone-home.
# hazelcast.socket.bind.any=false: the data grid port listens on that interface only, not on every interface
# (Hazelcast's default). The open-source data grid has no authentication: whoever reaches its port can join
# and rewrite the buckets, so the interface must be on the instances' private network only.
# startupThreadPolicy=FULLY_THREADED (Payara Micro's own default) instead of jvm-settings.sh's one startup thread:
# with the data grid, a start on one thread can fail to deploy the WAR (the main thread is left without a context
# class loader when the security service loads its policy provider; docs/servers.md).
grid_jvm=()
if [ -n "${CLUSTER_MEMBERS:-}" ]; then
  network=(--disablephonehome --clustermode "tcpip:$CLUSTER_MEMBERS"
           --interfaces "${CLUSTER_INTERFACE:-127.0.0.1}" --startport "${HZ_PORT:-6900}" --nohostaware)
  grid_jvm=(-Dhazelcast.socket.bind.any=false -Dorg.glassfish.startupThreadPolicy=FULLY_THREADED)
else
  network=(--nohazelcast --disablephonehome)
fi

# The root directory keeps the applications deployed by the previous start, which Payara Micro would
# deploy again beside this WAR: start from its configuration only.
rm -rf "$root/applications"
mkdir -p "$root"
root="$(cd "$root" && pwd)"

# The JVM and HTTP thread settings, shared with ./run.sh (jvm-settings.sh explains each)
source "$here/jvm-settings.sh"

# The listener's settings apply before it starts (pre-boot), its address among them: HOST, or every interface
# (0.0.0.0). Always given, since the root directory keeps the address of the run before (a CDS or AOT training run
# listens on loopback).
# pre_boot_listening_on ADDRESS FILE: the pre-boot commands with the listener's address, written to FILE
pre_boot_listening_on() {
  { cat "$here/pre-boot-commands.asadmin"; echo
    echo "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=$1"
  } > "$2"
}
pre_boot="$root/pre-boot-commands.asadmin"
pre_boot_listening_on "${host:-0.0.0.0}" "$pre_boot"

# Payara Micro's launcher (--outputlauncher), which CDS=on and AOT=on start from, does not read the system
# properties the Payara Micro jar sets from its MICRO-INF/payara-boot.properties. On Payara Micro 7 one of them is
# needed, or no application deploys (Jakarta Authorization's policy factory is null); Payara Micro 6 has no such
# property and ignores it.
launcher_options=(-Djakarta.security.jacc.PolicyFactory.provider=org.glassfish.exousia.modules.def.DefaultPolicyFactory)

# The runs that make the CDS archive or the AOT cache listen on a free port of the loopback interface: never on the
# instance's port, which another process may hold, nor on an address that others can reach.
free_port() {
  local candidate=$(( 20000 + RANDOM % 20000 ))
  while (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; do candidate=$(( 20000 + RANDOM % 20000 )); done
  echo "$candidate"
}
# the WAR's absolute path, for the runs that work in the root directory
war_path="$(cd "$(dirname "$war")" && pwd)/$(basename "$war")"
loopback_pre_boot="$root/loopback-pre-boot-commands.asadmin"
pre_boot_listening_on 127.0.0.1 "$loopback_pre_boot"

# A --warmup run deploys the WAR and stops; the given JVM options write what it loaded at its exit. It runs in the
# root directory: Payara Micro watches a directory named secrets in its working directory for MicroProfile Config
# properties, and with one there a --warmup run never exits (the watch holds its executor).
warmup() {
  (cd "$root" && java -Xmx256m -XX:+UseSerialGC "${startup_options[@]}" "${launcher_options[@]}" "$@" \
    -jar "$root/launch-micro.jar" --nohazelcast --disablephonehome --rootdir "$root" --port "$(free_port)" \
    --prebootcommandfile "$loopback_pre_boot" --deploy "$war_path" --contextroot / --warmup >/dev/null 2>&1)
}

# A training run serves token requests (TrainingLoad.java) on a free loopback port, with the instance's own
# settings but limits of its own (system properties, which win over the environment and the secrets directory):
# none to speak of, in its own memory, no shared store and no data grid; then it stops; the given JVM
# options write what it loaded and learnt at its exit. Its log: ROOT_DIR/training.log.
train() {
  local training_port pid
  training_port="$(free_port)"
  : > "$root/training.log"
  (cd "$root" && exec java "${jvm_options[@]}" "${launcher_options[@]}" "$@" -Dratelimit.store=local \
     -Dratelimit.number=1000000/1h -Dratelimit.client=off -Dratelimit.country=off -jar "$root/launch-micro.jar" \
     --nohazelcast --disablephonehome --rootdir "$root" --port "$training_port" "${http_threads[@]}" \
     --systemproperties "$here/verify-token.properties" --prebootcommandfile "$loopback_pre_boot" \
     --postbootcommandfile "$here/post-boot-commands.asadmin" --logproperties "$here/logging.properties" \
     --deploy "$war_path" --contextroot /) >> "$root/training.log" 2>&1 &
  pid=$!
  java "$here/TrainingLoad.java" "$training_port" "${AOT_TRAINING:-30}" >> "$root/training.log" 2>&1 || true
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" || true
}

launch=(-jar "$jar")
if [ "${CDS:-off}" = on ]; then
  # Payara Micro's launcher (unpacked runtime jars, which class data sharing can map), and an archive of
  # the classes a start loads, written by a --warmup run that deploys the WAR and stops.
  [ -f "$root/launch-micro.jar" ] || java -jar "$jar" --rootdir "$root" --outputlauncher >/dev/null
  archive="$root/verify-token.jsa"
  if [ ! -f "$archive" ] || [ "$war" -nt "$archive" ] || [ "$jar" -nt "$archive" ]; then
    rm -f "$archive"
    warmup -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off || rm -f "$archive"
    rm -rf "$root/applications"
  fi
  launch=(-XX:SharedArchiveFile="$archive" -Xshare:auto -Xlog:cds=off "${launcher_options[@]}"
          -jar "$root/launch-micro.jar")
  [ -f "$archive" ] || launch=(-jar "$jar")
elif [ "${AOT:-off}" = on ]; then
  # JDK 25's ahead-of-time cache (JEP 483, 514, 515: classes loaded and linked, and method profiles), from Payara
  # Micro's launcher, whose unpacked jars the cache can cover. The cache is written by a training run (train): the
  # WAR served on a loopback port of its own for AOT_TRAINING seconds of token requests, so that the profiles are
  # those of serving tokens; with a Java that cannot run TrainingLoad.java (no jdk.compiler module), by a --warmup
  # run. Needs Java 25 or newer on the PATH; with an older Java the instance starts as without AOT, and says so.
  if java -XX:AOTMode=off -version >/dev/null 2>&1; then
    [ -f "$root/launch-micro.jar" ] || java -jar "$jar" --rootdir "$root" --outputlauncher >/dev/null
    cache="$root/verify-token.aot"
    if [ ! -f "$cache" ] || [ "$war" -nt "$cache" ] || [ "$jar" -nt "$cache" ]; then
      rm -f "$cache"
      if java --list-modules 2>/dev/null | grep -q '^jdk.compiler@'; then
        train -XX:AOTCacheOutput="$cache" -Xlog:aot=off -Xlog:cds=off || rm -f "$cache"
      else
        warmup -XX:AOTCacheOutput="$cache" -Xlog:aot=off -Xlog:cds=off || rm -f "$cache"
      fi
      rm -rf "$root/applications"
    fi
    [ -f "$cache" ] && launch=(-XX:AOTCache="$cache" -Xlog:aot=off -Xlog:cds=off "${launcher_options[@]}"
                               -jar "$root/launch-micro.jar")
  else
    echo "AOT=on needs Java 25 or newer on the PATH; starting without an AOT cache" >&2
  fi
fi

# An operator's JAVA_OPTS come after the JVM settings and win.
exec java "${jvm_options[@]}" ${grid_jvm[@]+"${grid_jvm[@]}"} -XX:+ExitOnOutOfMemoryError ${JAVA_OPTS:-} \
  "${launch[@]}" \
  "${network[@]}" \
  --port "$port" --rootdir "$root" "${http_threads[@]}" \
  --systemproperties "$here/verify-token.properties" \
  --prebootcommandfile "$pre_boot" \
  --postbootcommandfile "$here/post-boot-commands.asadmin" \
  --logproperties "$here/logging.properties" \
  --deploy "$war" --contextroot /
