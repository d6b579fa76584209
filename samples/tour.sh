#!/usr/bin/env bash
# A first look at Verso: save, re-save, edit, show and log the sample charter in a throwaway store.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build "$repo/src/Verso.Cli" -nologo -v quiet >/dev/null
verso() {
    echo "\$ verso $*" >&2
    dotnet run --no-build --project "$repo/src/Verso.Cli" -- --store "$work/verso.db" "$@"
}

verso init
verso save agent alice "$repo/samples/agent-alice.json" --by you -m "first charter"
verso save agent alice "$repo/samples/agent-alice.json" --by you -m "same again"
verso save agent alice "$repo/samples/agent-alice-v2.json" --by you -m "lower temperature, one more rule"
verso show agent/alice@1
verso log agent/alice
