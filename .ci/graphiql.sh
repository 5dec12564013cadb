#!/usr/bin/env bash
# The GraphQL IDE's committed bundle (src/NewsMeta.Api/GraphQL/Ui/assets) is what src/graphiql builds from its
# locked packages: installs them (npm ci), rebuilds, and fails when any file of the bundle changed, appeared or
# went missing. Fix a failure by running the same two commands in src/graphiql and committing the result.
# Ends with one line "graphiql: N passed, N failed". Needs node and npm; no .NET.
set -uo pipefail
cd "$(dirname "$0")/.."
bundle=src/NewsMeta.Api/GraphQL/Ui/assets

finish() { # PASSED FAILED
  echo "graphiql: $1 passed, $2 failed"
  [ "$2" -eq 0 ] && exit 0 || exit 1
}

echo "== graphiql: npm ci (src/graphiql/package-lock.json)"
(cd src/graphiql && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed"; finish 0 1; }

echo "== graphiql: build"
started=$(date +%s)
(cd src/graphiql && npm run --silent build) || { echo "the build failed"; finish 0 1; }
echo "built in $(( $(date +%s) - started )) s"

echo "== graphiql: the committed bundle is the build's output"
changes=$(git status --porcelain --untracked-files=all -- "$bundle")
if [ -n "$changes" ]; then
  echo "$changes"
  git --no-pager diff --stat -- "$bundle"
  echo "$bundle differs from what src/graphiql builds. Run 'npm ci && npm run build' in src/graphiql and commit $bundle."
  finish 0 1
fi
echo "$bundle matches the build ($(ls "$bundle" | wc -l) files)"
finish 1 0
