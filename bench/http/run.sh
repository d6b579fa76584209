#!/usr/bin/env bash
# HTTP head GET (with/without If-None-Match) and PUT (changed/unchanged) through a Release `verso serve`
# on SQLite, with autocannon (npm) as the load generator, next to the same work as in-process library
# calls. Usage: bench/http/run.sh [SECONDS] [CONNECTIONS]   (autocannon must be on PATH or in ./node_modules)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-5}"
connections="${2:-32}"
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
autocannon="$(command -v autocannon || echo node_modules/.bin/autocannon)"

dotnet build -c Release src/Verso.Cli -v q -nologo >/dev/null
verso="src/Verso.Cli/bin/Release/net10.0/verso"
"$verso" --store "$work/http.db" init >/dev/null
"$verso" --store "$work/http.db" serve --urls http://127.0.0.1:5199 >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -sf http://127.0.0.1:5199/readyz >/dev/null && break; sleep 0.1; done
base=http://127.0.0.1:5199/api/v1/entities/doc/bench
curl -sf -X PUT -H 'Content-Type: application/json' -d '{"name":"bench","n":0}' "$base?saved_by=bench" >/dev/null
etag="$(curl -sI "$base" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')"

run() { # name, autocannon args…
    local name="$1"; shift
    "$autocannon" -d "$seconds" -c "$connections" -j "$@" 2>/dev/null \
        | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);console.log(process.argv[1]+": "+Math.round(r.requests.average)+" req/s, p99 "+r.latency.p99+" ms, non-2xx/304 "+(r.non2xx-(r["3xx"]||0)))})' "$name"
}
run "http head GET" "$base"
run "http head GET If-None-Match (304)" -H "If-None-Match=$etag" "$base"
run "http PUT unchanged" -m PUT -H 'Content-Type=application/json' -b '{"name":"bench","n":0}' "$base?saved_by=bench"
run "http PUT changed" -m PUT -H 'Content-Type=application/json' -b '{"name":"bench","n":"[<id>]"}' --idReplacement "$base?saved_by=bench"
kill "$server"; wait "$server" 2>/dev/null || true
dotnet run -c Release bench/http/library.cs -- "$work/lib.db" "$seconds" "$connections"
