#!/usr/bin/env bash
# Start-up as users meet it: the median wall time of N fresh `negotiation advise <case>` processes of the installed tool
# (and of `negotiation --version`, the floor), for one or more source trees packed and installed side by side.
# Usage: benchmarks/tool-start.sh [runs] [case.json] [tree ...]     (from the repository root; default tree: .)
# Each tree's src/Negotiation.Cli is packed (`dotnet pack`, as a release would) into its own feed and installed with
# `dotnet tool install --tool-path` from that feed, with a private package folder so that no cached package of the
# same version is used. The variants then run in turn (A, B, A, B, ...) so that the machine's load falls on all alike.
set -euo pipefail
runs=${1:-10}
case_file=$(realpath "${2:-rules/cn-consumer-credit/examples/seed-oversight.json}")
shift $(( $# < 2 ? $# : 2 ))
trees=("$@")
[[ ${#trees[@]} -gt 0 ]] || trees=(.)
work=${TMPDIR:-/tmp}/negotiation-tool-start
rm -rf "$work"
mkdir -p "$work"
tools=()
for t in "${!trees[@]}"; do
  tree=$(realpath "${trees[$t]}")
  dotnet pack "$tree/src/Negotiation.Cli" -c Release -o "$work/feed-$t" -v q -nologo >/dev/null
  pkgversion=$(ls "$work/feed-$t" | sed -n 's/^Negotiation\.Cli\.\([0-9][^a-z]*\)\.nupkg$/\1/p' | head -1)
  NUGET_PACKAGES="$work/packages-$t" dotnet tool install Negotiation.Cli --tool-path "$work/tool-$t" \
    --add-source "$work/feed-$t" --version "$pkgversion" >/dev/null
  echo "tree $t: ${trees[$t]} -> $(ls "$work/feed-$t" | tr '\n' ' ')"
  tools+=("$work/tool-$t/negotiation")
done
declare -A advise version
for tool in "${tools[@]}"; do "$tool" advise "$case_file" >/dev/null; done   # page cache
ms() { local start end; start=$(date +%s%N); "$@" >/dev/null; end=$(date +%s%N); echo $(( (end - start) / 1000000 )); }
for i in $(seq 1 "$runs"); do
  for t in "${!tools[@]}"; do
    a=$(ms "${tools[$t]}" advise "$case_file")
    v=$(ms "${tools[$t]}" --version)
    advise[$t]="${advise[$t]:-} $a"
    version[$t]="${version[$t]:-} $v"
    echo "run $i tree $t: advise ${a} ms, --version ${v} ms"
  done
done
median() { local sorted n; sorted=($(printf '%s\n' "$@" | sort -n)); n=${#sorted[@]}
  if (( n % 2 )); then echo "${sorted[$((n / 2))]} (min ${sorted[0]}, max ${sorted[$((n - 1))]})"
  else echo "$(( (sorted[n / 2 - 1] + sorted[n / 2]) / 2 )) (min ${sorted[0]}, max ${sorted[$((n - 1))]})"; fi; }
for t in "${!tools[@]}"; do
  echo "tree $t (${trees[$t]}): advise median of $runs: $(median ${advise[$t]}) ms; --version: $(median ${version[$t]}) ms"
done
