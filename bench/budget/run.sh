#!/usr/bin/env bash
# Bounded work per request, through a Release `verso serve` on SQLite: how a diff and a blame of the
# 40,000-line record whose lines were shuffled between v1 and v2 are answered at the default budget, and how
# much CPU the server still burns after clients that gave up have gone (with the budget set out of reach,
# so only the request's cancellation can stop the work). CPU is the server process's utime+stime from
# /proc. Usage: bench/budget/run.sh [CLIENTS] [GIVE_UP_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
clients="${1:-4}"
give_up="${2:-3}"
work="$(mktemp -d)"
server=""
trap 'if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
port=5198
url="http://127.0.0.1:$port"
tick="$(getconf CLK_TCK)"

dotnet build -c Release src/Verso.Cli -v q -nologo >/dev/null
verso="src/Verso.Cli/bin/Release/net10.0/verso"

# The record: 40,000 distinct lines of prose (1.3 MB), then the same lines in a seeded random order.
seq -f 'Line %05g says what the agent does.' 40000 >"$work/lines"
shuf --random-source=<(yes) "$work/lines" >"$work/shuffled"
record() { awk 'BEGIN { printf "{\"id\":\"prose\",\"name\":\"Prose\",\"charter\":\"" } { printf "%s\\n", $0 } END { printf "\"}" }' "$1"; }
record "$work/lines" >"$work/v1.json"
record "$work/shuffled" >"$work/v2.json"
"$verso" --store "$work/budget.db" init >/dev/null
"$verso" --store "$work/budget.db" save doc prose "$work/v1.json" --by bench >/dev/null
"$verso" --store "$work/budget.db" save doc prose "$work/v2.json" --by bench >/dev/null
echo "record: $(wc -c <"$work/v1.json") bytes, 40000 lines; $(nproc) cores, load average $(cut -d" " -f1-3 /proc/loadavg)"

cpu() { awk -v t="$tick" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$1/stat"; }
start() { # extra serve arguments…
    "$verso" --store "$work/budget.db" serve --urls "$url" "$@" >"$work/serve.log" 2>&1 &
    server=$!
    for _ in $(seq 100); do curl -sf "$url/readyz" >/dev/null && break; sleep 0.1; done
    # Warm up: a small comparison, so JIT time is not counted below.
    curl -s -o /dev/null "$url/api/v1/entities/doc/prose/diff?from=1&to=1"
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }

start
for route in "diff?from=1&to=2" "blame?ref=2"; do
    before="$(cpu "$server")"
    answer="$(curl -s -o "$work/answer" -w '%{http_code} %{time_total}' "$url/api/v1/entities/doc/prose/$route")"
    after="$(cpu "$server")"
    echo "default budget, GET $route: HTTP ${answer% *} in ${answer#* } s, server CPU $(echo "$after - $before" | bc) s; $(grep -o '"type":"[^"]*"' "$work/answer")"
done
stop

start --diff-budget 1000000000000000
before="$(cpu "$server")"
waiting=()
for _ in $(seq "$clients"); do
    curl -s -o /dev/null --max-time "$give_up" "$url/api/v1/entities/doc/prose/diff?from=1&to=2" &
    waiting+=($!)
done
wait "${waiting[@]}" || true
gone="$(cpu "$server")"
sleep 5
later="$(cpu "$server")"
echo "budget out of reach, $clients clients give up after $give_up s: server CPU while they waited $(echo "$gone - $before" | bc) s, in the 5 s after they left $(echo "$later - $gone" | bc) s"
stop
