#!/usr/bin/env bash
# Client checks (issue 7, "proven with real clients"): the tools frontends and developers use, against the
# published service running once on a fresh SQLite store with the sample data:
#   1. every request of every http/*.http file under httpyac, each with its "??" assertions (tests/clients/run-http.mjs);
#   2. typed GraphQL operations (GraphQL Code Generator from the committed schema, TypeScript, graphql-request),
#      including automatic persisted queries over GET (tests/clients/src/graphql.test.ts);
#   3. Swagger UI and the GraphQL IDE in Debian's Chromium driven by playwright-core (tests/clients/src/browser.test.ts).
# Ends with one line "clients: N passed, N failed" counting every request and test; exits non-zero on any failure.
# Usage: .ci/clients.sh [PUBLISH_DIR]   (without it, publishes the API in Release to a temporary folder)
# Environment: CLIENTS_PORT (default 5181), CHROMIUM_PATH (default /usr/bin/chromium).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
port=${CLIENTS_PORT:-5181}
url="http://127.0.0.1:$port"
work=$(mktemp -d)
passed=0
failed=0
server=""

step() { printf '\n== clients: %s\n' "$*"; }
finish() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; fi
  rm -rf "$work"
  echo
  echo "clients: ${passed} passed, ${failed} failed"
  [ "$failed" -eq 0 ] && exit 0 || exit 1
}
fail_setup() { echo "$*"; failed=$((failed + 1)); finish; }

step "Chromium (Debian's package; playwright-core downloads no browser)"
export CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM_PATH" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq > "$work/apt.log" 2>&1 \
    && apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium fonts-dejavu-core >> "$work/apt.log" 2>&1 \
    || { tail -20 "$work/apt.log"; fail_setup "could not install chromium"; }
fi
"$CHROMIUM_PATH" --version 2>/dev/null | head -n 1

step "npm ci (tests/clients/package-lock.json)"
node --version
(cd tests/clients && npm ci --no-audit --no-fund --loglevel=error) || fail_setup "npm ci failed"

step "typed GraphQL operations: GraphQL Code Generator from src/NewsMeta.Api/GraphQL/schema.graphql, then tsc"
(cd tests/clients && npm run --silent codegen && npm run --silent build) || fail_setup "codegen or type check failed"

publish_dir=${1:-}
if [ -z "$publish_dir" ]; then
  step "publish the API (Release)"
  publish_dir="$work/publish"
  dotnet publish src/NewsMeta.Api/NewsMeta.Api.csproj --configuration Release --output "$publish_dir" /p:UseAppHost=false \
    --nologo -v quiet > "$work/publish.log" 2>&1 || { tail -30 "$work/publish.log"; fail_setup "publish failed"; }
fi

step "start the service on $url (fresh SQLite store, sample data, Development keys, no rate limits)"
# The checks must talk to the service started here, not to another one already on the port.
if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
  fail_setup "port $port is already in use: set CLIENTS_PORT to a free port"
fi
# From the publish folder: it is the content root, where appsettings*.json are read from.
(cd "$publish_dir" && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$url" \
  ConnectionStrings__NewsMeta="Data Source=$work/clients.db" Database__SeedSampleData=true \
  RateLimit__Enabled=false Logging__LogLevel__Default=Warning \
  exec dotnet NewsMeta.Api.dll > "$work/server.log" 2>&1) &
server=$!
ready() { dotnet "$publish_dir/NewsMeta.Api.dll" health "$url/health/ready" > /dev/null 2>&1; }
for _ in $(seq 1 120); do
  ready && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; server=""; fail_setup "the service exited"; }
  sleep 0.5
done
ready || { tail -50 "$work/server.log"; fail_setup "the service did not become ready"; }
kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; server=""; fail_setup "the service exited"; }
echo "ready (PID $server)"

# Adds the counts of a "WORD: N passed, N failed" line from a log; a step that exited non-zero without
# reporting a failure counts as one failure.
add_counts() { # LOG LABEL EXIT_CODE
  local line p f
  line=$(grep -E "^$2: [0-9]+ passed, [0-9]+ failed$" "$1" | tail -n 1)
  p=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' || true)
  f=$(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+' || true)
  p=${p:-0}; f=${f:-0}
  if [ "$3" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  if [ -z "$line" ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + p)); failed=$((failed + f))
}

step "http/*.http with httpyac (every request, with its assertions)"
node tests/clients/run-http.mjs "$url" 2>&1 | tee "$work/http.log"
add_counts "$work/http.log" http "${PIPESTATUS[0]}"

step "GraphQL client (graphql-request) and browsers (playwright-core + Chromium): node --test"
(cd tests/clients && NEWSMETA_URL="$url" node --test --test-reporter=tap dist/graphql.test.js dist/browser.test.js) 2>&1 | tee "$work/node.log"
node_status=${PIPESTATUS[0]}
# node's TAP summary: "# pass N", "# fail N", "# cancelled N".
node_pass=$(grep -E '^# pass [0-9]+$' "$work/node.log" | tail -n 1 | grep -oE '[0-9]+' || true)
node_fail=$(grep -E '^# fail [0-9]+$' "$work/node.log" | tail -n 1 | grep -oE '[0-9]+' || true)
node_cancelled=$(grep -E '^# cancelled [0-9]+$' "$work/node.log" | tail -n 1 | grep -oE '[0-9]+' || true)
printf 'node: %s passed, %s failed\n' "${node_pass:-0}" "$(( ${node_fail:-0} + ${node_cancelled:-0} ))" > "$work/node.count"
add_counts "$work/node.count" node "$node_status"
if [ "${node_pass:-0}" -eq 0 ]; then failed=$((failed + 1)); echo "node --test ran no test"; fi
echo "screenshots: tests/clients/test-results/"

if [ "$failed" -ne 0 ]; then
  step "service log (last 40 lines)"
  tail -n 40 "$work/server.log"
fi
finish
