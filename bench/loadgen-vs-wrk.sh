#!/usr/bin/env bash
# Benchmark: BackendLab's load generator against wrk, on the same lab server, in alternating paired rounds.
#   bench/loadgen-vs-wrk.sh [ROUNDS=3] [SECONDS=5]
# Rounds: /plaintext at 64 connections (our generator in its own process, then inside the server's process)
# and /delay?ms=20 at 128 connections. Each pair alternates which tool goes first, to cancel drift.
# Ends with: loadgen/wrk: plaintext-outproc R1, plaintext-inproc R2, delay20 R3 (median of N rounds; p99 delta D ms)
# A benchmark, not a test: numbers depend on the machine and on whatever else runs on it.
set -euo pipefail
ROUNDS=${1:-3}
SECS=${2:-5}
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null; fi
dotnet build BackendFundamentals.slnx -c Release -v q -nologo >/dev/null
BIN=artifacts/bin
CLI="dotnet $BIN/LoadCli/release/LoadCli.dll"

# The lab server, in its own process, on 127.0.0.1 (port chosen by the system).
OUT=$(mktemp)
dotnet $BIN/LabServer/release/LabServer.dll --port 0 >"$OUT" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -f "$OUT"' EXIT
for _ in $(seq 100); do grep -q "LABSERVER LISTENING" "$OUT" && break; sleep 0.1; done
URL=$(sed -n 's/^LABSERVER LISTENING //p' "$OUT")
case "$URL" in http://127.0.0.1:*) ;; *) echo "lab server did not start: $(cat "$OUT")"; exit 1;; esac
echo "lab server $URL; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t2 -c64 -d2s "$URL/plaintext" >/dev/null # warm the server up (JIT, connections)

# wrk: prints "rps p50_ms p99_ms"
wrk_run() { # connections path
  wrk -t2 -c"$1" -d"${SECS}s" --latency "$URL$2" | awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
    END { printf "%.1f %.3f %.3f\n", rps, p50, p99 }'
}
# ours: prints "rps p50_ms p99_ms"
ours_run() { # mode connections path
  local target=$3; [ "$1" = run ] && target="$URL$3"
  $CLI "$1" "$target" -c "$2" -d "$SECS" -w 1 | sed -n 's/^RESULT rps=\([^ ]*\) p50_ms=\([^ ]*\) p90_ms=[^ ]* p99_ms=\([^ ]*\).*/\1 \2 \3/p'
}
pair() { # round name wrk-connections ours-mode path  -> "ratio ours_p50 wrk_p50 ours_p99 wrk_p99"
  local w o
  if (( $1 % 2 )); then w=$(wrk_run "$3" "$5"); o=$(ours_run "$4" "$3" "$5"); else o=$(ours_run "$4" "$3" "$5"); w=$(wrk_run "$3" "$5"); fi
  read -r wr wp50 wp99 <<<"$w"; read -r or op50 op99 <<<"$o"
  printf "round %d %-17s wrk %9.1f req/s p50 %7.3f p99 %7.3f ms | ours %9.1f req/s p50 %7.3f p99 %7.3f ms | ratio %.3f\n" \
    "$1" "$2" "$wr" "$wp50" "$wp99" "$or" "$op50" "$op99" "$(echo "$or / $wr" | bc -l)" >&2
  echo "$(echo "$or / $wr" | bc -l) $op50 $wp50 $op99 $wp99"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

OUTPROC=(); INPROC=(); DELAY=(); P50D=(); P99D=()
for r in $(seq "$ROUNDS"); do
  read -r ratio _ <<<"$(pair "$r" plaintext-outproc 64 run /plaintext)"; OUTPROC+=("$ratio")
  read -r ratio _ <<<"$(pair "$r" plaintext-inproc 64 inproc /plaintext)"; INPROC+=("$ratio")
  read -r ratio op50 wp50 op99 wp99 <<<"$(pair "$r" delay20 128 run '/delay?ms=20')"; DELAY+=("$ratio")
  P50D+=("$(echo "$op50 - $wp50" | bc -l)"); P99D+=("$(echo "$op99 - $wp99" | bc -l)")
done

m() { printf '%s\n' "$@" | median; }
range() { printf '%s\n' "$@" | sort -g | sed -n '1p;$p' | xargs printf '%.3f..%.3f'; }
printf "ranges: plaintext-outproc %s, plaintext-inproc %s, delay20 %s; delay20 p50 delta median %.3f ms\n" \
  "$(range "${OUTPROC[@]}")" "$(range "${INPROC[@]}")" "$(range "${DELAY[@]}")" "$(m "${P50D[@]}")"
printf "loadgen/wrk: plaintext-outproc %.3f, plaintext-inproc %.3f, delay20 %.3f (median of %d rounds; p99 delta %.3f ms)\n" \
  "$(m "${OUTPROC[@]}")" "$(m "${INPROC[@]}")" "$(m "${DELAY[@]}")" "$ROUNDS" "$(m "${P99D[@]}")"
