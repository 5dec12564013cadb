#!/usr/bin/env bash
# Starts the machine's PostgreSQL (installing it from Debian if missing) and creates the role the tests
# use. Prints the value for NEWSMETA_TEST_POSTGRES on its last line. Safe to run again.
set -euo pipefail

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

version=$(pg_lsclusters --no-header | awk 'NR==1 {print $1}')
cluster=$(pg_lsclusters --no-header | awk 'NR==1 {print $2}')
if [ -z "$version" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
  cluster=main
  pg_createcluster "$version" "$cluster" >/dev/null
fi
# PostgreSQL refuses to run as root; pg_ctlcluster switches to the cluster's owner.
pg_ctlcluster "$version" "$cluster" start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 && break
  sleep 1
done

# CREATEDB: each test fixture makes its own database. CREATEROLE: the replica test makes a SELECT-only role.
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL' >/dev/null
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'newsmeta') THEN
    CREATE ROLE newsmeta LOGIN CREATEDB CREATEROLE PASSWORD 'newsmeta';
  END IF;
END $$;
-- Lets the tests end leftover connections (e.g. of the replica test's reader role) when dropping their databases.
GRANT pg_signal_backend TO newsmeta;
SQL

echo "Host=127.0.0.1;Port=5432;Username=newsmeta;Password=newsmeta"
