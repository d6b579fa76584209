#!/usr/bin/env bash
# The scale run of docs/BENCHMARKS.md (issue 29). From the repository root:
#   bash bench/scale/run.sh [PG_VERSIONS] [PG_ENTITIES] [SQLITE_VERSIONS] [SQLITE_ENTITIES]
# Builds the CLI, the filler and the load once in Release, then runs SQLite, then PostgreSQL with the mixed load
# of four `verso serve` instances on the filled store at its end.
set -euo pipefail
pg_versions=${1:-10000000}
pg_entities=${2:-100000}
sqlite_versions=${3:-1000000}
sqlite_entities=${4:-100000}
dotnet build -c Release src/Verso.Cli >/dev/null
dotnet build -c Release bench/scale >/dev/null
dotnet build -c Release bench/scale/load >/dev/null
scale=bench/scale/bin/Release/net10.0/Verso.Scale.dll
load="dotnet bench/scale/load/bin/Release/net10.0/Verso.ScaleLoad.dll --verso src/Verso.Cli/bin/Release/net10.0/verso --instances 4 --seconds 20"
dotnet "$scale" --store sqlite --versions "$sqlite_versions" --entities "$sqlite_entities" --history-ops 20
dotnet "$scale" --store postgres --versions "$pg_versions" --entities "$pg_entities" --workers 16 --history-ops 10 --then "$load"
