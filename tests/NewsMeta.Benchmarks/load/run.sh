#!/usr/bin/env bash
# Load benchmark of NewsMeta: the five scenarios of ../shared/bench/SCENARIOS.md plus a ceiling, with wrk.
#
#   bash tests/NewsMeta.Benchmarks/load/run.sh [--articles 20000] [--db sqlite|postgres] [--duration 10] [--warmup 3]
#        [--connections 32] [--threads 2] [--timeout 10] [--scenarios ceiling,s1,s2,s3,s3get,s4,s5] [--keep] [--reuse-db]
#
# Generates (and caches) the corpus, publishes the API in Release, imports the corpus into a fresh database,
# starts the service on 127.0.0.1:5183, checks the first 5 requests of every list, runs each scenario
# (warm-up, then the measured run), deletes the bench-% articles S5 wrote, prints one table and writes it to
# tests/NewsMeta.Benchmarks/load/results/. Every process it starts is stopped by PID on exit, even on failure
# (PostgreSQL is a shared machine service started by .ci/postgres.sh: it is left running).
#
# Environment: NEWSMETA_SHARED (default: ../shared next to the repository), NEWSMETA_BENCH_CACHE (corpora,
# publish output, databases, logs; default /tmp/newsmeta-bench), NEWSMETA_BENCH_PGDB (default newsmeta_bench),
# NEWSMETA_BENCH_PORT (default 5183), NEWSMETA_BENCH_PG_OPTIONS (appended to the PostgreSQL connection string,
# e.g. "SSL Mode=Disable;Max Auto Prepare=30", for experiments; written into the results).
# --keep keeps the database; --reuse-db uses a kept one (same --articles) instead of importing.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
COMMAND="bash tests/NewsMeta.Benchmarks/load/run.sh${*:+ $*}"

ARTICLES=20000 DB=sqlite DURATION=10 WARMUP=3 CONNECTIONS=32 THREADS=2 TIMEOUT=10
SCENARIO_LIST="ceiling,s1,s2,s3,s3get,s4,s5" KEEP=0 REUSE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --articles) ARTICLES="$2"; shift 2 ;;
    --db) DB="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --timeout) TIMEOUT="$2"; shift 2 ;;
    --scenarios) SCENARIO_LIST="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --reuse-db) REUSE=1; KEEP=1; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$DB" in sqlite|postgres) ;; *) echo "--db must be sqlite or postgres" >&2; exit 2 ;; esac
[[ "$ARTICLES" =~ ^[0-9]+$ ]] || { echo "--articles must be a number" >&2; exit 2; }

SHARED="${NEWSMETA_SHARED:-$ROOT/../shared}"
CACHE="${NEWSMETA_BENCH_CACHE:-/tmp/newsmeta-bench}"
PORT="${NEWSMETA_BENCH_PORT:-5183}"
BASE="http://127.0.0.1:$PORT"
PGDB="${NEWSMETA_BENCH_PGDB:-newsmeta_bench}"
STAMP="$(date -u +%Y%m%d-%H%M%S)"
WORK="$CACHE/run-$STAMP-$$"
PUBLISH="$WORK/publish"
BENCH="python3 $HERE/bench.py"
mkdir -p "$WORK" "$CACHE/db"

log() { printf '\n== %s  %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# ------------------------------------------------------------------ cleanup on any exit
SERVER_PID="" CHILD_PID="" DB_CREATED=0
stop_pid() { # PID: TERM, then KILL after 15 s
  local pid="$1"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
  local rc=$?
  stop_pid "$CHILD_PID"
  stop_pid "$SERVER_PID"
  if [ "$KEEP" = 0 ] && [ "$DB_CREATED" = 1 ]; then
    if [ "$DB" = sqlite ]; then rm -f "$SQLITE_FILE" "$SQLITE_FILE-wal" "$SQLITE_FILE-shm"
    else pg_psql postgres -c "DROP DATABASE IF EXISTS \"$PGDB\" WITH (FORCE)" >/dev/null 2>&1 || true; fi
  fi
  rm -rf "$PUBLISH"
  [ $rc -ne 0 ] && echo "run.sh failed (exit $rc); logs in $WORK" >&2
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Runs a command in the background and waits for it, so the trap can stop it by PID.
run_child() {
  "$@" &
  CHILD_PID=$!
  local rc=0
  wait "$CHILD_PID" || rc=$?
  CHILD_PID=""
  return $rc
}

# ------------------------------------------------------------------ 1. corpus (cached by N and corpus.py's hash)
[ -f "$SHARED/bench/corpus.py" ] || { echo "corpus.py not found under $SHARED/bench (set NEWSMETA_SHARED)" >&2; exit 1; }
GEN_HASH="$(sha256sum "$SHARED/bench/corpus.py" | cut -c1-12)"
CORPUS_DIR="$CACHE/corpus/seed42-n$ARTICLES-$GEN_HASH"
if [ ! -s "$CORPUS_DIR/queries.json" ]; then
  log "generating the corpus: $ARTICLES articles -> $CORPUS_DIR"
  mkdir -p "$CORPUS_DIR.tmp"
  run_child sh -c "cd '$CORPUS_DIR.tmp' && python3 '$SHARED/bench/corpus.py' --seed 42 --articles $ARTICLES --queries queries.json > corpus.ndjson"
  rm -rf "$CORPUS_DIR" && mv "$CORPUS_DIR.tmp" "$CORPUS_DIR"
else
  log "corpus cached: $CORPUS_DIR"
fi
CORPUS="$CORPUS_DIR/corpus.ndjson"
QUERIES="$CORPUS_DIR/queries.json"

# ------------------------------------------------------------------ 2. wrk
if ! command -v wrk >/dev/null 2>&1; then
  log "installing wrk"
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get -o DPkg::Lock::Timeout=600 install -y -qq wrk >/dev/null; }
fi

# ------------------------------------------------------------------ 3. publish, database, import
log "publishing the API (Release) to $PUBLISH"
run_child dotnet publish "$ROOT/src/NewsMeta.Api" -c Release -o "$PUBLISH" /p:UseAppHost=false -v q -nologo >"$WORK/publish.log" 2>&1 \
  || { tail -n 30 "$WORK/publish.log" >&2; exit 1; }
APP="$PUBLISH/NewsMeta.Api.dll"

pg_psql() { # DATABASE psql-args...
  local dbname="$1"; shift
  PGPASSWORD="$PG_PASSWORD" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$dbname" -v ON_ERROR_STOP=1 -qAt "$@"
}

SQLITE_FILE="$CACHE/db/newsmeta-n$ARTICLES.db"
if [ "$DB" = sqlite ]; then
  export Database__Provider=Sqlite
  export ConnectionStrings__NewsMeta="Data Source=$SQLITE_FILE"
  DB_VERSION="SQLite $(sqlite3 --version 2>/dev/null | cut -d' ' -f1) (CLI; the app uses the SQLite bundled with Microsoft.Data.Sqlite)"
  MARKER="$SQLITE_FILE.n"
  if [ "$REUSE" = 1 ] && [ -f "$SQLITE_FILE" ]; then FRESH=0; else
    rm -f "$SQLITE_FILE" "$SQLITE_FILE-wal" "$SQLITE_FILE-shm"; FRESH=1
  fi
else
  log "starting PostgreSQL (.ci/postgres.sh)"
  PG_CONN="$(bash "$ROOT/.ci/postgres.sh" | tail -n 1)"
  eval "$(python3 -c '
import sys, shlex
kv = dict(p.split("=", 1) for p in sys.argv[1].split(";") if "=" in p)
g = lambda *ks: next((kv[k] for k in kv if k.lower() in ks), "")
print("PG_HOST=%s PG_PORT=%s PG_USER=%s PG_PASSWORD=%s" % tuple(shlex.quote(x) for x in (g("host", "server"), g("port") or "5432", g("username", "user id", "user"), g("password"))))
' "$PG_CONN")"
  export Database__Provider=Postgres
  export ConnectionStrings__NewsMeta="$PG_CONN;Database=$PGDB${NEWSMETA_BENCH_PG_OPTIONS:+;$NEWSMETA_BENCH_PG_OPTIONS}"
  DB_VERSION="PostgreSQL $(pg_psql postgres -c 'SHOW server_version')"
  # Inside double quotes \` is a literal backtick (the options are shown as code in the results file).
  if [ -n "${NEWSMETA_BENCH_PG_OPTIONS:-}" ]; then DB_VERSION="$DB_VERSION (connection string + \`$NEWSMETA_BENCH_PG_OPTIONS\`)"; fi
  MARKER="$CACHE/db/postgres-$PGDB.n"
  if [ "$REUSE" = 1 ] && [ "$(pg_psql postgres -c "SELECT 1 FROM pg_database WHERE datname = '$PGDB'")" = 1 ]; then FRESH=0; else
    pg_psql postgres -c "DROP DATABASE IF EXISTS \"$PGDB\" WITH (FORCE)" >/dev/null
    pg_psql postgres -c "CREATE DATABASE \"$PGDB\"" >/dev/null
    FRESH=1
  fi
fi
if [ "$FRESH" = 0 ] && [ "$(cat "$MARKER" 2>/dev/null)" != "$ARTICLES" ]; then
  echo "--reuse-db: the kept database does not hold the $ARTICLES-article corpus (marker $MARKER); run with --keep first" >&2; exit 1
fi
DB_CREATED=$FRESH

export ASPNETCORE_ENVIRONMENT=Production
export Database__SeedSampleData=false
export Logging__LogLevel__Default=Warning
export Enrichment__RelinkIntervalSeconds="${Enrichment__RelinkIntervalSeconds:-30}"

IMPORT_SECONDS="" IMPORT_RATE="" IMPORT_LINE=""
if [ "$FRESH" = 1 ]; then
  rm -f "$MARKER"
  log "importing $CORPUS ($DB)"
  t0=$(date +%s.%N)
  run_child dotnet "$APP" import "$CORPUS" >"$WORK/import.out" 2>"$WORK/import.err" || { cat "$WORK/import.out"; tail -c 2000 "$WORK/import.err" >&2; exit 1; }
  t1=$(date +%s.%N)
  IMPORT_LINE="$(grep '^Imported' "$WORK/import.out" | tail -n 1)"
  IMPORT_SECONDS=$(python3 -c "print(round($t1 - $t0, 1))")
  IMPORT_RATE=$(python3 -c "print(round($ARTICLES / ($t1 - $t0)))")
  echo "$IMPORT_LINE" >&2
  echo "import: $IMPORT_SECONDS s wall clock (process start to exit), $IMPORT_RATE articles/s" >&2
  echo "$ARTICLES" >"$MARKER"
else
  log "reusing the kept $DB database"
fi

KEY="$(dotnet "$APP" keys create --name "bench-$STAMP-$$" --scopes read,write 2>>"$WORK/keys.err" | tail -n 1)"
[[ "$KEY" == nm_* ]] || { echo "could not create an API key"; cat "$WORK/keys.err" >&2; exit 1; }

# ------------------------------------------------------------------ 4. the service
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then echo "port $PORT is in use" >&2; exit 1; fi
log "starting the service on $BASE"
ASPNETCORE_URLS="$BASE" RateLimit__Enabled=false Benchmark__Enabled=true Hosting__ShutdownTimeout=00:00:05 \
  setsid nohup dotnet "$APP" >"$WORK/server.log" 2>&1 </dev/null &
SERVER_PID=$!
for _ in $(seq 1 240); do
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "the service exited:"; tail -n 40 "$WORK/server.log"; exit 1; } >&2
  curl -fsS -o /dev/null "$BASE/health/ready" 2>/dev/null && break
  sleep 0.5
done
curl -fsS -o /dev/null "$BASE/health/ready" || { echo "not ready after 120 s" >&2; tail -n 40 "$WORK/server.log" >&2; exit 1; }
tr '\0' ' ' <"/proc/$SERVER_PID/cmdline" | grep -q 'NewsMeta.Api.dll' || { echo "PID $SERVER_PID is not the service" >&2; exit 1; }
echo "service PID $SERVER_PID ready" >&2

# ------------------------------------------------------------------ 5. requests, checks, scenarios
REQ="$WORK/requests"
log "preparing request lists"
$BENCH prepare --queries "$QUERIES" --base "$BASE" --out "$REQ" >"$WORK/prepare.json" || { cat "$WORK/prepare.json" >&2; exit 1; }
cat "$WORK/prepare.json" >&2
log "checking the first 5 requests of every list"
$BENCH check --base "$BASE" --key "$KEY" --dir "$REQ"
$BENCH cleanup --base "$BASE" --key "$KEY" # the check's S5 writes

CPU_PGDB=""; [ "$DB" = postgres ] && CPU_PGDB="$PGDB"
RESULTS="$WORK/results.jsonl"
: >"$RESULTS"
IFS=',' read -r -a SCENARIOS <<<"$SCENARIO_LIST"
for s in "${SCENARIOS[@]}"; do
  [ -f "$REQ/$s.req" ] || { echo "unknown scenario $s" >&2; exit 2; }
  mode="$($BENCH mode "$s")"
  loadavg="$(cut -d' ' -f1-3 /proc/loadavg)"
  log "$s: warm-up ${WARMUP} s"
  run_child wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout "${TIMEOUT}s" -s "$HERE/scenario.lua" "$BASE" \
    -- "$REQ/$s.req" "$THREADS" "$mode" "$STAMP-$s-w" "$KEY" >"$WORK/$s.warmup.out"
  curl -fsS "$BASE/_bench/stats" >"$WORK/$s.before.json"
  $BENCH cpu --pid "$SERVER_PID" --pgdb "$CPU_PGDB" >"$WORK/$s.cpu.before.json"
  log "$s: measuring ${DURATION} s"
  run_child wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout "${TIMEOUT}s" -s "$HERE/scenario.lua" "$BASE" \
    -- "$REQ/$s.req" "$THREADS" "$mode" "$STAMP-$s-m" "$KEY" >"$WORK/$s.out"
  $BENCH cpu --pid "$SERVER_PID" --pgdb "$CPU_PGDB" >"$WORK/$s.cpu.after.json"
  curl -fsS "$BASE/_bench/stats" >"$WORK/$s.after.json"
  $BENCH record --scenario "$s" --wrk "$WORK/$s.out" --before "$WORK/$s.before.json" --after "$WORK/$s.after.json" \
    --cpu-before "$WORK/$s.cpu.before.json" --cpu-after "$WORK/$s.cpu.after.json" --pid "$SERVER_PID" --loadavg "$loadavg" >>"$RESULTS"
  grep -E 'Requests/sec|Non-2xx|Socket errors' "$WORK/$s.out" >&2 || true
done

CLEANUP="not needed (S5 not run)"
if [[ ",$SCENARIO_LIST," == *",s5,"* ]]; then
  log "deleting the bench-% articles through the API"
  CLEANUP="$($BENCH cleanup --base "$BASE" --key "$KEY" 2>&1 | tail -n 1)"
  echo "$CLEANUP" >&2
fi

# ------------------------------------------------------------------ 8. report
OUT="$HERE/results/$(date -u +%Y-%m-%d-%H%M)-$DB-n$ARTICLES.md"
python3 - "$WORK/meta.json" <<EOF
import json, os, platform, sys
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem = next((int(l.split()[1]) // 1024 for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
meta = {
  "date": "$(date -u '+%Y-%m-%d %H:%M UTC')", "command": """$COMMAND""", "db": "$DB", "articles": $ARTICLES,
  "commit": "$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src 2>/dev/null || echo ' (src modified)')",
  "machine": f"{os.cpu_count()} vCPU ({cpu}), {mem} MB RAM, {platform.system()} {platform.release()}",
  "dotnet": "$(dotnet --version)", "dbVersion": """$DB_VERSION""",
  "corpusMb": round(os.path.getsize("$CORPUS") / 1e6), "importSeconds": float("${IMPORT_SECONDS:-0}") or None,
  "importRate": float("${IMPORT_RATE:-0}") or None, "importLine": """$IMPORT_LINE""",
  "wrk": """$(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2)""", "connections": $CONNECTIONS, "threads": $THREADS,
  "warmup": $WARMUP, "duration": $DURATION, "timeout": $TIMEOUT,
  "entitiesMissing": json.load(open("$WORK/prepare.json"))["entitiesMissing"], "cleanup": """$CLEANUP""",
}
json.dump(meta, open(sys.argv[1], "w"))
EOF
$BENCH report --results "$RESULTS" --meta "$WORK/meta.json" --out "$OUT"
