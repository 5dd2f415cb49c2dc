#!/usr/bin/env bash
# End-to-end benchmarks: whole `lookback` processes against the R workflow analysts use today
# (../shared/benchmarks/r-anchor.R) and against the floor of reading, at three sizes, runs interleaved.
#
# usage: benchmarks/run.sh [RUNS]            (from anywhere; default 5 runs of each job)
#        benchmarks/run.sh --check [RUNS]    the city review against its floor only (default 3 runs); exits 1 when
#                                            the review takes more than 3 times the floor (a regression to look at)
#        benchmarks/run.sh --readme [RUNS]   the whole run, then docs/performance.md's table rewritten from it
#                                            (between its performance-table markers), dated: run it whenever an
#                                            output, a default or a dependency changes
# env:   R_ANCHOR    path of r-anchor.R (default ../shared/benchmarks/r-anchor.R)
#        SIZES       which sizes to run, default "city province national"
#        R_PROVINCE  1 to time the R workflow on the province as well (slow)
#
# Sizes (synthetic, from `lookback simulate`; the national frame from awk):
#   city      20 counties × 200 villages × ~250 households: 1,000,000 register, 100,000 spot-checked
#   province  100 counties × 200 villages × ~250 households: 5,000,000 register, 500,000 spot-checked
#   national  a draw frame of 500,000 villages (500 counties × 1,000), 10 drawn per county
#
# Lookback runs as `java -Xmx2g -jar target/lookback.jar` (the heap capped as the targets say): the jar starts each job
# in a second JVM with the settings it picks by the job (dev.lookback.cli.Launcher: compilers, collector, its
# class-data-sharing archive). The city review is also timed in one JVM with those settings (the second JVM's own
# command, so the cost of the second JVM shows; alone, it hashes the household files itself, with C1, which the first
# JVM does for it otherwise), in one JVM with Java's default settings (LOOKBACK_LAUNCH=here), without its workbooks
# (--workbooks none: what writing review.xlsx and the counties' workbooks costs the review), and
# with the report and PNG charts it writes by default (the R workflow writes nothing, so the comparison with R uses
# --report none --charts none). The floor is a minimal Java program (benchmarks/floor/Floor.java) that reads the
# register and the spot check and splits every line into fields. Prints medians, the runs, and the ratios against the
# targets of issues 6 and 22. Needs R with the survey package for the R column (Debian: apt-get install -y r-cran-survey).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=run
case "${1-}" in
  --check) mode=check; shift ;;
  --readme) mode=readme; shift ;;
esac
if [ "$mode" = check ]; then
  runs=${1:-3}
  sizes=city
  NO_R=1
else
  runs=${1:-5}
  sizes=${SIZES:-city province national}
fi
anchor=${R_ANCHOR:-../shared/benchmarks/r-anchor.R}
jar=target/lookback.jar
[ -f "$jar" ] || mvn -q -B -DskipTests package
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# the jar picks its settings by the job (a province's 180 MB register gets the full JIT and the parallel collector);
# only the heap is capped, as the targets say, and nothing in the environment overrides the jar's choice
unset LOOKBACK_JAVA_OPTS LOOKBACK_HEAP LOOKBACK_LAUNCH LOOKBACK_CDS JDK_JAVA_OPTIONS
lb="java -Xmx2g -jar $jar"

has() { case " $sizes " in *" $1 "*) return 0;; *) return 1;; esac; }
if has city; then
  java -jar "$jar" simulate --counties 20 --villages 200 --households 250 --per-county 20 --out "$work/city" > /dev/null
fi
if has province; then
  java -Xmx4g -jar "$jar" simulate --counties 100 --villages 200 --households 250 --per-county 20 \
    --out "$work/province" > /dev/null
fi
if has city || has province; then
  mkdir -p "$work/floor"
  javac -d "$work/floor" benchmarks/floor/Floor.java
fi
if has national; then
  awk 'BEGIN { print "county,township,village,households";
    for (c = 1; c <= 500; c++) for (v = 1; v <= 1000; v++)
      printf "K%03d,K%03d-T%d,K%03d-V%04d,%d\n", c, c, v % 7, c, v, 20 + (c * v) % 180 }' > "$work/national.csv"
fi
have_r=0
why_no_r=""
if [ "${NO_R:-0}" = 1 ]; then
  why_no_r="not asked for"
elif ! command -v Rscript > /dev/null || ! Rscript -e 'suppressMessages(library(survey))' > /dev/null 2>&1; then
  why_no_r="R with the survey package not found (Debian: apt-get install -y r-cran-survey)"
elif [ ! -f "$anchor" ]; then
  why_no_r="the R workflow $anchor not found (set R_ANCHOR to its path)"
else
  have_r=1
fi
for s in city province national; do
  if has "$s"; then
    f="$work/$s/self_check.csv"; [ -f "$f" ] && echo "$s: register $(($(wc -l < "$f") - 1)) rows, spot check $(($(wc -l < "$work/$s/spot_check.csv") - 1)) rows"
  fi
done
has national && echo "national: frame $(($(wc -l < "$work/national.csv") - 1)) villages"

seconds() { # wall seconds of a command, output discarded; a failure stops the benchmark
  local start end
  start=$(date +%s.%N)
  if ! "$@" > "$work/last.log" 2>&1; then
    echo "failed: $*" >&2; cat "$work/last.log" >&2; exit 1
  fi
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
median() { sort -g "$1" | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'; }
review() { # review DIR [options]
  local d=$1; shift
  $lb review --frame "$d/villages.csv" --sample "$d/sample.csv" --self-check "$d/self_check.csv" \
    --spot-check "$d/spot_check.csv" --out "$work/out" "$@"
}
default_jit_review() { # in one JVM with Java's default settings
  local d=$1; shift
  LOOKBACK_LAUNCH=here java -Xmx2g -jar "$jar" review --frame "$d/villages.csv" --sample "$d/sample.csv" \
    --self-check "$d/self_check.csv" --spot-check "$d/spot_check.csv" --out "$work/out" "$@"
}

# one review before the timing: the first review after a build makes the class-data-sharing archive
if has city; then
  review "$work/city" > /dev/null 2>&1 || true # report and charts too: the archive holds their classes
  # the second JVM's command for the city review, to time it in one JVM with the settings the jar picks
  # (without the first JVM to hash its household files, the job hashes them itself, with C1)
  read -r -a one_jvm < <(LOOKBACK_LAUNCH=show review "$work/city" --report none --charts none 2>&1 >/dev/null \
    | sed -n 's/^lookback: //p' | sed 's/ -Dlookback.digests=stdin//')
  echo "the jar's settings for the city review: ${one_jvm[*]:1:8} ..."
elif has province; then
  review "$work/province" --report none --charts none > /dev/null 2>&1 || true
fi

# the share of the CPU that the host gave to other machines while the jobs ran (a virtual machine's "steal" time, in
# /proc/stat): where much is stolen, the same job's time varies widely from run to run and the ratios move with it
cpu_ticks() { awk '/^cpu / { t = 0; for (i = 2; i <= 9; i++) t += $i; print t, $9 }' /proc/stat 2>/dev/null; }
read -r ticks_before stolen_before < <(cpu_ticks || echo "0 0")

jobs=()
time_job() { # time_job NAME command...
  local name=$1; shift
  [[ " ${jobs[*]-} " == *" $name "* ]] || jobs+=("$name")
  seconds "$@" >> "$work/$name.txt"
}
for i in $(seq "$runs"); do
  if has city; then
    time_job city_review review "$work/city" --report none --charts none
    time_job city_floor java -Xmx2g -cp "$work/floor" Floor "$work/city/self_check.csv" "$work/city/spot_check.csv"
    [ "$mode" = check ] && continue
    time_job city_review_no_workbooks review "$work/city" --report none --charts none --workbooks none
    [ "$have_r" = 1 ] && time_job city_r Rscript "$anchor" "$work/city"
    time_job city_review_one_jvm "${one_jvm[@]}"
    time_job city_review_default_jit default_jit_review "$work/city" --report none --charts none
    time_job city_review_report review "$work/city"
  fi
  if has province; then
    time_job province_review review "$work/province" --report none --charts none
    time_job province_floor java -Xmx2g -cp "$work/floor" Floor "$work/province/self_check.csv" "$work/province/spot_check.csv"
    time_job province_bootstrap review "$work/province" --report none --charts none --ci-method korn-graubard,bootstrap
    if [ "${R_PROVINCE:-0}" = 1 ] && [ "$have_r" = 1 ]; then
      time_job province_r Rscript "$anchor" "$work/province"
    fi
  fi
  if has national; then
    time_job national_draw $lb draw --frame "$work/national.csv" --seed "run $i" --per-county 10 --out "$work/drawn.csv"
    time_job national_draw_pps $lb draw --frame "$work/national.csv" --seed "run $i" --per-county 10 --method pps \
      --out "$work/drawn.csv"
  fi
done

read -r ticks_after stolen_after < <(cpu_ticks || echo "0 0")
if [ "${ticks_after:-0}" -gt "${ticks_before:-0}" ]; then
  stolen=$(echo "100 * ($stolen_after - $stolen_before) / ($ticks_after - $ticks_before)" | bc -l | xargs printf '%.0f')
  stolen_text="${stolen}% of the CPU was taken by the host's other machines (a virtual machine's steal time)"
else
  stolen_text="the CPU taken by the host's other machines is not known here (no /proc/stat)"
fi

declare -A med
printf "\n%-34s %9s   %s\n" "job (whole processes, $runs runs)" "median s" "runs"
for j in "${jobs[@]}"; do
  med[$j]=$(median "$work/$j.txt")
  printf "%-34s %9s   %s\n" "$j" "${med[$j]}" "$(tr '\n' ' ' < "$work/$j.txt" | xargs printf '%.2f ')"
done
ratio() { echo "$1 / $2" | bc -l | xargs printf '%.3f'; }
if [ "$mode" = check ]; then
  r=$(ratio "${med[city_review]}" "${med[city_floor]}")
  printf "\ncity review / its floor: %s (fails above 3); while it ran, %s\n" "$r" "$stolen_text"
  if [ "$(echo "$r > 3" | bc -l)" = 1 ]; then
    echo "check failed: the city review takes more than 3 times its floor" >&2
    exit 1
  fi
  exit 0
fi
echo
echo "targets (issues 6 and 22), 2-core machine:"
if [ -n "${med[city_review]-}" ] && [ -n "${med[city_r]-}" ]; then
  printf "  %-60s %s  (target <= 0.15)\n" "city review / R workflow" "$(ratio "${med[city_review]}" "${med[city_r]}")"
  printf "  %-60s %s\n" "city review in one JVM, the jar's settings / R workflow" \
    "$(ratio "${med[city_review_one_jvm]}" "${med[city_r]}")"
  printf "  %-60s %s\n" "city review in one JVM, Java's default settings / R workflow" \
    "$(ratio "${med[city_review_default_jit]}" "${med[city_r]}")"
  printf "  %-60s %s  (target <= 0.35)\n" "default city review (report, charts) / R workflow" \
    "$(ratio "${med[city_review_report]}" "${med[city_r]}")"
fi
if [ -n "${med[city_review_no_workbooks]-}" ]; then
  printf "  %-60s %s  (target >= 0.90: the workbooks <= 10%%)\n" "city review without its workbooks / with them" \
    "$(ratio "${med[city_review_no_workbooks]}" "${med[city_review]}")"
fi
if [ -n "${med[city_floor]-}" ]; then
  printf "  %-60s %s  (--check fails above 3)\n" "city review / floor (read and split both files)" \
    "$(ratio "${med[city_review]}" "${med[city_floor]}")"
fi
if [ -n "${med[province_review]-}" ]; then
  printf "  %-60s %s s  (target <= 10 s)\n" "province review, -Xmx2g" "${med[province_review]}"
  printf "  %-60s %s  (target <= 3)\n" "province review / floor (read and split both files)" \
    "$(ratio "${med[province_review]}" "${med[province_floor]}")"
  printf "  %-60s %s s  (target <= 1 s; JMH measures it in-process)\n" \
    "1,000 bootstrap replicates, 100 counties (province time added)" \
    "$(echo "${med[province_bootstrap]} - ${med[province_review]}" | bc -l | xargs printf '%.3f')"
fi
if [ -n "${med[national_draw]-}" ]; then
  printf "  %-60s %s s  (target <= 2 s)\n" "national frame drawn and certified (srs)" "${med[national_draw]}"
  printf "  %-60s %s s  (target <= 2 s)\n" "national frame drawn and certified (pps)" "${med[national_draw_pps]}"
fi
[ "$have_r" = 1 ] || echo "  (no R column: $why_no_r)"
echo "  while the jobs ran, $stolen_text"

if [ "$mode" = readme ]; then
  # docs/performance.md's table, from this run alone: every figure with the baseline it is divided by, measured here
  cell() { [ -n "${med[$1]-}" ] && printf '%s s' "${med[$1]}" || printf '—'; }
  rcell() { [ -n "${med[$1]-}" ] && [ -n "${med[$2]-}" ] && printf '**%s**' "$(ratio "${med[$1]}" "${med[$2]}")" || printf '—'; }
  table="$work/table.md"
  {
    echo "<!-- performance-table: made by benchmarks/run.sh --readme on $(date -u +%Y-%m-%d), $runs runs a job, medians -->"
    echo "| job ($(date -u +%Y-%m-%d), $(nproc) cores, \`java -Xmx2g -jar target/lookback.jar\`) | median | baseline in the same run | ratio | target |"
    echo "|---|---|---|---|---|"
    echo "| city review, \`--report none --charts none\` (workbooks written) | $(cell city_review) | R workflow $(cell city_r) | $(rcell city_review city_r) | ≤ 0.15 (issue 22) |"
    echo "| the same in one JVM with the settings the jar picks (no second JVM: it hashes its files itself, with C1) | $(cell city_review_one_jvm) | the city review $(cell city_review) | $(rcell city_review_one_jvm city_review) | — |"
    echo "| the same in one JVM with Java's default settings (\`LOOKBACK_LAUNCH=here\`) | $(cell city_review_default_jit) | the city review $(cell city_review) | $(rcell city_review_default_jit city_review) | ≥ 1 |"
    echo "| the same without its workbooks (\`--workbooks none\`): what writing them costs | $(cell city_review_no_workbooks) | the city review $(cell city_review) | $(rcell city_review_no_workbooks city_review) | ≥ 0.90: the workbooks ≤ 10% of the review (issue 22) |"
    echo "| the default city review (report, its 7 charts at 300 dpi and their halved copies, workbooks) | $(cell city_review_report) | R workflow $(cell city_r) | $(rcell city_review_report city_r) | ≤ 0.35 (issue 22) |"
    echo "| city review against its floor (reading and splitting both files) | $(cell city_review) | floor $(cell city_floor) | $(rcell city_review city_floor) | ≤ 3 (\`--check\`) |"
    echo "| province review (100 counties × 200 villages) | $(cell province_review) | floor $(cell province_floor) | $(rcell province_review province_floor) | ≤ 10 s; ≤ 3 × floor |"
    echo "| province review with 1,000 bootstrap replicates | $(cell province_bootstrap) | province review $(cell province_review) | $(rcell province_bootstrap province_review) | ≤ 1 s added |"
    echo "| national frame, 500,000 villages, drawn and certified (srs) | $(cell national_draw) | — | — | ≤ 2 s |"
    echo "| the same with πps | $(cell national_draw_pps) | srs $(cell national_draw) | $(rcell national_draw_pps national_draw) | ≤ 2 s |"
    echo
    echo "While this table was measured, $stolen_text."
    echo "<!-- performance-table: end -->"
  } > "$table"
  awk -v t="$table" '
    /^<!-- performance-table: made by/ { while ((getline line < t) > 0) print line; skip = 1; next }
    /^<!-- performance-table: end -->/ { skip = 0; next }
    !skip { print }' docs/performance.md > "$work/performance.md"
  if ! grep -q '^<!-- performance-table: end -->' "$work/performance.md"; then
    echo "docs/performance.md has no performance-table markers: the table is printed, not written" >&2
    cat "$table"
    exit 1
  fi
  cp "$work/performance.md" docs/performance.md
  echo
  echo "docs/performance.md: performance table rewritten"
  cat "$table"
fi
