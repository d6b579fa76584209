#!/usr/bin/env bash
# The HTTP read path beside the server's floor, with Debian's wrk as the load generator (it costs far less
# CPU than autocannon, which matters on two cores): a Release `verso serve` on a SQLite store holding
# samples/org, and per pair the same wrk run against GET /healthz and against a read of the store, run
# interleaved (A B, B A, …) for REPEATS rounds; medians and their ratio are printed.
# Usage: bench/http/wrk.sh [SECONDS] [CONNECTIONS] [REPEATS]      (needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-8}"
connections="${2:-32}"
repeats="${3:-3}"
port=5198
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build -c Release src/Verso.Cli -v q -nologo >/dev/null
verso="src/Verso.Cli/bin/Release/net10.0/verso"
store="$work/http.db"
"$verso" --store "$store" init >/dev/null
for file in samples/org/*/*.json; do
    kind="$(basename "$(dirname "$file")")"
    "$verso" --store "$store" save "$kind" "$(basename "$file" .json)" "$file" --by bench >/dev/null
done
# A second version of alice, so version 1 is a version behind the head.
sed 's/"name": *"Alice[^"]*"/"name": "Alice (second)"/' samples/org/agent/alice.json >"$work/alice.json"
"$verso" --store "$store" save agent alice "$work/alice.json" --by bench --force >/dev/null

serve() { # extra env for the server…
    "$verso" --store "$store" serve --urls "http://127.0.0.1:$port" >"$work/serve.log" 2>&1 &
    server=$!
    for _ in $(seq 200); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && return; sleep 0.1; done
    echo "server did not start" >&2; cat "$work/serve.log" >&2; exit 1
}

rate() { # url [header] → requests/s; fails on any non-2xx/3xx answer
    local out
    if [ $# -gt 1 ]; then out="$(wrk -t2 -c"$connections" -d"${seconds}s" -H "$2" "$1")"; else out="$(wrk -t2 -c"$connections" -d"${seconds}s" "$1")"; fi
    if grep -q 'Non-2xx' <<<"$out"; then echo "non-2xx answers from $1" >&2; echo "$out" >&2; exit 1; fi
    awk '/Requests\/sec/ {print $2}' <<<"$out"
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

pair() { # name, url of the read, [header]
    local name="$1" url="$2" header="${3:-}" floor=() read=()
    for r in $(seq "$repeats"); do
        if (( r % 2 )); then
            floor+=("$(rate "http://127.0.0.1:$port/healthz")")
            read+=("$(rate "$url" ${header:+"$header"})")
        else
            read+=("$(rate "$url" ${header:+"$header"})")
            floor+=("$(rate "http://127.0.0.1:$port/healthz")")
        fi
    done
    local f r
    f="$(printf '%s\n' "${floor[@]}" | median)"
    r="$(printf '%s\n' "${read[@]}" | median)"
    printf '| %s | %.0f | %.0f | %.2fx |   (runs: %s vs %s)\n' "$name" "$r" "$f" "$(echo "$r / $f" | bc -l)" "${read[*]}" "${floor[*]}"
}

api="http://127.0.0.1:$port/api/v1/entities/agent/alice"
echo "| read ($connections connections, ${seconds}s, median of $repeats) | read req/s | /healthz req/s | read vs /healthz |"
echo "|---|---:|---:|---:|"
serve
etag="$(curl -sI "$api" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')"
pair "head GET, no tokens" "$api"
pair "version-by-number GET, no tokens" "$api/versions/1"
pair "head GET If-None-Match (304), no tokens" "$api" "If-None-Match: $etag"
kill "$server"; wait "$server" 2>/dev/null || true

token="$("$verso" --store "$store" token add bench --role reader --by bench 2>/dev/null | grep -o 'vt1\.[A-Za-z0-9._-]*' | head -1)"
serve
pair "head GET, bearer token" "$api" "Authorization: Bearer $token"
