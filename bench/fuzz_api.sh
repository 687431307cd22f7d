#!/usr/bin/env bash
# Schemathesis against /openapi.json of a real server (embedded mode, keys required), in a
# temporary data folder: every generated request must get a documented, schema-valid answer.
#   bench/fuzz_api.sh [--max-examples N]     (default 100 per operation)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
make -C "$repo" --quiet .venv/.installed
"$repo/.venv/bin/python" -m pip install --quiet 'schemathesis>=4'
export FACTCHECK_DATA_DIR=$(mktemp -d) FACTCHECK_AUTH=required
port=${PORT:-8787}
token=$("$repo/.venv/bin/factcheck" keys create --name fuzz --scope admin 2>/dev/null)
"$repo/.venv/bin/factcheck" serve --port "$port" >"$FACTCHECK_DATA_DIR/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
"$repo/.venv/bin/schemathesis" run "http://127.0.0.1:$port/openapi.json" --checks all \
  --max-examples "${2:-100}" -H "Authorization: Bearer $token"
