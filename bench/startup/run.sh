#!/usr/bin/env bash
# Start-up of `verso show` on a small SQLite store next to `git --version`, interleaved run by run, with
# medians and ratios. Usage: bench/startup/run.sh [RUNS] [VERSO…]
#   RUNS   how many runs of each (default 30)
#   VERSO  one or more verso commands to compare (default: the NativeAOT build the linux-x64 tool package
#          ships, published here to artifacts/startup/native, and the framework-dependent `dotnet build`
#          output). A command may have arguments, e.g. "dotnet path/verso.dll".
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-30}"
shift || true
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ "$#" -eq 0 ]; then
    dotnet publish src/Verso.Cli -c Release -r linux-x64 -o artifacts/startup/native -v q -nologo >/dev/null
    dotnet build src/Verso.Cli -c Release -v q -nologo >/dev/null
    set -- artifacts/startup/native/verso src/Verso.Cli/bin/Release/net10.0/verso
fi

# A small store: init, two records, the second saved twice (two versions).
first=($1)
"${first[@]}" --store "$work/small.db" init >/dev/null
printf '{"name":"alice","role":"writer"}' >"$work/a.json"
printf '{"name":"bob","role":"reviewer"}' >"$work/b.json"
"${first[@]}" --store "$work/small.db" save note alice "$work/a.json" --by bench -m first >/dev/null
"${first[@]}" --store "$work/small.db" save note bob "$work/b.json" --by bench -m first >/dev/null

# Wall time of one run in microseconds, from bash's own clock (no fork of `date` inside the measurement).
elapsed() {
    local start end
    start=$EPOCHREALTIME
    "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
    end=$EPOCHREALTIME
    echo $(( (${end/./} - ${start/./}) ))
}
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}'; }

: >"$work/git.times"
for v in $(seq "$#"); do : >"$work/verso$v.times"; done
# One warm-up of each (page cache, the loader), then the runs, interleaved A B C, A B C, …
git --version >/dev/null
for cmd in "$@"; do c=($cmd); "${c[@]}" --store "$work/small.db" show note/alice >/dev/null; done
for _ in $(seq "$runs"); do
    elapsed git --version >>"$work/git.times"
    v=0
    for cmd in "$@"; do
        v=$((v + 1))
        c=($cmd)
        elapsed "${c[@]}" --store "$work/small.db" show note/alice >>"$work/verso$v.times"
    done
done

git_ms="$(median <"$work/git.times")"
printf '%-60s %10s %12s\n' "command ($runs runs each, interleaved)" "median ms" "/ git"
printf '%-60s %10s %12s\n' "git --version" "$git_ms" "1.0x"
v=0
for cmd in "$@"; do
    v=$((v + 1))
    ms="$(median <"$work/verso$v.times")"
    printf '%-60s %10s %12s\n' "$cmd show note/alice" "$ms" "$(awk -v a="$ms" -v b="$git_ms" 'BEGIN {printf "%.1fx", a/b}')"
done
