#!/usr/bin/env bash
# Cold start: the median wall time of N fresh processes that create the default advisor and advise one case.
# Usage: benchmarks/cold-start.sh [runs] [case.json]     (from the repository root; builds Release first)
set -euo pipefail
runs=${1:-10}
case_file=${2:-rules/cn-consumer-credit/examples/seed-oversight.json}
dotnet build -c Release benchmarks/Negotiation.Core.ColdStart -v q -nologo >/dev/null
dll=benchmarks/Negotiation.Core.ColdStart/bin/Release/net10.0/Negotiation.Core.ColdStart.dll
dotnet "$dll" "$case_file" >/dev/null   # one unmeasured run so that the files are in the page cache
times=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  line=$(dotnet "$dll" "$case_file")
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms wall; $line"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
n=${#sorted[@]}
if (( n % 2 )); then median=${sorted[$((n / 2))]}; else median=$(( (sorted[n / 2 - 1] + sorted[n / 2]) / 2 )); fi
echo "median of $n runs: ${median} ms wall (min ${sorted[0]}, max ${sorted[$((n - 1))]})"
