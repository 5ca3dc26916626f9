# Sourced by benchmark/run.sh, servers.sh and profile.sh: the load they measure, and what wrk's output says. Uses $out.

# load NAME URL FORMAT SECONDS: wrk -t2 -c32 with numbers.lua (FORMAT form or json) for that long; its output in
# $out/wrk-NAME.txt
load() {
  FORMAT="$3" wrk -t2 -c32 -d"$4s" --latency -s benchmark/numbers.lua "$2" > "$out/wrk-$1.txt"
}
# requests/s of run NAME
rps() { awk '/Requests\/sec/ {printf "%.0f", $2}' "$out/wrk-$1.txt"; }
# pct NAME 99%: that percentile of the latency
pct() { awk -v p="$2" '$1 == p {print $2}' "$out/wrk-$1.txt"; }
# answers other than 2xx and 3xx, and socket errors (connect, read, write, timeout)
errors() {
  awk '/Non-2xx|Socket errors/ {for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) n += $i} END {print n + 0}' \
    "$out/wrk-$1.txt"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
