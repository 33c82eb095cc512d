#!/usr/bin/env bash
# Batch throughput and memory: generates N synthetic cases (seed 42), measures the in-process baseline (the same
# per-line work in a plain loop on one thread), then `negotiation batch` with 1 and 2 workers, output discarded.
# Usage: benchmarks/batch.sh [cases] [work-dir]     (from the repository root; builds Release first)
set -euo pipefail
count=${1:-100000}
work=${2:-/tmp/negotiation-batch}
mkdir -p "$work"
dotnet build -c Release src/Negotiation.Cli -v q -nologo >/dev/null
dotnet build -c Release benchmarks/Negotiation.Core.Harness -v q -nologo >/dev/null
harness=benchmarks/Negotiation.Core.Harness/bin/Release/net10.0/Negotiation.Core.Harness.dll
cli=src/Negotiation.Cli/bin/Release/net10.0/negotiation.dll
cases="$work/cases-$count.jsonl"
[[ -f "$cases" ]] || dotnet "$harness" generate "$count" 42 "$cases"
echo "input: $cases ($(wc -l < "$cases") lines, $(du -h "$cases" | cut -f1))"
dotnet "$harness" pipeline "$cases" 20000
for parallel in 1 2; do
  /usr/bin/time -f "%e %M %P" -o "$work/time" dotnet "$cli" batch "$cases" --parallel "$parallel" --out /dev/null || true
  read -r seconds peak_kb cpu < "$work/time"
  echo "batch --parallel $parallel: $count cases in $seconds s = $(echo "$count / $seconds" | bc) cases/s, peak working set $((peak_kb / 1024)) MB, CPU $cpu"
done
