# Sourced by benchmark/run.sh, servers.sh and profile.sh: waiting for the first token, the load they measure, and
# what wrk's output says. Uses $out.

# await_token URL LOG: posts a token request to URL until it is served; exits when the server is gone ($server_pid,
# and any process matching $jvm_pattern where a launcher hands over to another JVM; see LOG), or after 10 minutes
# (an AOT=on first start trains its cache first)
await_token() {
  local deadline=$(( $(date +%s) + 600 ))
  until curl -sf -o /dev/null -X POST "$1" -d 'phone_number=%2B14155552671'; do
    if ! kill -0 "$server_pid" 2>/dev/null \
        && ! { [ -n "${jvm_pattern:-}" ] && pgrep -f "$jvm_pattern" >/dev/null; }; then
      echo "the server exited; see $2" >&2
      exit 1
    fi
    if [ "$(date +%s)" -gt "$deadline" ]; then
      echo "no token within 10 minutes; see $2" >&2
      exit 1
    fi
    sleep 0.05
  done
}

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
