#!/usr/bin/env bash
# The server logs at its default level (a line a request) to /dev/null: the cost of logging is
# in the figures, not a disk filling at 20,000 lines a second.
#
# Reproduces the load figures of docs/service.md: wrk on loopback against a release
# `replykit-server serve` of the example packs, then (unless SOAK=0) a soak with a SIGHUP every
# 10 s, sampling the server's resident memory. Bounded in time; listens on 127.0.0.1 only.
#
#   Benchmarks/Scripts/serve-load.sh              # 30 s load, 5 min soak
#   DURATION=10 SOAK_SECONDS=60 Benchmarks/Scripts/serve-load.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-30}
SOAK=${SOAK:-1}
SOAK_SECONDS=${SOAK_SECONDS:-300}
THREADS=${THREADS:-1}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-18181}
command -v wrk >/dev/null || { echo "wrk is missing (Debian: apt-get install wrk)" >&2; exit 2; }
swift build -c release --product replykit-server >&2
BIN=$(swift build -c release --show-bin-path)/replykit-server
WORK=$(mktemp -d)
cp -r templates "$WORK/templates"
"$BIN" serve --templates "$WORK/templates" --host 127.0.0.1 --port "$PORT" 2>/dev/null &
SERVER=$!
trap 'kill -TERM $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 0.1; done
URL="http://127.0.0.1:$PORT"
rss() { awk '/VmRSS/ {print $2}' "/proc/$SERVER/status"; }

echo "== warm-up (5 s)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s Benchmarks/Scripts/serve-render.lua "$URL" >/dev/null
echo "== load: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency -s Benchmarks/Scripts/serve-render.lua $URL"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s Benchmarks/Scripts/serve-render.lua "$URL"
echo "rss after load: $(rss) kB"

if [ "$SOAK" = 1 ]; then
  echo "== soak: ${SOAK_SECONDS} s of wrk with a SIGHUP every 10 s (a pack edited before every other one)"
  PACK="$WORK/templates/globex-mobile/en-US.yaml"
  cp "$PACK" "$WORK/pack.orig"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SOAK_SECONDS}s" --latency -s Benchmarks/Scripts/serve-render.lua "$URL" > "$WORK/soak.txt" &
  WRK=$!
  START_RSS=""
  for i in $(seq $((SOAK_SECONDS / 10))); do
    sleep 10
    if [ $((i % 2)) = 1 ]; then sed -i "s/Thanks for bearing with us/Thanks for waiting ($i)/" "$PACK"; else cp "$WORK/pack.orig" "$PACK"; fi
    kill -HUP "$SERVER"
    [ "$i" = 3 ] && START_RSS=$(rss)
    echo "t=$((i * 10))s rss $(rss) kB"
  done
  wait $WRK
  cat "$WORK/soak.txt"
  END_RSS=$(rss)
  echo "rss at 30 s: $START_RSS kB, at the end: $END_RSS kB"
  curl -s "$URL/metrics" | grep -E '^replykit_(library_reload|http_requests_total\{route="/v1/render")'
fi
