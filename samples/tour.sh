#!/usr/bin/env bash
# A first look at Verso in a throwaway store: save, re-save, edit, show, log, diff, merge and blame the sample charter.
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
verso diff agent/alice@1 agent/alice@2
# Someone else edited version 1 in a file; combine their edit with ours (version 2).
verso merge agent/alice --base 1 --ours 2 --theirs "$repo/samples/agent-alice-theirs.json" --save --by you -m "take the CI rule"
verso blame agent/alice
