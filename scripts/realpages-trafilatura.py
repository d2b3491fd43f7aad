#!/usr/bin/env python3
"""Run trafilatura over the materialized realpages HTML and write NDJSON in the shape of `articled parse`.

  realpages-trafilatura.py OUTDIR NDJSON [--jobs N]

OUTDIR is what ../shared/realpages/materialize.py wrote. Each page's main text becomes one record
{"source_path": …, "title": …, "paragraphs": [line, …]}, so score.py scores the peer exactly as it scores
articled (the title, from trafilatura's metadata extraction, is for realpages-fields.py).
A page trafilatura returns nothing for gets no record and counts as empty output. Runs in the eval venv
(trafilatura 2.x from PyPI), which scripts/eval-real.sh creates.
"""
import argparse, json, os, sys
from concurrent.futures import ProcessPoolExecutor


def extract(path):
    import trafilatura
    with open(path, 'rb') as f:
        data = f.read()
    try:
        text = trafilatura.extract(data, include_comments=False)
    except Exception as e:  # one bad page must not stop the run; it counts as empty
        print(f'{path}: {e}', file=sys.stderr)
        text = None
    if not text:
        return None
    try:
        title = trafilatura.extract_metadata(data).title
    except Exception:  # the title is scored separately; a page whose metadata fails just has none
        title = None
    return {'source_path': path, 'title': title, 'paragraphs': [l for l in text.split('\n') if l.strip()]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('outdir')
    ap.add_argument('ndjson')
    ap.add_argument('--jobs', type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    with open(os.path.join(args.outdir, 'manifest.json'), encoding='utf-8') as f:
        manifest = json.load(f)
    paths = [os.path.join(args.outdir, 'html', key + '.html') for key in sorted(manifest)]
    paths = [p for p in paths if os.path.exists(p)]
    empty = 0
    with ProcessPoolExecutor(max_workers=args.jobs) as pool, open(args.ndjson, 'w', encoding='utf-8') as out:
        for record in pool.map(extract, paths, chunksize=16):
            if record is None:
                empty += 1
                continue
            out.write(json.dumps(record, ensure_ascii=False) + '\n')
    print(f'trafilatura: {len(paths)} pages, {empty} empty', file=sys.stderr)


if __name__ == '__main__':
    main()
