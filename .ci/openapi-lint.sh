#!/usr/bin/env bash
# Lints the REST OpenAPI document with Redocly CLI (pinned in .ci/package.json / package-lock.json): Redocly's
# recommended rules plus example validation (.ci/redocly.yaml), with the one contract-fixed exception in
# .ci/.redocly.lint-ignore.yaml. Passes only with 0 errors and 0 warnings.
# Usage: .ci/openapi-lint.sh [PUBLISH_DIR]
#   with PUBLISH_DIR: prints the document with `dotnet PUBLISH_DIR/NewsMeta.Api.dll openapi`;
#   without:          builds the API, then `dotnet run --project src/NewsMeta.Api --no-build -- openapi`.
# Ends with "openapi-lint: N errors, N warnings, N ignored"; exits non-zero when either count is not 0.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -x .ci/node_modules/.bin/redocly ]; then
  (cd .ci && npm ci --no-audit --no-fund --loglevel=error) || { echo "openapi-lint: npm ci failed"; exit 1; }
fi

# The document, printed without a database or server (logs go to stderr), where the ignore file expects it.
if [ -n "${1:-}" ]; then
  publish_dir=$(cd "$1" && pwd) || exit 1
  (cd "$work" && dotnet "$publish_dir/NewsMeta.Api.dll" openapi > openapi.json 2> openapi.log)
else
  # Built first, so that no build output can reach the document on stdout.
  dotnet build src/NewsMeta.Api --nologo -v quiet > "$work/openapi.log" 2>&1 \
    && dotnet run --project src/NewsMeta.Api --no-build --no-launch-profile -- openapi > "$work/openapi.json" 2>> "$work/openapi.log"
fi || { tail -30 "$work/openapi.log"; echo "openapi-lint: could not print the document"; exit 1; }
cp .ci/redocly.yaml .ci/.redocly.lint-ignore.yaml "$work/"

# No telemetry and no update check: CI reaches only the package registries.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
cd "$work"
"$root/.ci/node_modules/.bin/redocly" lint openapi.json --config redocly.yaml 2>&1 | grep -v -e '^\s*$' > lint.log
cat lint.log
"$root/.ci/node_modules/.bin/redocly" lint openapi.json --config redocly.yaml --format json > lint.json 2> /dev/null
node -e '
  const totals = JSON.parse(require("fs").readFileSync("lint.json", "utf8")).totals;
  console.log(`openapi-lint: ${totals.errors} errors, ${totals.warnings} warnings, ${totals.ignored} ignored`);
  process.exit(totals.errors === 0 && totals.warnings === 0 ? 0 : 1);
'
