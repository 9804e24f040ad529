#!/usr/bin/env bash
# Coverage-guided fuzzing (Jazzer) of every parser that takes outside bytes; docs/reliability.md.
#
#   scripts/fuzz.sh [seconds-per-target] [name-filter]
#   FUZZ_EXCLUDE='BatchScorerFuzzTest#score' scripts/fuzz.sh 8   (CI: every target but the slow Vosk-bound one)
#
# Runs each @FuzzTest with JAZZER_FUZZ=1 for the given seconds (default 8: CI's 8 targets
# it fuzzes of the 9). Jazzer allows one fuzz test per JVM, so each target is its own Maven run. Exit status
# 1 when any target finds a crash, hang (> 10 s on one input) or out-of-memory error: Jazzer then
# writes the input into the target's src/test/resources/**/<Class>Inputs/<method>/ directory,
# where `mvn verify` replays it as a regression test once the parser is fixed (commit it).
# Working corpora grow in <module>/.cifuzz-corpus/ (git-ignored); logs go to target/fuzz/.
# FUZZ_RUNS=N stops each target after N executions instead (libFuzzer's -runs; the seconds then
# only cap the time). MVN_FLAGS adds Maven flags (e.g. -o); the modules' dependencies must resolve (.ci/run's verify
# has built them; -am rebuilds the upstream modules of each target's module).
set -uo pipefail
secs="${1:-8}"
filter="${2:-}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

targets=(
  "acoustic io.emofuse.acoustic.audio.WavReaderFuzzTest#read"
  "acoustic io.emofuse.acoustic.audio.AudioFilesFuzzTest#decode"
  "training io.emofuse.training.manifest.ManifestReaderFuzzTest#csv"
  "training io.emofuse.training.manifest.ManifestReaderFuzzTest#jsonl"
  "analysis io.emofuse.analysis.fuzz.BatchScorerFuzzTest#score"
  "analysis io.emofuse.analysis.fuzz.BatchScorerFuzzTest#parse"
  "server io.emofuse.server.fuzz.StreamProtocolFuzzTest#emofuse"
  "server io.emofuse.server.fuzz.StreamProtocolFuzzTest#vosk"
  "server io.emofuse.server.fuzz.ServerConfigFuzzTest#yaml"
)

mkdir -p target/fuzz
export JAZZER_FUZZ=1 DJL_OFFLINE=true OPT_OUT_TRACKING=true
marker="target/fuzz/.started"
touch "$marker"
failed=0
summary=()
for t in "${targets[@]}"; do
  module="${t%% *}"
  test="${t#* }"
  [[ -n "$filter" && "$test" != *"$filter"* ]] && continue
  [[ -n "${FUZZ_EXCLUDE:-}" && "$test" == *"$FUZZ_EXCLUDE"* ]] && continue
  name="${test##*.}"
  log="target/fuzz/${name/\#/-}.log"
  start=$(date +%s)
  # jazzer.internal.arg.*: libFuzzer flags after the @FuzzTest's own (argv[0] first); later ones win, so
  # -max_total_time overrides maxDuration. The maintainers name these the way to set a duration (issue 951).
  # jazzer.instrument: coverage of the libraries that do the parsing too (Jackson, SnakeYAML); by default Jazzer
  # instruments only the class directories on the class path, i.e. our own code.
  # shellcheck disable=SC2086
  mvn -B ${MVN_FLAGS:-} test -pl "$module" -am -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.instrument='io.emofuse.**,com.fasterxml.jackson.**,org.yaml.snakeyaml.**' \
      -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1="-max_total_time=$secs" \
      -Djazzer.internal.arg.2=-timeout=10 -Djazzer.internal.arg.3=-print_final_stats=1 \
      ${FUZZ_RUNS:+-Djazzer.internal.arg.4=-runs=$FUZZ_RUNS} >"$log" 2>&1
  rc=$?
  took=$(( $(date +%s) - start ))
  runs=$(grep -a -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
  [[ -z "$runs" ]] && runs=$(grep -a -o '^Done [0-9]* runs' "$log" | tail -1 | grep -o '[0-9]*')
  if [[ $rc -ne 0 ]]; then
    failed=1
    result="FAILED (see $log)"
    grep -a -m3 'FuzzTestFinding\|== Java Exception\|Caused by' "$log" | sed 's/^/    /'
  else
    result="ok"
  fi
  summary+=("$(printf '%-48s %4ss fuzzing, %4ss wall, %10s executions: %s' "$test" "$secs" "$took" "${runs:-?}" "$result")")
  echo "${summary[-1]}"
done

# Inputs Jazzer wrote for findings (crash-*, timeout-*, oom-*) during this run: commit them with the fix.
found=$(find . -path ./target -prune -o -path '*/src/test/resources/*FuzzTestInputs/*' -type f \
        \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'slow-unit-*' \) -newer "$marker" -print)
rm -f "$marker"
echo "scripts/fuzz.sh: ${#summary[@]} targets, ${secs}s each"
if [[ -n "$found" ]]; then
  echo "new finding inputs (regression tests once fixed; commit them):"
  echo "$found" | sed 's/^/  /'
  failed=1
fi
exit $failed
