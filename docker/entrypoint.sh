#!/bin/sh
# Container launcher: the same classpath as ./emofuse (the Vosk model .aar is not matched by lib/*).
set -eu
lib=/opt/emofuse/lib
cp="$lib/*"
for extra in "$lib"/*.aar; do [ -e "$extra" ] && cp="$cp:$extra"; done
exec java ${JAVA_OPTS:-} -cp "$cp" io.emofuse.app.Main "$@"
