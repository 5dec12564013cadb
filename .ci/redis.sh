#!/usr/bin/env bash
# Starts a throwaway Redis for the shared-cache tests (installing Debian's redis-server if missing).
# Prints the value for NEWSMETA_TEST_REDIS on its last line.
set -euo pipefail
port=${REDIS_TEST_PORT:-6390}

if ! command -v redis-server >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi
if ! redis-cli -p "$port" ping >/dev/null 2>&1; then
  # No persistence: the tests need a cache, not a store.
  redis-server --port "$port" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no >/dev/null
fi
for _ in $(seq 1 20); do
  redis-cli -p "$port" ping >/dev/null 2>&1 && break
  sleep 0.5
done
echo "127.0.0.1:$port"
