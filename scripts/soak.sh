#!/usr/bin/env bash
# Soak and saturation of `emofuse serve` on loopback (a script, not a CI test).
#   scripts/soak.sh [MINUTES=30] [STREAMS=2] [REST_PER_MIN=6]
# 1. soak: STREAMS real-time WebSocket streams (RAVDESS utterances back to back, one connection each)
#    plus REST_PER_MIN /v1/analyze calls (4 s of audio) for MINUTES; the server's RSS (/proc/PID/status),
#    open fds (/proc/PID/fd), heap and threads (/metrics) are sampled every 10 s to the CSV.
# 2. saturation: SAT_STREAMS streams (default 3x CAPACITY) and a burst of REST_BURST analyze calls at once
#    for SAT_SECONDS: the excess must get 503 with Retry-After (refused clients wait it out and retry),
#    admitted streams must keep their latency.
# 3. recovery: the soak load again for RECOVER_SECONDS: no errors, latency back.
# Env: CAPACITY (max_streams; default 16, the server default on 2 cores, docs/server-benchmark.md),
#      SAT_STREAMS, SAT_SECONDS (120), REST_BURST (16), RECOVER_SECONDS (120), MAX_QUEUED (4),
#      BENCH_MODEL (default: the default emotion model), EMOFUSE_SHARED (default ../shared), OUT (target/soak).
# Needs a build: mvn -o -q install -pl app -am -DskipTests && mvn -o -q test-compile -pl server
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${EMOFUSE_SHARED:-$root/../shared}"
minutes="${1:-30}"
streams="${2:-2}"
rest="${3:-6}"
capacity="${CAPACITY:-16}"
sat_streams="${SAT_STREAMS:-$((3 * capacity))}"
sat_seconds="${SAT_SECONDS:-120}"
burst="${REST_BURST:-16}"
recover_seconds="${RECOVER_SECONDS:-120}"
out="${OUT:-$root/target/soak}"
mkdir -p "$out"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
csv="$out/soak-$stamp.csv"
log="$out/soak-$stamp.log"
lib="$root/app/target/dist/lib"
classes="$root/server/target/test-classes"
[ -f "$lib/emofuse-app-0.1.0-SNAPSHOT.jar" ] && [ -f "$classes/io/emofuse/server/bench/Soak.class" ] || {
  echo "build first: (cd $root && mvn -o -q install -pl app -am -DskipTests && mvn -o -q test-compile -pl server)" >&2; exit 2; }
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
cfg="$out/server-$stamp.yaml"
cat >"$cfg" <<EOF
host: 127.0.0.1
port: $port
model: ${BENCH_MODEL:-default}
max_streams: $capacity
max_streams_per_client: $capacity
max_queued_requests: ${MAX_QUEUED:-4}
retry_after_s: 2
EOF

echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) soak on $(nproc) cores (load average $(cut -d' ' -f1-3 /proc/loadavg)):" \
  "${minutes} min x $streams streams + $rest analyze/min; capacity (max_streams) $capacity;" \
  "saturation $sat_streams streams + burst $burst for ${sat_seconds} s; recovery ${recover_seconds} s" | tee "$log"
# The launcher's command line (./emofuse serve) on a snapshot of the build (emofuse jars and the load
# generator copied, dependencies linked), so a rebuild in the tree during a long run changes nothing.
snap="$(mktemp -d "${TMPDIR:-/tmp}/emofuse-soak.XXXXXX")"
mkdir -p "$snap/lib" "$snap/classes"
for f in "$lib"/*; do
  case "$(basename "$f")" in emofuse-*) cp "$f" "$snap/lib/" ;; *) ln -s "$f" "$snap/lib/" ;; esac
done
cp -r "$classes/io" "$snap/classes/"
cp="$snap/lib/*"
for extra in "$snap/lib"/*.aar; do [ -e "$extra" ] && cp="$cp:$extra"; done
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
java ${JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=4 -Xshare:auto} -cp "$cp" io.emofuse.app.Main \
  serve --config "$cfg" >>"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$snap"' EXIT
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$port/ready" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { echo "server died at start-up; see $log" >&2; exit 1; }
  sleep 1
done
curl -sf "http://127.0.0.1:$port/ready" >/dev/null || { echo "server not ready after 10 min" >&2; exit 1; }
echo "server pid $pid ready on port $port; samples -> $csv" | tee -a "$log"

cp="$cp:$snap/classes"
phase() { # NAME SECONDS STREAMS REST_PER_MIN BURST
  echo "## $1" | tee -a "$log"
  java -Xss4m -Dlogback.configurationFile="$root/scripts/bench/logback-quiet.xml" -cp "$cp" \
    io.emofuse.server.bench.ServerBenchmark "$shared/data/ravdess" soak "$1" "$port" "$pid" "$2" "$3" "$4" "$5" "$csv" \
    2>>"$log" | grep -v '^# emotion model' | tee -a "$log"
}
phase soak "$((minutes * 60))" "$streams" "$rest" 0
phase saturation "$sat_seconds" "$sat_streams" "$rest" "$burst"
phase recovery "$recover_seconds" "$streams" "$rest" 0
kill -0 "$pid" 2>/dev/null && echo "server still up after the run" | tee -a "$log" || echo "SERVER DIED" | tee -a "$log"
echo "log: $log"
