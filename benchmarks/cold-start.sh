#!/usr/bin/env bash
# Cold start: the median wall time of N fresh processes that create the default advisor, advise one case and read
# the plan's whole trace.
# Usage: benchmarks/cold-start.sh [runs] [case.json] [other-harness.dll ...]     (from the repository root)
# Builds the harness in Release and publishes it ReadyToRun (linux-x64), then runs every variant in turn
# (A, B, C, A, B, C, ...) so that the machine's load falls on all alike: the framework-dependent build, the ReadyToRun
# publish, and any other harness DLL given (e.g. one built from an older commit, as a baseline).
set -euo pipefail
runs=${1:-10}
case_file=${2:-rules/cn-consumer-credit/examples/seed-oversight.json}
shift $(( $# < 2 ? $# : 2 ))
project=benchmarks/Negotiation.Core.ColdStart
dotnet build -c Release "$project" -v q -nologo >/dev/null
dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true "$project" \
  -o "${TMPDIR:-/tmp}/negotiation-cold-start-r2r" -v q -nologo >/dev/null
variants=("$project/bin/Release/net10.0/Negotiation.Core.ColdStart.dll" "${TMPDIR:-/tmp}/negotiation-cold-start-r2r/Negotiation.Core.ColdStart.dll" "$@")
names=("build" "ReadyToRun")
for extra in "$@"; do names+=("$extra"); done
declare -A times
for v in "${!variants[@]}"; do dotnet "${variants[$v]}" "$case_file" >/dev/null; done   # page cache
for i in $(seq 1 "$runs"); do
  for v in "${!variants[@]}"; do
    start=$(date +%s%N)
    line=$(dotnet "${variants[$v]}" "$case_file")
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    times[$v]="${times[$v]:-} $ms"
    echo "run $i ${names[$v]}: ${ms} ms wall; $line"
  done
done
for v in "${!variants[@]}"; do
  sorted=($(printf '%s\n' ${times[$v]} | sort -n))
  n=${#sorted[@]}
  if (( n % 2 )); then median=${sorted[$((n / 2))]}; else median=$(( (sorted[n / 2 - 1] + sorted[n / 2]) / 2 )); fi
  echo "${names[$v]}: median of $n runs: ${median} ms wall (min ${sorted[0]}, max ${sorted[$((n - 1))]})"
done
