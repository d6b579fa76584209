#!/bin/sh
# A first look at Verso in a throwaway store: save, re-save, edit, show, log, diff, merge and blame the
# sample charter, record a decision pinned to it and trace it back, then roll back a bad edit, name the
# organization as it was before it by one manifest hash, verify the whole history, import a Squad
# team's charter history from git, and put a charter change through review, checks and promotion.
set -eu
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# POSIX sh and POSIX tools only (no sed -i, no date +%N), so it runs under dash, busybox and macOS alike.
# Build once, visibly (it can take a minute on a first run); each step then runs the built verso.
# VERSO_DLL names a verso.dll already built, VERSO_EXECUTABLE a verso executable such as the native tool (the
# tests run the tour these ways).
exe="${VERSO_EXECUTABLE:-}"
dll="${VERSO_DLL:-}"
if [ -z "$exe" ] && [ -z "$dll" ]; then
    echo "building verso (dotnet build src/Verso.Cli) ..." >&2
    dotnet build "$repo/src/Verso.Cli" -nologo -v quiet
    dll="$repo/src/Verso.Cli/bin/Debug/net10.0/verso.dll"
fi
# Each command is printed as it can be pasted: every argument quoted that needs it.
quote() {
    case "$1" in
        *[!A-Za-z0-9_./:@=+-]* | '') printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\''/g")" ;;
        *) printf '%s' "$1" ;;
    esac
}
verso() {
    line="\$ verso"
    for arg in "$@"; do line="$line $(quote "$arg")"; done
    echo "$line" >&2
    verso_quiet "$@"
}
# The same, unprinted: for a value the tour needs, not a step to show.
verso_quiet() {
    if [ -n "$exe" ]; then
        "$exe" --store "$work/verso.db" "$@"
    else
        dotnet "$dll" --store "$work/verso.db" "$@"
    fi
}
# The saved_at of KIND/ID's newest version: a moment the store itself recorded, to the microsecond.
saved_at() {
    verso_quiet --json log "$1" --limit 1 | tr -d '\n' | sed 's/.*"saved_at": *"\([^"]*\)".*/\1/'
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
# Quinn reviews a task Alice just executed; the decision pins both charters as they were in force then.
verso save agent quinn "$repo/samples/org/agent/quinn.json" --by you -m "hire quinn"
# The task ran just after quinn joined (the moment the store recorded for that save).
verso decide --task T-1 --executor alice --reviewer quinn --decision approved \
    --executed-at "$(saved_at agent/quinn)" --reason "tests cover the change" --by you
verso log decision/T-1
verso refs agent/alice@3
verso compat agent/alice@1 agent/alice@3
# A bad edit lands: full autonomy, a hot model, a rule and a denied tool dropped. See it, roll it back.
before="$(saved_at decision/T-1)"
verso save agent alice "$repo/samples/agent-alice-bad.json" --by mallory -m "let alice ship on her own"
verso diff agent/alice@3 agent/alice@4
verso rollback agent/alice --to 3 --by you --reason "autonomy raised without review"
verso tag agent/alice@5 production --by you --reason "reviewed charter"
# The whole organization as it stood before the bad edit, named by one root hash; then check every link.
verso manifest --at "$before"
verso verify
# A Squad team kept Ripley's charter in git: bring its whole history in, then see who changed it, when, and how.
team="$work/team"
git init -q -b main "$team"
mkdir -p "$team/.squad/agents/ripley"
commit_as() {  # NAME EMAIL DATE SUBJECT
    GIT_AUTHOR_NAME="$1" GIT_AUTHOR_EMAIL="$2" GIT_AUTHOR_DATE="$3" \
    GIT_COMMITTER_NAME="$1" GIT_COMMITTER_EMAIL="$2" GIT_COMMITTER_DATE="$3" \
        git -C "$team" -c commit.gpgsign=false commit -q -m "$4"
}
cp "$repo/samples/squad/ripley-charter-v1.md" "$team/.squad/agents/ripley/charter.md"
git -C "$team" add -A && commit_as "Dana Lee" dana@example.org 2026-09-01T10:00:00Z "Hire Ripley"
cp "$repo/samples/squad/ripley-charter-v2.md" "$team/.squad/agents/ripley/charter.md"
git -C "$team" add -A && commit_as "Sam Ortiz" sam@example.org 2026-10-14T16:30:00Z "Ripley owns the CORS policy, moves to Opus"
verso import-git "$team" --path '.squad/agents/*/charter.md' --kind agent --format squad
verso log agent/ripley
verso diff agent/ripley@1 agent/ripley@2
# From here on, agent charters change only through review, and production needs passing evals.
echo '{"approvals":1,"direct_saves":false}' > "$work/agent-policy.json"
echo '{"required_checks":["evals"],"on_fail":"rollback-tag"}' > "$work/production-policy.json"
verso save policy kind.agent "$work/agent-policy.json" --by admin -m "charters need one reviewer who is not the author"
verso save policy tag.production "$work/production-policy.json" --by admin -m "production needs passing evals"
# Alice's record with one rule added, as a file to propose (shown here, since the tour writes it for you).
echo "\$ verso show agent/alice --format json > alice-proposal.json   # then add a rule to its charter" >&2
verso_quiet show agent/alice --format json \
    | sed 's/Never approve your own work\./Never approve your own work.\\n- Flag any change to secrets handling for a second reviewer./' \
    > "$work/alice-proposal.json"
verso save agent alice "$work/alice-proposal.json" --by mallory || echo "(refused with exit $?: direct saves are off)"
verso propose agent/alice "$work/alice-proposal.json" --by you -m "flag secrets changes"
verso review cr-1 --approve --by you || echo "(refused with exit $?: nobody approves their own change)"
verso review cr-1 --approve --by quinn -m "good rule"
verso cr show cr-1
verso apply cr-1 --by you
verso tag agent/alice@6 production --by you || echo "(refused with exit $?: no passing evals yet)"
verso check agent/alice@6 --name evals --result pass --by ci --url https://ci.example.org/runs/42
verso tag agent/alice@6 production --by you --reason "reviewed and evaluated"
verso log agent/alice --limit 2
verso policies agent/alice
