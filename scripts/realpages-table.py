#!/usr/bin/env python3
"""Score every system on the realpages corpus per split and print one table.

  realpages-table.py SHARED OUTDIR RUNDIR

SHARED is ../shared/realpages (score.py lives there), OUTDIR what materialize.py wrote, RUNDIR holds
articled-text.ndjson, articled-html.ndjson and trafilatura-html.ndjson. score.py does all the scoring;
this only runs it for each split × system and lays the totals side by side. The sentence-line baseline
reads the copied text, so it is the same reference for both renderings. Per-system reports are left in
RUNDIR/<split>-<system>.json (and .txt) for `--worst`-style digging on dev.
"""
import json, os, subprocess, sys

SYSTEMS = [  # (rendering, system, ndjson or None for the baseline)
    ('text', 'articled', 'articled-text.ndjson'),
    ('text', 'sentence baseline', None),
    ('html', 'articled', 'articled-html.ndjson'),
    ('html', 'trafilatura', 'trafilatura-html.ndjson'),
]


def score(shared, outdir, rundir, split, system, ndjson):
    slug = f'{split}-{system.split()[0]}-{ndjson.split("-")[1].split(".")[0] if ndjson else "text"}'
    report = os.path.join(rundir, slug + '.json')
    cmd = [sys.executable, os.path.join(shared, 'score.py')]
    cmd += [os.path.join(rundir, ndjson), outdir] if ndjson else ['--baseline-sentences', outdir]
    cmd += ['--split', split, '--json', report]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    with open(os.path.join(rundir, slug + '.txt'), 'w', encoding='utf-8') as f:
        f.write(out)
    with open(report, encoding='utf-8') as f:
        return json.load(f)['totals']


def main():
    shared, outdir, rundir = sys.argv[1:4]
    rows = []
    for split in ('dev', 'test'):
        for rendering, system, ndjson in SYSTEMS:
            t = score(shared, outdir, rundir, split, system, ndjson)
            a, s = t['all'], t.get('snippets', {})
            rows.append((split, rendering, system, a['f1'], a['precision'], a['recall'], a['empty'], a['pages'],
                         s.get('score', 0.0), s.get('empty', 0), s.get('pages', 0)))
    print(f'{"split":<5} {"input":<5} {"system":<18} {"body F1":>7} {"P":>6} {"R":>6} {"empty":>9} '
          f'{"snippets":>8} {"empty":>8}')
    for split, rendering, system, f1, p, r, empty, pages, snip, sempty, spages in rows:
        print(f'{split:<5} {rendering:<5} {system:<18} {f1:>7.3f} {p:>6.3f} {r:>6.3f} {f"{empty}/{pages}":>9} '
              f'{snip:>8.3f} {f"{sempty}/{spages}":>8}')


if __name__ == '__main__':
    main()
