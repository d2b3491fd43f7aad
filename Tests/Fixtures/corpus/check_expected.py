#!/usr/bin/env python3
"""Consistency check for the fixture corpus.

For every NAME.expected.json beside an input NAME.{txt,md,json,ndjson,jsonl,html,htm}:
  * the expected file is valid JSON of the documented shape;
  * title, kicker, dek, every paragraph and every caption text literally occur in the decoded input
    (Markdown: after stripping inline markup; JSON: inside the decoded `text`/`body` string; HTML: in the
    page text, i.e. scripts, styles and comments dropped, tags stripped, entities decoded);
  * every `boilerplate` entry is a whole line of the input (HTML: of the page text, where block elements
    and <br> end a line), and none of them leaks into the expected body
    (the same rule the scorer uses: lines of 5+ tokens by substring, shorter ones by whole-line equality);
  * no caption text is part of the expected body;
  * body length is 250-900 words (hostile/ articles: at least 100).

Usage: python3 check_expected.py [CORPUS_DIR]   (exit 1 when a check fails)
"""
import codecs
import html
import json
import os
import re
import sys

INPUT_EXTS = (".txt", ".md", ".json", ".ndjson", ".jsonl", ".html", ".htm")
ERROR_CODES = {"empty", "binary", "noArticle", "invalidJSON", "invalidFrontMatter", "wrongType",
               "unsupportedFormat", "tooLarge"}
TOKEN = re.compile(r"[^\W_]+", re.UNICODE)

CP1252 = {0x80: "€", 0x82: "‚", 0x83: "ƒ", 0x84: "„", 0x85: "…", 0x86: "†", 0x87: "‡", 0x88: "ˆ", 0x89: "‰",
          0x8A: "Š", 0x8B: "‹", 0x8C: "Œ", 0x8E: "Ž", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•",
          0x96: "–", 0x97: "—", 0x98: "˜", 0x99: "™", 0x9A: "š", 0x9B: "›", 0x9C: "œ", 0x9E: "ž", 0x9F: "Ÿ"}


def cp1252_char(b):
    return CP1252.get(b, chr(b))


def decode(data):
    """UTF-8 (BOM optional), UTF-16 with BOM, else UTF-8 with a per-byte Windows-1252 fallback."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith(b"\xff\xfe"):
        return data[2:].decode("utf-16-le")
    elif data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be")
    out, i = [], 0
    while i < len(data):
        try:
            out.append(data[i:].decode("utf-8"))
            break
        except UnicodeDecodeError as e:
            out.append(data[i:i + e.start].decode("utf-8"))
            out.append(cp1252_char(data[i + e.start]))
            i += e.start + 1
    return "".join(out).replace("\r\n", "\n").replace("\r", "\n")


META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
WEB_LATIN1 = {"iso-8859-1", "iso8859-1", "latin1", "l1", "ascii", "us-ascii", "cp819", "ibm819"}


def declared_codec(data):
    """The Python codec for the charset an HTML page declares in its first 1024 bytes (a BOM wins), or None
    for UTF-8, none, or one Python does not know. As on the web, Latin-1 and ASCII labels mean cp1252."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return None
    m = META_CHARSET.search(data[:1024])
    if not m:
        return None
    label = m.group(1).decode("ascii").lower()
    label = "cp1252" if label in WEB_LATIN1 else label
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return None if name == "utf-8" else name


def md_plain(text):
    """Markdown inline markup removed, as the expected paragraphs of .md fixtures are written."""
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])", r"\1", text)
    text = re.sub(r"`([^`]+)`", r"\1", text)
    text = re.sub(r"(?m)^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)", "", text)
    return text


HTML_DROP = re.compile(r"<!--.*?-->|<(script|style|noscript|template|svg)\b[^>]*>.*?</\1\s*>", re.S | re.I)
HTML_BLOCK = re.compile(r"</?(?:address|article|aside|blockquote|body|br|button|caption|dd|div|dl|dt|figcaption|"
                        r"figure|footer|form|h[1-6]|head|header|hr|html|label|li|main|nav|ol|option|p|section|"
                        r"select|table|tbody|td|textarea|tfoot|th|thead|title|tr|ul)\b[^>]*>", re.I)


def html_plain(text):
    """The page text of an HTML input: scripts, styles and comments dropped, block elements and <br> ending a
    line, other tags removed, entities decoded."""
    text = HTML_DROP.sub("", text)
    text = HTML_BLOCK.sub("\n", text)
    text = re.sub(r"<[^>]*>", "", text)
    return html.unescape(text)


def ws(s):
    return " ".join(s.split())


def tokens(s):
    return TOKEN.findall(s.lower())


def leaks(line, paragraphs):
    line = ws(line)
    if len(tokens(line)) >= 5:
        return any(line in ws(p) for p in paragraphs)
    return any(ws(l) == line for p in paragraphs for l in p.split("\n"))


class Checker:
    def __init__(self):
        self.errors = []
        self.articles = 0
        self.words = []

    def err(self, path, msg):
        self.errors.append(f"{path}: {msg}")

    def check_article(self, path, exp, haystack, lines, hostile, meta=""):
        self.articles += 1
        for key in ("title", "paragraphs", "captions", "boilerplate", "authors"):
            if key not in exp:
                self.err(path, f"missing field {key}")
                return
        hs = ws(haystack)
        for key in ("title", "kicker", "dek"):
            v = exp.get(key)
            if v is not None and ws(v) not in hs:
                self.err(path, f"{key} not found in input: {v[:60]!r}")
        for name in exp["authors"]:
            if ws(name).lower() not in (hs + " " + meta).lower():
                self.err(path, f"author not found in input: {name!r}")
        pa = exp.get("published_at")
        if pa is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", pa):
            self.err(path, f"published_at is not YYYY-MM-DD: {pa!r}")
        for p in exp["paragraphs"]:
            if ws(p) not in hs:
                self.err(path, f"paragraph not found in input: {p[:70]!r}")
        for c in exp["captions"]:
            if ws(c["text"]) not in hs:
                self.err(path, f"caption not found in input: {c['text'][:70]!r}")
            if any(ws(c["text"]) in ws(p) for p in exp["paragraphs"]):
                self.err(path, f"caption text is inside the expected body: {c['text'][:60]!r}")
        stripped = {ws(l) for l in lines}
        for b in exp["boilerplate"]:
            if ws(b) not in stripped:
                self.err(path, f"boilerplate entry is not a line of the input: {b[:70]!r}")
            if leaks(b, exp["paragraphs"]):
                self.err(path, f"boilerplate entry leaks into the expected body: {b[:70]!r}")
        for q in exp.get("quotes", []):
            if ws(q["text"]) not in ws(" ".join(exp["paragraphs"])):
                self.err(path, f"quote not in expected body: {q['text'][:60]!r}")
        n = sum(len(p.split()) for p in exp["paragraphs"])
        self.words.append(n)
        lo = 100 if hostile else 250
        if not lo <= n <= 900:
            self.err(path, f"body has {n} words (want {lo}-900)")

    def check_file(self, path, exp_path):
        try:
            exp = json.load(open(exp_path, encoding="utf-8"))
        except Exception as e:  # noqa: BLE001
            self.err(exp_path, f"invalid JSON: {e}")
            return
        data = open(path, "rb").read()
        hostile = "/hostile/" in path.replace(os.sep, "/")
        ext = os.path.splitext(path)[1]
        if isinstance(exp, dict) and "error" in exp:
            if exp["error"] not in ERROR_CODES:
                self.err(exp_path, f"unknown error code {exp['error']!r}")
            return
        if ext in (".ndjson", ".jsonl"):
            if not isinstance(exp, list):
                self.err(exp_path, "NDJSON expectation must be a JSON array")
                return
            text = decode(data)
            lines = [(i + 1, l) for i, l in enumerate(text.split("\n")) if l.strip()]
            if len(lines) != len(exp):
                self.err(exp_path, f"{len(exp)} expectations for {len(lines)} non-blank lines")
            for (lineno, line), e in zip(lines, exp):
                if "error_line" in e:
                    if e["error_line"] != lineno:
                        self.err(exp_path, f"error_line {e['error_line']} but the entry is for line {lineno}")
                    if "error" in e and e["error"] not in ERROR_CODES:
                        self.err(exp_path, f"unknown error code {e['error']!r}")
                    continue
                obj = json.loads(line)
                hay = obj.get("title", "") + "\n" + (obj.get("text") or obj.get("body") or "")
                self.check_article(f"{path}:{lineno}", e, hay, hay.split("\n"), hostile, meta=line)
            return
        if not isinstance(exp, dict):
            self.err(exp_path, "expected an object")
            return
        codec = declared_codec(data) if ext in (".html", ".htm") else None
        text = data.decode(codec, errors="replace").replace("\r\n", "\n").replace("\r", "\n") if codec else decode(data)
        if ext == ".json":
            obj = json.loads(text)
            hay = str(obj.get("title", "")) + "\n" + (obj.get("text") or obj.get("body") or "")
            self.check_article(path, exp, hay, hay.split("\n"), hostile, meta=text)
        elif ext in (".html", ".htm"):
            plain = html_plain(text)
            self.check_article(path, exp, plain, plain.split("\n"), hostile, meta=text)
        elif ext == ".md":
            self.check_article(path, exp, md_plain(text), md_plain(text).split("\n") + text.split("\n"), hostile, meta=text)
        else:
            self.check_article(path, exp, text, text.split("\n"), hostile)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    c = Checker()
    files = 0
    by_ext = {}
    for dirpath, _, names in sorted(os.walk(root)):
        for n in sorted(names):
            if not n.endswith(INPUT_EXTS) or n.endswith(".expected.json"):
                continue
            stem = os.path.join(dirpath, os.path.splitext(n)[0])
            exp_path = stem + ".expected.json"
            if not os.path.exists(exp_path):
                continue
            files += 1
            by_ext[os.path.splitext(n)[1]] = by_ext.get(os.path.splitext(n)[1], 0) + 1
            c.check_file(os.path.join(dirpath, n), exp_path)
    for e in c.errors:
        print(e)
    words = sorted(c.words)
    print(f"{files} inputs {by_ext}, {c.articles} expected articles, words min/median/max "
          f"{words[0] if words else 0}/{words[len(words)//2] if words else 0}/{words[-1] if words else 0}, "
          f"{len(c.errors)} problems")
    sys.exit(1 if c.errors else 0)


if __name__ == "__main__":
    main()
