#!/usr/bin/env bash
# Smoke test of the Linux app image that dist/package.sh built (README.md, "Installers"); not run by
# CI. Everything stays on 127.0.0.1: the image's lancers-server on a free port, the image's game
# headless against it, /metrics scraped meanwhile; then SIGTERM and a graceful stop.
set -euo pipefail
cd "$(dirname "$0")/.."
app=target/jpackage/Lancers
work=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill "$server"; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$app/bin/Lancers" --help > "$work/help" || fail "Lancers --help exited $?"
grep -q -- "--connect" "$work/help" || fail "--help lists no --connect"
"$app/bin/Lancers" --version | grep -qx "protocol lancers.v5" || fail "Lancers --version names no protocol"
"$app/bin/lancers-server" --version | grep -q "^Lancers server " || fail "lancers-server --version"
modules=$(sed -n 's/^MODULES="\(.*\)"/\1/p' "$app/lib/runtime/release")
echo "runtime: $(du -sh "$app/lib/runtime" | cut -f1), modules: $modules"
case " $modules " in *" javafx."*|*" jdk.jshell "*|*" java.se "*) fail "runtime not trimmed: $modules" ;; esac

"$app/bin/lancers-server" --bind 127.0.0.1 --port 0 --no-discovery --matches 1 --bots 1 \
  > "$work/server.out" 2> "$work/server.err" &
server=$!
for _ in $(seq 1 600); do grep -q '^listening ' "$work/server.out" && break; kill -0 "$server" || break; sleep 0.1; done
url=$(sed -n 's/^listening //p' "$work/server.out")
[ -n "$url" ] || fail "no ready line; log: $(cat "$work/server.err")"
port=${url##*:}; port=${port%%/*}
echo "server: $url"

"$app/bin/Lancers" --headless --connect "$url" --bots 2 --duration 8 > "$work/headless" &
headless=$!
seen=false
for _ in $(seq 1 150); do
  if curl -fs "http://127.0.0.1:$port/metrics" | grep -q '^lancers_players{kind="human",match="m1"} 2.0$'; then seen=true; break; fi
  sleep 0.1
done
wait "$headless" || fail "headless client exited $?"
$seen || fail "/metrics never showed the two headless players"
summary=$(grep '"event":"summary"' "$work/headless") || fail "no summary line: $(cat "$work/headless")"
echo "headless: ${summary:0:200}"
echo "$summary" | grep -q '"state":"IN_MATCH"\|"frames":[1-9]' || fail "the headless clients played no frames"

kill -TERM "$server"
status=0; wait "$server" || status=$?
server=
[ "$status" -eq 143 ] || [ "$status" -eq 0 ] || fail "server exited $status on SIGTERM"
grep -q "m1: stopped" "$work/server.err" || fail "no graceful stop in the log: $(tail -5 "$work/server.err")"
echo "smoke test passed"
