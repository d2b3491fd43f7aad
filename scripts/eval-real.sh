#!/usr/bin/env bash
# `make eval-real`: the normalizer on real pages (issue #10). Builds the release binary, materializes
# ../shared/realpages into .local/realpages (once), runs `articled parse` on the copied text and on the
# HTML, runs trafilatura 2.x (from PyPI, in a venv under .local/, installed once) on the same HTML as
# the peer, and prints dev and test scores side by side with the sentence-line baseline.
# Tune on dev only; test is reported as it falls (see ../shared/realpages/README.md).
#
#   REALPAGES=DIR   the corpus (default ../shared/realpages)
#   EVAL_REAL_SKIP_PEER=1   reuse the last trafilatura run instead of running it again
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
shared=${REALPAGES:-$root/../shared/realpages}
out=$root/.local/realpages
run=$root/.local/realpages-run
venv=$root/.local/eval-venv
[ -f "$shared/score.py" ] || { echo "eval-real: no corpus at $shared (set REALPAGES)" >&2; exit 2; }
mkdir -p "$run"

scripts/install-deps.sh >/dev/null
nice -n 10 swift build -c release --product articled
if [ ! -f "$out/manifest.json" ]; then
    nice -n 10 python3 "$shared/materialize.py" "$out.tmp"
    rm -rf "$out" && mv "$out.tmp" "$out"
fi

# articled exits 1 when it rejects some pages; those are the empty pages of the score.
parse() {
    find "$out/$1" -name "*.$2" -print0 | sort -z |
        nice -n 10 xargs -0 .build/release/articled parse >"$run/articled-$1.ndjson" 2>"$run/articled-$1.err" || true
}
parse text txt
parse html html

if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import trafilatura, numpy' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet 'trafilatura>=2,<3' lxml_html_clean numpy
fi
if [ -z "${EVAL_REAL_SKIP_PEER:-}" ] || [ ! -f "$run/trafilatura-html.ndjson" ]; then
    nice -n 10 "$venv/bin/python" scripts/realpages-trafilatura.py "$out" "$run/trafilatura-html.ndjson"
fi

echo "realpages, $(date -u +%Y-%m-%d), trafilatura $("$venv/bin/python" -c 'import trafilatura; print(trafilatura.__version__)')"
python3 scripts/realpages-table.py "$shared" "$out" "$run"
echo
echo "headlines against the gold titles (pages whose gold has one):"
python3 scripts/realpages-fields.py "$shared" "$out" "$run"
