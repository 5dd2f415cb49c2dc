#!/usr/bin/env bash
# The household side of a large review through both paths on this machine, runs interleaved, medians:
#   in-process  lookback review on the register and the spot check (one JVM, -Xmx4g)
#   Spark       lookback-spark tallies (java -jar, Spark local mode on every core, -Xmx8g), then
#               lookback review --tallies on its tallies.csv
# and the files both write (tallies.csv, discrepancies.csv, data_quality.csv, estimates.csv) compared byte for byte.
#
# usage: benchmarks/spark.sh [RUNS]      (from anywhere; default 3 runs of each path)
# env:   COUNTIES, VILLAGES, HOUSEHOLDS  the synthetic city (default 200 × 200 × 250: ~10,000,000 register
#                                        households; 20 villages a county sampled: ~1,000,000 spot-checked)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
counties=${COUNTIES:-200}
villages=${VILLAGES:-200}
households=${HOUSEHOLDS:-250}
[ -f target/lookback.jar ] || mvn -q -B -DskipTests install
[ -f spark/target/lookback-spark.jar ] || mvn -q -B -DskipTests -f spark/pom.xml package
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -Xmx8g -jar target/lookback.jar simulate --counties "$counties" --villages "$villages" \
  --households "$households" --per-county 20 --out "$work/city" > /dev/null
c=$work/city
echo "register $(($(wc -l < "$c/self_check.csv") - 1)) rows ($(du -h "$c/self_check.csv" | cut -f1)), spot check" \
  "$(($(wc -l < "$c/spot_check.csv") - 1)) rows; $(nproc) cores; $(java -version 2>&1 | head -1)"
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" > /dev/null 2>&1; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
inproc=(); spark=(); review=()
for r in $(seq 1 "$runs"); do
  rm -rf "$work/a" "$work/s" "$work/b"
  inproc+=("$(seconds java -Xmx4g -jar target/lookback.jar review --frame "$c/villages.csv" --sample "$c/sample.csv" \
    --self-check "$c/self_check.csv" --spot-check "$c/spot_check.csv" --report none --charts none --out "$work/a")")
  spark+=("$(seconds java -Xmx8g -jar spark/target/lookback-spark.jar tallies --frame "$c/villages.csv" \
    --sample "$c/sample.csv" --self-check "$c/self_check.csv" --spot-check "$c/spot_check.csv" --out "$work/s")")
  review+=("$(seconds java -Xmx4g -jar target/lookback.jar review --frame "$c/villages.csv" --sample "$c/sample.csv" \
    --tallies "$work/s/tallies.csv" --report none --charts none --out "$work/b")")
  echo "run $r: in-process ${inproc[-1]} s; Spark ${spark[-1]} s + review of its tallies ${review[-1]} s"
done
for f in tallies.csv discrepancies.csv data_quality.csv; do
  cmp -s "$work/a/$f" "$work/s/$f" && echo "$f: identical" || { echo "$f: DIFFERS"; exit 1; }
done
cmp -s "$work/a/estimates.csv" "$work/b/estimates.csv" && echo "estimates.csv: identical" || { echo "estimates.csv: DIFFERS"; exit 1; }
a=$(printf '%s\n' "${inproc[@]}" | median)
s=$(printf '%s\n' "${spark[@]}" | median)
b=$(printf '%s\n' "${review[@]}" | median)
echo "median: in-process review $a s; Spark tallies $s s + review of the tallies $b s;" \
  "ratio Spark path / in-process $(echo "scale=2; ($s + $b) / $a" | bc)"
