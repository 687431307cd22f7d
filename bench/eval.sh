#!/usr/bin/env bash
# Accuracy on the public evaluation sets, with the installed `factcheck` command.
#   bench/eval.sh drafts [--show-errors N]   ingest the BBC corpus into a fresh store, check every
#                                            draft of drafts-dev, print score.py's table
#   bench/eval.sh quotes [--show-errors N]   extract quotes-dev/dev, print score_quotes.py's table
# The sets live in ../shared/eval next to the repository; output files stay in $OUT.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
eval_dir="$repo/../shared/eval"
[ -d "$eval_dir" ] || { echo "missing $eval_dir (the shared evaluation sets)" >&2; exit 2; }
make -C "$repo" --quiet .venv/.installed
export PATH="$repo/.venv/bin:$PATH"
exec bash "$eval_dir/run-dev.sh" "$@"
