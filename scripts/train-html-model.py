#!/usr/bin/env python3
"""Learn the HTML block model's weights from the realpages dev split and write them as Swift.

  scripts/train-html-model.py [--check] [--cv] [--corpus DIR] [--pages OUTDIR]

Reads every dev body page of the materialized corpus (OUTDIR, default .local/realpages, written by
scripts/eval-real.sh), asks the release `articled-eval --html-blocks` for every text block of each
page's body (so the features are exactly those the normalizer computes), labels each block by the gold
body (article text when at least half of its word 4-grams are in the gold; a block of 1-3 words when its
words occur in that order in the gold), and fits a logistic regression (L2, Newton's method:
deterministic, no seed) over the block's features and the class and id words of the block and its
ancestors. The words are a vocabulary learned here: those on at least MIN_PAGES dev pages, the
VOCABULARY most frequent of them. Each page weighs the same, and within a page each block by its share
of the page's words, as the score does.

Two thresholds are chosen on dev, one for the blocks inside the finder's roots and one for the rest,
as those that maximize the score's F1 (shingles per page, precision and recall as means over pages)
of the kept blocks. --cv prints that F1 in 5-fold cross-validation by page, and for the finder's roots
alone, and writes nothing.

Writes Sources/ArticleCore/Formats/HTMLBlockModel+Weights.swift; with --check, writes nothing and exits 1
when that file differs from what this run would write. Only dev pages are read: test stays for reporting.
Needs numpy (scripts/eval-real.sh installs it in .local/eval-venv).
"""
import argparse, json, os, re, subprocess, sys
from collections import Counter

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.path.join(ROOT, 'Sources/ArticleCore/Formats/HTMLBlockModel+Weights.swift')
TOKEN = re.compile(r'\w+')
L2 = 1.0
MIN_PAGES = 20
VOCABULARY = 400
GRID = [round(x, 2) for x in np.arange(0.05, 0.96, 0.05)]


def load_pages(corpus, outdir):
    """Gold bodies of the dev body pages, by page name (the corpus's fixed split.json decides dev)."""
    with open(os.path.join(corpus, 'split.json'), encoding='utf-8') as f:
        split = json.load(f)['pages']
    pages = {}
    for key, which in sorted(split.items()):
        if which != 'dev' or not os.path.exists(os.path.join(outdir, 'html', key + '.html')):
            continue
        source, page_id = key.split('__', 1)
        with open(os.path.join(corpus, 'pages', source, page_id + '.json'), encoding='utf-8') as f:
            gold = json.load(f)
        if 'body' in gold:
            pages[key] = gold['body']
    return pages


def dump(outdir, keys):
    exe = os.environ.get('ARTICLED_EVAL') or os.path.join(ROOT, '.build/release/articled-eval')
    if not os.path.exists(exe):
        sys.exit(f'train-html-model: {exe} is missing; run `swift build -c release --product articled-eval` first')
    rows, names = [], None
    for start in range(0, len(keys), 200):
        paths = [os.path.join(outdir, 'html', k + '.html') for k in keys[start:start + 200]]
        out = subprocess.run([exe, '--html-blocks'] + paths, check=True, capture_output=True).stdout
        lines = out.decode('utf-8').split('\n')
        names = lines[0].split('\t')[2].split(',')
        for line in lines[1:]:
            if line:
                page, _, values, tokens, text = line.split('\t', 4)
                rows.append((page, [float(x) for x in values.split(',')], tokens.split(), text))
    return names, rows


def shingles(tokens):
    return [tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3)]


class Data:
    """Blocks with labels, weights and what each contributes to its page's shingle score."""

    def __init__(self, names, rows, golds):
        self.names = names
        X, Y, W, page_of, tokens, inside, locked, barred = [], [], [], [], [], [], [], []
        hit, miss = [], []
        gold_shingles, self.gold_total = {}, {}
        prose = names.index('line_is_prose')
        in_roots, chrome = names.index('in_roots'), names.index('chrome')
        header, seen_roots = {}, {}
        for page, values, toks, text in rows:
            if page not in gold_shingles:
                g = TOKEN.findall(golds[page])
                gold_shingles[page] = (Counter(shingles(g)), ' ' + ' '.join(g) + ' ')
                self.gold_total[page] = max(len(g) - 3, 1)
                header[page] = True
                seen_roots[page] = False
            words = TOKEN.findall(text)
            if not words:
                continue
            counts, joined = gold_shingles[page]
            sh = shingles(words)
            if sh:
                h = sum(1 for s in sh if counts.get(s, 0) > 0)
                y = float(h * 2 >= len(sh))
                hit.append(h)
                miss.append(len(sh) - h)
            else:
                y = float(' ' + ' '.join(words) + ' ' in joined)
                hit.append(0)
                miss.append(0)
            structural = values[in_roots] > 0 and values[chrome] == 0
            # The text rules read the blocks of the roots before the first prose; the model leaves them.
            lock = False
            if structural and header[page]:
                if values[prose] > 0:
                    header[page] = False
                else:
                    lock = True
            # Above the roots only prose may join (a teaser headline there would pass for the headline).
            # Chrome blocks never join: the chrome rules have the last word on what they drop.
            if values[chrome] > 0 or (not seen_roots[page] and not structural and values[prose] == 0):
                lock_out = True
            else:
                lock_out = False
            seen_roots[page] = seen_roots[page] or structural
            X.append(values)
            Y.append(y)
            W.append(len(words))
            page_of.append(page)
            tokens.append(toks)
            inside.append(structural)
            locked.append(lock)
            barred.append(lock_out)
        self.X, self.Y = np.array(X), np.array(Y)
        self.tokens = tokens
        self.inside, self.locked, self.barred = np.array(inside), np.array(locked), np.array(barred)
        self.hit, self.miss = np.array(hit, dtype=float), np.array(miss, dtype=float)
        pages = sorted(set(page_of))
        self.pages = pages
        index = {p: i for i, p in enumerate(pages)}
        self.page = np.array([index[p] for p in page_of])
        page_words = np.bincount(self.page, weights=np.array(W, dtype=float))
        self.W = np.array(W, dtype=float) / page_words[self.page]
        self.gold = np.array([self.gold_total[p] for p in pages], dtype=float)

    def vocabulary(self, rows_mask):
        df = Counter()
        seen = set()
        for i in np.nonzero(rows_mask)[0]:
            for t in self.tokens[i]:
                key = (self.page[i], t)
                if key not in seen:
                    seen.add(key)
                    df[t] += 1
        vocab = [t for t, c in sorted(df.items(), key=lambda kv: (-kv[1], kv[0])) if c >= MIN_PAGES]
        return vocab[:VOCABULARY]

    def token_matrix(self, vocab):
        col = {t: j for j, t in enumerate(vocab)}
        T = np.zeros((len(self.tokens), len(vocab)))
        for i, toks in enumerate(self.tokens):
            for t in toks:
                j = col.get(t)
                if j is not None:
                    T[i, j] = 1.0
        return T

    def score(self, keep, pages_mask=None):
        """The score's F1 of the kept blocks: per page tp/fp/fn in shingles, means of P and R over pages."""
        n = len(self.pages)
        tp = np.bincount(self.page, weights=self.hit * keep, minlength=n)
        fp = np.bincount(self.page, weights=self.miss * keep, minlength=n)
        fn = np.maximum(self.gold - tp, 0)
        if pages_mask is None:
            pages_mask = np.ones(n, dtype=bool)
        out = tp + fp > 0
        precision = np.where(tp + fp > 0, tp / np.maximum(tp + fp, 1e-9), 0)
        recall = tp / np.maximum(tp + fn, 1e-9)
        p = precision[pages_mask & out].mean() if np.any(pages_mask & out) else 0
        r = recall[pages_mask].mean()
        return 2 * p * r / (p + r) if p + r else 0.0, p, r


def fit(X, y, w):
    mean = np.average(X, axis=0, weights=w)
    std = np.sqrt(np.average((X - mean) ** 2, axis=0, weights=w))
    std[std < 1e-9] = 1.0
    Z = np.hstack([np.ones((len(X), 1)), (X - mean) / std])
    beta = np.zeros(Z.shape[1])
    reg = np.full(Z.shape[1], L2)
    reg[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(Z @ beta)))
        grad = Z.T @ (w * (p - y)) + reg * beta
        hess = (Z * (w * p * (1 - p))[:, None]).T @ Z + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    weights = beta[1:] / std
    bias = beta[0] - float(np.sum(beta[1:] * mean / std))
    return bias, weights


def keep_mask(d, probs, t_in, t_out):
    return np.where(d.locked, True, np.where(d.barred, False, np.where(d.inside, probs >= t_in, probs >= t_out)))


def best_thresholds(d, probs, pages_mask):
    best = None
    for t_in in [0.0] + GRID:
        for t_out in GRID + [1.01]:
            f1 = d.score(keep_mask(d, probs, t_in, t_out), pages_mask)[0]
            if best is None or f1 > best[0] + 1e-12:
                best = (f1, t_in, t_out)
    return best


def train(d, rows_mask):
    vocab = d.vocabulary(rows_mask)
    T = d.token_matrix(vocab)
    X = np.hstack([d.X, T])
    bias, weights = fit(X[rows_mask], d.Y[rows_mask], d.W[rows_mask])
    probs = 1 / (1 + np.exp(-(X @ weights + bias)))
    return vocab, bias, weights, probs


def render(d, vocab, bias, weights, t_in, t_out):
    width = len(d.names)
    rows = '\n'.join(f'        {w: .6f},  // {n}' for n, w in zip(d.names, weights[:width]))
    tokens = sorted(zip(vocab, weights[width:]))
    words = '\n'.join(f'        "{t}": {w:.6f},' for t, w in tokens if abs(w) >= 5e-7)
    return (f'// Generated by scripts/train-html-model.py from the realpages dev split ({len(d.pages)} pages, '
            f'{len(d.Y)} blocks); do not edit.\n'
            '// Regenerate: scripts/train-html-model.py; verify: scripts/train-html-model.py --check\n\n'
            'extension HTMLBlockModel {\n'
            f'    static let bias: Double = {bias:.6f}\n'
            '    /// The least probability a block inside the finder\'s roots needs to stay, and one outside them.\n'
            f'    static let thresholdInRoots: Double = {t_in:.2f}\n'
            f'    static let thresholdOutside: Double = {t_out:.2f}\n'
            '    /// One weight per `HTMLBlockFeatures.names` entry, in that order.\n'
            f'    static let weights: [Double] = [\n{rows}\n    ]\n'
            '    /// Class and id words of the block and its ancestors, learned on dev, and their weights.\n'
            f'    static let tokenWeights: [String: Double] = [\n{words}\n    ]\n'
            '}\n')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--check', action='store_true')
    ap.add_argument('--cv', action='store_true')
    ap.add_argument('--corpus', default=os.path.join(ROOT, '..', 'shared', 'realpages'))
    ap.add_argument('--pages', default=os.path.join(ROOT, '.local', 'realpages'))
    a = ap.parse_args()
    golds = load_pages(a.corpus, a.pages)
    names, rows = dump(a.pages, sorted(golds))
    d = Data(names, rows, golds)
    n_pages = len(d.pages)
    roots_only = d.score(d.inside | d.locked)
    print(f'dev: {n_pages} pages, {len(d.Y)} blocks, {d.Y.mean():.3f} article text, '
          f'{d.inside.mean():.3f} in the roots; roots alone F1 {roots_only[0]:.3f} (P {roots_only[1]:.3f} '
          f'R {roots_only[2]:.3f}); all blocks {d.score(np.ones(len(d.Y)))[0]:.3f}', file=sys.stderr)
    if a.cv:
        fold_of_page = np.arange(n_pages) % 5
        probs = np.zeros(len(d.Y))
        for f in range(5):
            test_rows = fold_of_page[d.page] == f
            _, _, _, p = train(d, ~test_rows)
            probs[test_rows] = p[test_rows]
        for f in range(5):
            pass
        best = best_thresholds(d, probs, None)
        f1, p, r = d.score(keep_mask(d, probs, best[1], best[2]))
        print(f'5-fold cv: F1 {f1:.3f} (P {p:.3f} R {r:.3f}) at thresholds in {best[1]:.2f} out {best[2]:.2f}',
              file=sys.stderr)
        for t_in, t_out in [(0.0, best[2]), (best[1], 1.01)]:
            f1, p, r = d.score(keep_mask(d, probs, t_in, t_out))
            print(f'  thresholds in {t_in:.2f} out {t_out:.2f}: F1 {f1:.3f} (P {p:.3f} R {r:.3f})', file=sys.stderr)
        return
    vocab, bias, weights, probs = train(d, np.ones(len(d.Y), dtype=bool))
    best = best_thresholds(d, probs, None)
    f1, p, r = d.score(keep_mask(d, probs, best[1], best[2]))
    print(f'fitted on dev: F1 {f1:.3f} (P {p:.3f} R {r:.3f}) at thresholds in {best[1]:.2f} out {best[2]:.2f}, '
          f'{len(vocab)} class/id words', file=sys.stderr)
    text = render(d, vocab, bias, weights, best[1], best[2])
    if a.check:
        with open(TARGET, encoding='utf-8') as f:
            same = f.read() == text
        print('HTMLBlockModel+Weights.swift is ' + ('up to date' if same else 'out of date'), file=sys.stderr)
        sys.exit(0 if same else 1)
    with open(TARGET, 'w', encoding='utf-8') as f:
        f.write(text)


if __name__ == '__main__':
    main()
