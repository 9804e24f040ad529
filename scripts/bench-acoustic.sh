#!/usr/bin/env bash
# Acoustic feature extraction benchmarks (figures: docs/acoustic-benchmark.md).
#   scripts/bench-acoustic.sh speed  [RUNS]   whole process (JVM start included), one extraction thread, pinned to
#                                             one CPU and not, default java and a JDK 25+ (AOT cache), eGeMAPSv02
#                                             functionals of bench_long_300s.wav (as openSMILE's README)
#   scripts/bench-acoustic.sh cpu [RUNS] [SMILEXTRACT]   whole-process CPU time against openSMILE's binary,
#                                             interleaved (the ratio only when a binary is given)
#   scripts/bench-acoustic.sh jmh [JMH ARGS]  steady-state extraction (JMH, one thread, audio s per CPU s)
#   scripts/bench-acoustic.sh memory          a one-hour 16 kHz file under -Xmx256m (functionals and LLDs)
#   scripts/bench-acoustic.sh parity          regenerates docs/acoustic-parity.md
# Data: ../shared/data/opensmile-ref (bench/bench_long_300s.wav is made by shared/data/make-all.sh).
# Build first: mvn -o -q package -DskipTests (the ./emofuse launcher runs app/target/dist/lib).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
ref="${EMOFUSE_SHARED:-$root/../shared}/data/opensmile-ref"
work="$root/scripts/bench/target/acoustic"
mkdir -p "$work"
bench="$ref/bench/bench_long_300s.wav"
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load avg $(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

case "${1:-}" in
  speed)
    runs="${2:-5}"
    [ -f "$bench" ] || { echo "missing $bench (run shared/data/make-all.sh)" >&2; exit 2; }
    # JVMs: the default java, and a JDK 25+ (EMOFUSE_JAVA, else the newest under /usr/lib/jvm), with
    # which the launcher uses its ahead-of-time cache. Modes: pinned to one CPU (the JIT compiler
    # threads share it) and unpinned (extraction still on one thread, --threads 1).
    jvms=("$(command -v java)")
    newer="${EMOFUSE_JAVA:-$("$root/scripts/newer-jdk.sh")}"
    [ -n "$newer" ] && jvms+=("$newer")
    cpu=$(( $(nproc) - 1 ))
    for j in "${jvms[@]}"; do   # warm the page cache (not the JIT), and train the AOT cache once
      EMOFUSE_JAVA="$j" "$root/emofuse" extract --set egemaps --out "$work/warmup.csv" "$bench" >/dev/null 2>&1
    done
    echo "jvm,mode,run,wall_s,user_s,sys_s,max_rss_kb"
    for ((r = 1; r <= runs; r++)); do   # interleaved, so drifting load hits every variant alike
      for j in "${jvms[@]}"; do
        for mode in pinned unpinned; do
          pin=(); [ "$mode" = pinned ] && pin=(taskset -c "$cpu")
          EMOFUSE_JAVA="$j" /usr/bin/time -f "%e,%U,%S,%M" -o "$work/time.txt" "${pin[@]}" \
            "$root/emofuse" extract --set egemaps --threads 1 --out "$work/bench_func.csv" "$bench" >/dev/null 2>&1
          echo "$j,$mode,$r,$(cat "$work/time.txt")"
          echo "$j,$mode,$(cut -d, -f1 "$work/time.txt")" >> "$work/walls.txt"
        done
      done
    done
    for j in "${jvms[@]}"; do
      for mode in pinned unpinned; do
        echo "median_wall_s $j $mode $(grep -F "$j,$mode," "$work/walls.txt" | cut -d, -f3 | median)"
      done
    done
    rm -f "$work/walls.txt"
    ;;
  cpu)
    # CPU time (user + sys) of the whole process against openSMILE's SMILExtract, interleaved run by run:
    # emofuse on the default java (--threads 1, unpinned) and SMILExtract with eGeMAPSv02.conf, both on
    # bench_long_300s.wav. SMILEXTRACT is a binary built from openSMILE's v3.0.2 tag (not part of this
    # repository); its config is OPENSMILE_CONFIG, else config/egemaps/v02/eGeMAPSv02.conf in the source
    # tree above the binary. Without a binary, only emofuse is timed and no ratio is printed.
    runs="${2:-5}"
    smile="${3:-}"
    [ -f "$bench" ] || { echo "missing $bench (run shared/data/make-all.sh)" >&2; exit 2; }
    conf="${OPENSMILE_CONFIG:-}"
    if [ -n "$smile" ] && [ -z "$conf" ]; then
      d="$(dirname "$(readlink -f "$smile")")"
      while [ "$d" != / ] && [ ! -f "$d/config/egemaps/v02/eGeMAPSv02.conf" ]; do d="$(dirname "$d")"; done
      conf="$d/config/egemaps/v02/eGeMAPSv02.conf"
      [ -f "$conf" ] || { echo "no eGeMAPSv02.conf above $smile; set OPENSMILE_CONFIG" >&2; exit 2; }
    fi
    "$root/emofuse" extract --set egemaps --out "$work/warmup.csv" "$bench" >/dev/null 2>&1
    echo "tool,run,wall_s,user_s,sys_s,cpu_s,max_rss_kb"
    : > "$work/cpu.txt"
    for ((r = 1; r <= runs; r++)); do
      /usr/bin/time -f "%e,%U,%S,%M" -o "$work/time.txt" \
        "$root/emofuse" extract --set egemaps --threads 1 --out "$work/bench_func.csv" "$bench" >/dev/null 2>&1
      IFS=, read -r w u sy m < "$work/time.txt"
      echo "emofuse,$r,$w,$u,$sy,$(echo "$u + $sy" | bc),$m" | tee -a "$work/cpu.txt"
      if [ -n "$smile" ]; then
        rm -f "$work/smile.csv"
        /usr/bin/time -f "%e,%U,%S,%M" -o "$work/time.txt" "$smile" -C "$conf" -I "$bench" -instname bench \
          -csvoutput "$work/smile.csv" -loglevel 1 >/dev/null 2>&1
        IFS=, read -r w u sy m < "$work/time.txt"
        echo "opensmile,$r,$w,$u,$sy,$(echo "$u + $sy" | bc),$m" | tee -a "$work/cpu.txt"
      fi
    done
    e="$(grep '^emofuse,' "$work/cpu.txt" | cut -d, -f6 | median)"
    echo "median_cpu_s emofuse $e"
    if [ -n "$smile" ]; then
      o="$(grep '^opensmile,' "$work/cpu.txt" | cut -d, -f6 | median)"
      echo "median_cpu_s opensmile $o"
      echo "cpu_ratio emofuse/opensmile $(echo "scale=3; $e / $o" | bc)"
    fi
    ;;
  jmh)
    # Steady-state extraction (acoustic/src/jmh, JMH 1.37): compiled here with javac against the acoustic
    # module's classes, outside mvn verify. JMH's jars come from the local Maven repository (fetched once
    # with dependency:get when absent). Extra arguments go to JMH, e.g. `jmh -f 1 -wi 2 -i 3`.
    shift
    jmhv=1.37
    m2="${MAVEN_REPO:-$HOME/.m2/repository}"
    jars=("$m2/org/openjdk/jmh/jmh-core/$jmhv/jmh-core-$jmhv.jar"
          "$m2/org/openjdk/jmh/jmh-generator-annprocess/$jmhv/jmh-generator-annprocess-$jmhv.jar"
          "$m2/net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar"
          "$m2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar")
    for j in "${jars[@]}"; do
      [ -f "$j" ] || (cd "$work" && mvn -q -B dependency:get -Dartifact="org.openjdk.jmh:jmh-generator-annprocess:$jmhv")
    done
    (cd "$root" && mvn -o -q -B compile -pl acoustic -am)
    (cd "$root" && mvn -o -q -B dependency:build-classpath -pl acoustic -Dmdep.includeScope=runtime \
      -Dmdep.outputFile="$work/acoustic.cp") >/dev/null
    deps="$(cat "$work/acoustic.cp")"
    jmhcp="$(IFS=:; echo "${jars[*]}")"
    # BASELINE=<commit>: the same benchmark first on that commit's acoustic sources (before/after figures)
    variants=("$root/acoustic/target/classes")
    if [ -n "${BASELINE:-}" ]; then
      base="$work/baseline-$BASELINE"
      rm -rf "$base" && mkdir -p "$base/src" "$base/classes"
      git -C "$root" archive "$BASELINE" acoustic/src/main/java | tar x -C "$base/src"
      javac -nowarn -cp "$deps" -d "$base/classes" $(find "$base/src" -name '*.java')
      variants=("$base/classes" "${variants[@]}")
    fi
    for classes in "${variants[@]}"; do
      echo "# acoustic classes: $classes; load avg $(cut -d' ' -f1-3 /proc/loadavg)"
      cp="$classes:$deps:$jmhcp"
      out="$work/jmh-classes"
      rm -rf "$out" && mkdir -p "$out"
      javac -nowarn -cp "$cp" -processorpath "$jmhcp" -d "$out" $(find "$root/acoustic/src/jmh/java" -name '*.java')
      (cd "$root" && java -cp "$out:$cp" -Demofuse.bench.wav="$bench" org.openjdk.jmh.Main \
        -jvmArgsAppend "-Demofuse.bench.wav=$bench" "$@")
    done
    ;;
  memory)
    long="$work/one_hour.wav"
    if [ ! -f "$long" ]; then
      [ -f "$bench" ] || { echo "missing $bench" >&2; exit 2; }
      sox $(for i in $(seq 12); do echo "$bench"; done) "$long"   # 12 x 300 s = 3600 s
    fi
    echo "input: $(soxi -D "$long") s"
    echo "level,wall_s,max_rss_kb,exit"
    for level in functionals lld; do
      set +e
      JAVA_OPTS="-XX:+UseSerialGC -Xmx256m" /usr/bin/time -f "%e,%M" -o "$work/time.txt" \
        "$root/emofuse" extract --set egemaps --level "$level" --out "$work/one_hour_$level.csv" "$long" >/dev/null 2>"$work/err.txt"
      rc=$?
      set -e
      echo "$level,$(cat "$work/time.txt" | tail -1),$rc"
      [ "$rc" = 0 ] || cat "$work/err.txt"
    done
    echo "lld rows: $(($(wc -l < "$work/one_hour_lld.csv") - 1))"
    ;;
  parity)
    cd "$root" && ./emofuse acoustic-parity --ref "${EMOFUSE_SHARED:-../shared}/data/opensmile-ref" --out docs/acoustic-parity.md
    ;;
  *)
    sed -n 2,8p "$0"; exit 2 ;;
esac
