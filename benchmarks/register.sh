#!/usr/bin/env bash
# The national register in one process (issue 22, item 4): a synthetic register of 30 million households
# (600 counties × 200 villages × ~250 households; 1.1 GB) with 10% of its villages spot-checked (3 million
# households), reviewed by bin/lookback (java -jar: the job in a second JVM) in one streaming pass; prints wall time and peak memory (max RSS, the largest process) of
# each run, with the heap capped at 2 GB (LOOKBACK_HEAP, the settings kept) and with the settings alone.
#
# usage: benchmarks/register.sh [RUNS]   (default 3; needs about 1.3 GB of disk in $TMPDIR and /usr/bin/time)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=target/lookback.jar
[ -f "$jar" ] || mvn -q -B -DskipTests package
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -Xmx12g -jar "$jar" simulate --counties 600 --villages 200 --households 250 --per-county 20 \
  --out "$work/national" > /dev/null
n=$work/national
echo "register $(($(wc -l < "$n/self_check.csv") - 1)) households ($(du -h "$n/self_check.csv" | cut -f1)), spot check" \
  "$(($(wc -l < "$n/spot_check.csv") - 1)) households; $(nproc) cores; $(java -version 2>&1 | head -1)"
review() {
  rm -rf "$work/out"
  /usr/bin/time -f "%e s, max RSS %M KB" bin/lookback review --frame "$n/villages.csv" --sample "$n/sample.csv" \
    --self-check "$n/self_check.csv" --spot-check "$n/spot_check.csv" --report none --charts none \
    --no-certificate --out "$work/out" 2>&1 > /dev/null | tail -1
}
for i in $(seq "$runs"); do
  echo "heap capped at 2 GB:           $(LOOKBACK_HEAP=2g review)"
  echo "bin/lookback's own settings:   $(review)"
done
