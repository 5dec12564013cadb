#!/usr/bin/env bash
# The README's two commands on a machine that never restored this project: a fresh clone of the committed tree,
# built with an empty NuGet package cache (NUGET_PACKAGES points at a new folder, so nothing restored before can
# hide a missing step), then the run command's first start, which must serve the sample data and log no warning.
# Usage: .ci/fresh-machine.sh   (the run command listens where the README says: http://localhost:5080)
set -uo pipefail
cd "$(dirname "$0")/.."
port=5080
work=$(mktemp -d)
server=""
finish() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; fi
  rm -rf "$work"
}
trap finish EXIT

git clone --quiet . "$work/clone" || exit 1
export NUGET_PACKAGES="$work/packages"
cd "$work/clone"

echo "-- dotnet build Api.sln with an empty package cache ($NUGET_PACKAGES)"
dotnet build Api.sln --nologo -v quiet > "$work/build.log" 2>&1 || { tail -40 "$work/build.log"; echo "fresh build failed"; exit 1; }
echo "built; $(find "$NUGET_PACKAGES" -maxdepth 1 -mindepth 1 | wc -l) packages restored into the empty cache"

echo "-- dotnet run --project src/NewsMeta.Api (first start on a new SQLite file)"
if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
  echo "port $port is already in use: the run command's check needs it"; exit 1
fi
dotnet run --no-build --project src/NewsMeta.Api > "$work/run.log" 2>&1 &
server=$!
served=""
for _ in $(seq 1 120); do
  if body=$(curl -fsS "http://localhost:$port/api/v1/articles?limit=1" 2>/dev/null) && [[ "$body" == *'"items":[{'* ]]; then
    served=yes
    break
  fi
  kill -0 "$server" 2>/dev/null || break
  sleep 1
done
kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; server=""
if [ -z "$served" ]; then
  tail -40 "$work/run.log"; echo "the run command did not serve the sample data"; exit 1
fi
echo "the run command served the sample data"
# A newcomer's first start is quiet: no warning or error in its log.
if grep -nE '^(warn|fail|crit):' "$work/run.log"; then
  echo "the first start logged the warnings above"; exit 1
fi
echo "the first start logged no warning"
