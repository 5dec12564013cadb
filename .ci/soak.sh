#!/usr/bin/env bash
# Bounded soak (issue: reliability): starts the published service on a fresh SQLite store with the sample
# data, runs tests/NewsMeta.Soak (mixed reads and writes, 32 connections,
# SOAK_SECONDS, default 60) on loopback, prints its table and stops the service it started (by PID).
# Usage: .ci/soak.sh PUBLISH_DIR
set -uo pipefail
cd "$(dirname "$0")/.."
publish_dir=${1:?usage: .ci/soak.sh PUBLISH_DIR}
seconds=${SOAK_SECONDS:-60}
port=${SOAK_PORT:-5099}
work=$(mktemp -d)

dotnet build tests/NewsMeta.Soak --configuration Release --nologo -v quiet > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }

# From the publish folder: it is the content root, where appsettings*.json are read from. Rate limits are
# off unless SOAK_RATE_LIMIT=true: at full speed nearly everything would be a 429 and the soak would test
# nothing else (with them on, errors must still be 0 apart from the 429s).
(cd "$publish_dir" && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port" \
  ConnectionStrings__NewsMeta="Data Source=$work/soak.db" Logging__LogLevel__Default=Warning \
  RateLimit__Enabled="${SOAK_RATE_LIMIT:-false}" \
  exec dotnet NewsMeta.Api.dll > "$work/server.log" 2>&1) &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT

# The service's own probe (no curl needed on the machine).
ready() { dotnet "$publish_dir/NewsMeta.Api.dll" health "http://127.0.0.1:$port/health/ready" > /dev/null 2>&1; }
for _ in $(seq 1 120); do
  ready && break
  kill -0 "$server" 2>/dev/null || { echo "the service exited:"; cat "$work/server.log"; exit 1; }
  sleep 0.5
done
ready || { echo "the service did not become ready"; tail -50 "$work/server.log"; exit 1; }

dotnet tests/NewsMeta.Soak/bin/Release/net10.0/NewsMeta.Soak.dll --url "http://127.0.0.1:$port" --seconds "$seconds" --connections 32 --server-pid "$server"
