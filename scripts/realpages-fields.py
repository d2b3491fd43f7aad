#!/usr/bin/env python3
"""Score the headline each system gives against the realpages gold titles, per split.

  realpages-fields.py SHARED OUTDIR RUNDIR

Most realpages gold files carry the page's headline (`title`); the body metric never looks at it, so a
reader that takes a section name, a site name or the first paragraph for the headline scores as well
as one that gets it right. This prints, per split and system, over the pages whose gold has a title:
  exact     the title equals the gold once case, whitespace, quotes and end punctuation are set aside;
  overlap   token F1 of the title against the gold title (mean over pages; no title scores 0);
  missing   pages with no title at all (a rejected page counts here).
RUNDIR holds articled-text.ndjson, articled-html.ndjson and trafilatura-html.ndjson as written by
scripts/eval-real.sh; trafilatura's title is the one its metadata extraction finds.
"""
import json, os, re, sys
from collections import Counter

TOKEN = re.compile(r'\w+')
SYSTEMS = [('text', 'articled', 'articled-text.ndjson'), ('html', 'articled', 'articled-html.ndjson'),
           ('html', 'trafilatura', 'trafilatura-html.ndjson')]


def normalized(title):
    return ' '.join(TOKEN.findall(title.casefold()))


def token_f1(predicted, gold):
    p, g = Counter(TOKEN.findall(predicted.casefold())), Counter(TOKEN.findall(gold.casefold()))
    common = sum((p & g).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def titles(path):
    found = {}
    if not os.path.exists(path):
        return None
    with open(path, encoding='utf-8') as f:
        for line in f:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            key = os.path.splitext(os.path.basename(record.get('source_path', '')))[0]
            if key not in found and record.get('title'):
                found[key] = record['title']
    return found


def main():
    shared, outdir, rundir = sys.argv[1:4]
    with open(os.path.join(shared, 'split.json'), encoding='utf-8') as f:
        split = json.load(f)['pages']
    gold = {}
    for key in split:
        source, page_id = key.split('__', 1)
        with open(os.path.join(shared, 'pages', source, page_id + '.json'), encoding='utf-8') as f:
            title = json.load(f).get('title')
        if title and normalized(title):
            gold[key] = title
    print(f'{"split":<5} {"input":<5} {"system":<12} {"pages":>6} {"exact":>6} {"overlap":>8} {"missing":>8}')
    for which in ('dev', 'test'):
        keys = [k for k in sorted(gold) if split[k] == which]
        for rendering, system, name in SYSTEMS:
            predicted = titles(os.path.join(rundir, name))
            if predicted is None:
                continue
            exact = sum(normalized(predicted.get(k, '')) == normalized(gold[k]) for k in keys)
            overlap = sum(token_f1(predicted.get(k, ''), gold[k]) for k in keys) / max(1, len(keys))
            missing = sum(k not in predicted for k in keys)
            print(f'{which:<5} {rendering:<5} {system:<12} {len(keys):>6} {exact / max(1, len(keys)):>6.3f} '
                  f'{overlap:>8.3f} {missing:>8}')


if __name__ == '__main__':
    main()
