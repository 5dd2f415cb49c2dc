#!/usr/bin/env bash
# The long fuzz campaign (issue 20): FuzzTest with many tries. Valid inputs of every file and command are
# mutated (bytes, cells, columns, rows, encodings, ids, quotes, huge fields, formulas; one to three edits a
# case) and run through the command line; every case must exit 0 or 2 (verify-draw: 1 when the sample differs),
# show no stack trace, write nothing outside --out, and trigger no decision for a county whose data the review
# withheld. The test command runs 60 cases; this runs TRIES (default 10000) and prints the figures the README
# quotes: cases by command and mutation, and exit statuses (also in target/fuzz-figures.txt).
#
# usage: benchmarks/fuzz.sh [TRIES]     (from anywhere; about 40 s per 1,000 cases on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
tries=${1:-10000}
mvn -q -B -ntp -DskipTests install
start=$(date +%s)
mvn -q -B -ntp test -Dtest=FuzzTest -Djqwik.tries.default="$tries" -Dsurefire.failIfNoSpecifiedTests=false
end=$(date +%s)
echo "fuzz campaign: $tries tries in $((end - start)) s, no failure (a failure stops mvn with the case and its seed)"
cat target/fuzz-figures.txt
