#!/usr/bin/env bash
# End-to-end benchmark: `lookback review` against the R workflow analysts use today
# (../shared/benchmarks/r-anchor.R, or $R_ANCHOR), on the same synthetic city, runs interleaved.
#
# usage: benchmarks/run.sh [RUNS]     (from the repository root; default 5 runs each)
# env:   COUNTIES VILLAGES HOUSEHOLDS PER_COUNTY  city size (default 20 × 200 × 250, 20 sampled:
#        a 1,000,000-household register and 100,000 spot-checked households)
#        R_ANCHOR  path of r-anchor.R (default ../shared/benchmarks/r-anchor.R)
# Prints the median wall time of each and the ratio Lookback / R. Needs R with the survey package
# for the R side (Debian: apt-get install -y r-cran-survey); without R it times Lookback alone.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
counties=${COUNTIES:-20}; villages=${VILLAGES:-200}; households=${HOUSEHOLDS:-250}; per=${PER_COUNTY:-20}
anchor=${R_ANCHOR:-../shared/benchmarks/r-anchor.R}
jar=target/lookback.jar
[ -f "$jar" ] || mvn -q -B -DskipTests package
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
city="$work/city"
java -jar "$jar" simulate --counties "$counties" --villages "$villages" --households "$households" \
  --per-county "$per" --out "$city" > /dev/null
echo "city: $counties counties x $villages villages x ~$households households, $per sampled per county;" \
  "register $(($(wc -l < "$city/self_check.csv") - 1)) rows, spot check $(($(wc -l < "$city/spot_check.csv") - 1)) rows"

have_r=0
if command -v Rscript > /dev/null && Rscript -e 'suppressMessages(library(survey))' > /dev/null 2>&1 && [ -f "$anchor" ]; then
  have_r=1
fi

seconds() { # wall seconds of a command, output discarded
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null 2>&1
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
median() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'; }

: > "$work/lookback.txt"; : > "$work/r.txt"
for i in $(seq "$runs"); do
  seconds java -jar "$jar" review --frame "$city/villages.csv" --sample "$city/sample.csv" \
    --self-check "$city/self_check.csv" --spot-check "$city/spot_check.csv" --out "$work/out" >> "$work/lookback.txt"
  if [ "$have_r" = 1 ]; then
    seconds Rscript "$anchor" "$city" >> "$work/r.txt"
  fi
done
lb=$(median < "$work/lookback.txt")
printf "%-28s %8s s  (runs: %s)\n" "lookback review" "$lb" "$(tr '\n' ' ' < "$work/lookback.txt" | xargs printf '%.2f ')"
if [ "$have_r" = 1 ]; then
  r=$(median < "$work/r.txt")
  printf "%-28s %8s s  (runs: %s)\n" "R survey (r-anchor.R)" "$r" "$(tr '\n' ' ' < "$work/r.txt" | xargs printf '%.2f ')"
  printf "%-28s %8.3f   (target < 0.100)\n" "ratio lookback / R" "$(echo "$lb / $r" | bc -l)"
else
  echo "R with the survey package not found: R side skipped"
fi
