# The JVM and HTTP thread settings of the service on Payara Micro, sourced by verify-token.sh (production) and by
# ./run.sh (development), so that both run alike. Sets jvm_options (startup_options among them),
# http_threads and MALLOC_ARENA_MAX.
#
# HTTP worker threads: 8 instead of up to 200. This service never blocks a worker on a client's I/O (request bodies
# are read without one), so a few threads per core keep the cores busy; more only add context switches, waits for
# the console's lock and memory (512 KB of stack each). Measured on 2 cores (benchmark/README.md): 8 threads served
# 3 to 6% more tokens/s than 16 with half the p99 latency; with the buckets in Redis, where each request waits for
# a round trip, 3 to 6% fewer.
# Heap: 112 MB at start, growing to 256 MB when the live data needs it (a flood of rate-limit buckets), with a young
# generation of 48 MB: under the full load of 2 cores a smaller young generation collects so often that throughput
# drops (measured: 32 MB cost a sixth of the no-op's requests/s). That leaves 64 MB for the old generation, where
# about 50 MB stay live; MinHeapFreeRatio=20 keeps it at that size (the default, 40, grows it to about 87 MB at the
# full collections of the start). Under full load a full collection (about 0.12 s) then comes every 2 to 3 minutes
# (with 87 MB: none in the 3 minutes measured). Measured: 13 MB less resident, the same requests/s
# (benchmark/README.md).
# Serial GC: least memory and CPU overhead on small machines; short pauses for a heap this size.
# Native memory: glibc keeps up to 8 malloc arenas per core, each holding on to memory freed by the JIT compilers
# and the server's threads; two arenas and a trim every 5 s give it back (measured: about 60 MB less resident, the same
# requests/s; benchmark/README.md). An operator's own MALLOC_ARENA_MAX wins.
# jakarta.json.provider: Payara's JSON log formatter asks JSON-P for its provider for every line; named
# here, JSON-P loads that class instead of scanning every jar for a service file (measured: a quarter of
# the CPU of a token request went to that scan).
# org.glassfish.startupThreadPolicy: Payara Micro brings its services up on up to six threads, which on Payara
# Micro 7 can deadlock (HK2's service locator lock; docs/servers.md); on one thread they cannot, and the first token
# comes as soon (benchmark/README.md). verify-token.sh's --warmup runs (CDS=on, AOT=on) start so too
# (startup_options); with the data grid, verify-token.sh keeps Payara's several threads (see there).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
startup_options=(-Dorg.glassfish.startupThreadPolicy=USE_NO_THREADS)
jvm_options=(-Xms112m -Xmx256m -Xmn48m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -XX:+UseSerialGC
             -XX:MaxMetaspaceSize=192m -Xss512k -Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl
             "${startup_options[@]}")
# -XX:TrimNativeHeapInterval exists from Java 17.0.9 and 21.0.1 on; an older Java starts without it
java -XX:TrimNativeHeapInterval=5000 -version >/dev/null 2>&1 && jvm_options+=(-XX:TrimNativeHeapInterval=5000)
http_threads=(--minhttpthreads 8 --maxhttpthreads 8)
