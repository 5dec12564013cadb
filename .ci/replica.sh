#!/usr/bin/env bash
# Builds a real streaming replica of the machine's PostgreSQL (the one .ci/postgres.sh starts): a second
# cluster "replica" on port 5433, copied with pg_basebackup -R, so it follows the primary's WAL with the
# lag a real replica has. The read-your-writes test (tests/NewsMeta.Api.Tests/ScaleOut/ReplicaConsistencyTests.cs)
# pauses and resumes its replay. Safe to run again: a replica that is up and streaming is kept, anything
# else under that name is dropped and copied afresh. Prints the value for NEWSMETA_TEST_REPLICA on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."

bash .ci/postgres.sh >/dev/null
version=$(pg_lsclusters --no-header | awk '$2 != "replica" {print $1; exit}')
primary=$(pg_lsclusters --no-header | awk '$2 != "replica" {print $2; exit}')
primary_port=$(pg_lsclusters --no-header | awk '$2 != "replica" {print $3; exit}')
port=5433
as_postgres() { su postgres -c "$*"; }
primary_sql() { as_postgres "psql -p $primary_port -Atq -v ON_ERROR_STOP=1 -d postgres" ; }

# The primary must accept replication connections: wal_level replica and wal senders are PostgreSQL's
# defaults; the Debian pg_hba.conf has the replication lines, added here when an installation lacks them.
hba=$(echo "SHOW hba_file" | primary_sql)
if ! grep -Eq '^\s*local\s+replication\s+all\s+peer' "$hba"; then
  echo "local   replication     all                                     peer" >>"$hba"
  echo "SELECT pg_reload_conf()" | primary_sql >/dev/null
fi
if ! grep -Eq '^\s*host\s+replication\s+all\s+127\.0\.0\.1/32' "$hba"; then
  echo "host    replication     all             127.0.0.1/32            scram-sha-256" >>"$hba"
  echo "SELECT pg_reload_conf()" | primary_sql >/dev/null
fi
wal_level=$(echo "SHOW wal_level" | primary_sql)
if [ "$wal_level" = "minimal" ]; then
  echo "the primary runs with wal_level=minimal: set it to replica and restart it" >&2
  exit 1
fi

# The test role may pause and resume the replica's replay (cluster-wide, called in the postgres database).
primary_sql >/dev/null <<'SQL'
GRANT EXECUTE ON FUNCTION pg_wal_replay_pause() TO newsmeta;
GRANT EXECUTE ON FUNCTION pg_wal_replay_resume() TO newsmeta;
SQL

streaming() {
  [ "$(as_postgres "psql -p $port -Atq -d postgres -c 'SELECT pg_is_in_recovery()'" 2>/dev/null)" = "t" ] \
    && [ "$(as_postgres "psql -p $port -Atq -d postgres -c 'SELECT status FROM pg_stat_wal_receiver'" 2>/dev/null)" = "streaming" ]
}

if pg_lsclusters --no-header | awk '$2 == "replica"' | grep -q .; then
  pg_ctlcluster "$version" replica start 2>/dev/null || true
  for _ in $(seq 1 10); do
    streaming && break
    sleep 1
  done
fi

if ! streaming; then
  echo "building the replica (pg_basebackup -R into cluster $version/replica, port $port)" >&2
  pg_dropcluster --stop "$version" replica 2>/dev/null || true
  # A standby needs at least the primary's connection and worker limits.
  setting() { echo "SHOW $1" | primary_sql; }
  pg_createcluster "$version" replica --port "$port" \
    -o "max_connections=$(setting max_connections)" \
    -o "max_worker_processes=$(setting max_worker_processes)" \
    -o "max_wal_senders=$(setting max_wal_senders)" \
    -o "max_prepared_transactions=$(setting max_prepared_transactions)" \
    -o "max_locks_per_transaction=$(setting max_locks_per_transaction)" \
    -o "hot_standby=on" >/dev/null
  data=$(pg_lsclusters --no-header | awk '$2 == "replica" {print $6}')
  as_postgres "rm -rf '$data' && pg_basebackup -p $primary_port -D '$data' -R -X stream -c fast"
  pg_ctlcluster "$version" replica start
  for _ in $(seq 1 30); do
    streaming && break
    sleep 1
  done
  streaming || { echo "the replica did not start streaming; see /var/log/postgresql/postgresql-$version-replica.log" >&2; exit 1; }
fi

# A replica left paused by an interrupted test would never catch up.
as_postgres "psql -p $port -Atq -d postgres -c 'SELECT pg_wal_replay_resume()'" >/dev/null

echo "Host=127.0.0.1;Port=$port;Username=newsmeta;Password=newsmeta"
