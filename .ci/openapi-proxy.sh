#!/usr/bin/env bash
# The OpenAPI document tells the truth: every request of every http/*.http file goes through Prism's validating
# proxy (@stoplight/prism-cli, locked in .ci/package-lock.json) in front of the published service, and any answer
# (or accepted request) that disagrees with the document the service serves is a violation.
#   1. starts the published service on a fresh SQLite store with the sample data (Development keys, no rate limits);
#   2. takes its document from /swagger/v1/swagger.json and hands Prism a copy adjusted for one Prism defect
#      (.ci/openapi-prism-document.mjs says which);
#   3. runs `prism proxy` in front of it and tests/clients/run-http.mjs against the proxy;
#   4. reads Prism's log (.ci/openapi-violations.mjs) and prints each violation under its request.
# Ends with "openapi: N passed, N failed" (requests; one with any violation fails; an http/ request whose own
# assertions fail through the proxy counts as failed too); exits non-zero on any failure.
# Usage: .ci/openapi-proxy.sh [PUBLISH_DIR]   (without it, publishes the API in Release to a temporary folder)
# Environment: OPENAPI_SERVICE_PORT (default 5230), OPENAPI_PROXY_PORT (default 5231).
set -uo pipefail
cd "$(dirname "$0")/.."
service_port=${OPENAPI_SERVICE_PORT:-5230}
proxy_port=${OPENAPI_PROXY_PORT:-5231}
service_url="http://127.0.0.1:$service_port"
proxy_url="http://127.0.0.1:$proxy_port"
work=$(mktemp -d)
server=""
prism=""

step() { printf '\n== openapi: %s\n' "$*"; }
stop() {
  if [ -n "$prism" ]; then kill "$prism" 2>/dev/null; wait "$prism" 2>/dev/null; prism=""; fi
  if [ -n "$server" ]; then kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; server=""; fi
}
give_up() { echo "$*"; stop; rm -rf "$work"; echo; echo "openapi: 0 passed, 1 failed"; exit 1; }
port_free() { ! (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }

step "npm ci (.ci: Prism; tests/clients: httpyac)"
node --version
(cd .ci && npm ci --no-audit --no-fund --loglevel=error) || give_up "npm ci in .ci failed"
(cd tests/clients && npm ci --no-audit --no-fund --loglevel=error) || give_up "npm ci in tests/clients failed"
.ci/node_modules/.bin/prism --version | sed 's/^/prism /'

publish_dir=${1:-}
if [ -z "$publish_dir" ]; then
  step "publish the API (Release)"
  publish_dir="$work/publish"
  dotnet publish src/NewsMeta.Api/NewsMeta.Api.csproj --configuration Release --output "$publish_dir" /p:UseAppHost=false \
    --nologo -v quiet > "$work/publish.log" 2>&1 || { tail -30 "$work/publish.log"; give_up "publish failed"; }
fi

step "start the service on $service_url (fresh SQLite store, sample data, Development keys, no rate limits)"
port_free "$service_port" || give_up "port $service_port is already in use: set OPENAPI_SERVICE_PORT to a free port"
port_free "$proxy_port" || give_up "port $proxy_port is already in use: set OPENAPI_PROXY_PORT to a free port"
# From the publish folder: it is the content root, where appsettings*.json are read from.
(cd "$publish_dir" && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$service_url" \
  ConnectionStrings__NewsMeta="Data Source=$work/openapi.db" Database__SeedSampleData=true \
  RateLimit__Enabled=false Logging__LogLevel__Default=Warning \
  exec dotnet NewsMeta.Api.dll > "$work/server.log" 2>&1) &
server=$!
ready() { dotnet "$publish_dir/NewsMeta.Api.dll" health "$service_url/health/ready" > /dev/null 2>&1; }
for _ in $(seq 1 120); do
  ready && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; server=""; give_up "the service exited"; }
  sleep 0.5
done
ready || { tail -50 "$work/server.log"; give_up "the service did not become ready"; }
echo "ready (PID $server)"

step "the document the service serves, and Prism's copy of it"
curl -fsS "$service_url/swagger/v1/swagger.json" -o "$work/openapi.json" || give_up "could not read /swagger/v1/swagger.json"
node .ci/openapi-prism-document.mjs "$work/openapi.json" "$work/openapi.prism.json" || give_up "could not write Prism's copy"

step "prism proxy on $proxy_url -> $service_url"
.ci/node_modules/.bin/prism proxy "$work/openapi.prism.json" "$service_url" --host 127.0.0.1 --port "$proxy_port" \
  > "$work/prism.log" 2>&1 &
prism=$!
for _ in $(seq 1 120); do
  grep -q "Prism is listening" "$work/prism.log" && break
  kill -0 "$prism" 2>/dev/null || { cat "$work/prism.log"; prism=""; give_up "prism exited"; }
  sleep 0.5
done
grep -q "Prism is listening" "$work/prism.log" || { tail -30 "$work/prism.log"; give_up "prism did not start"; }
echo "listening (PID $prism)"

step "http/*.http through the proxy (each request's own assertions still hold)"
node tests/clients/run-http.mjs "$proxy_url" > "$work/http.log" 2>&1
http_status=$?
grep -vE '^ok ' "$work/http.log"
stop

step "violations (Prism's log, read by .ci/openapi-violations.mjs)"
node .ci/openapi-violations.mjs "$work/prism.log" | tee "$work/violations.log"
violations_status=${PIPESTATUS[0]}
line=$(grep -E '^openapi: [0-9]+ passed, [0-9]+ failed$' "$work/violations.log" | tail -n 1)
passed=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' || true)
failed=$(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+' || true)
passed=${passed:-0}
failed=${failed:-1}
if [ "$http_status" -ne 0 ]; then
  echo "some http/ requests failed their own assertions through the proxy (above)"
  failed=$((failed + 1))
fi
if [ "$violations_status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$failed" -ne 0 ]; then
  step "service log (last 20 lines)"
  tail -n 20 "$work/server.log"
fi
rm -rf "$work"
echo
echo "openapi: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
