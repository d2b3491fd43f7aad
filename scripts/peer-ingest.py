#!/usr/bin/env python3
"""The obvious alternative to articled, as a competent user would write it: the peer `make bench` races.

Watches an inbox with watchdog; for each article file takes the first non-empty line as the title and
the rest as the body, INSERTs one row into its own table with psycopg 3, COMMITs, and only then moves
the file to a done folder. Files already in the inbox at start are drained first (in name order),
then new ones are taken as they are closed after writing or renamed in. Temporary names (leading dot,
.tmp, .part, .partial, .crdownload, trailing ~) are left alone until renamed.

    peer-ingest.py --inbox DIR --done DIR --database "host=... dbname=..."

It prints "peer running" on stderr once connected, its table made and the watch started; SIGTERM or
Ctrl-C stops it after the file in hand. Needs `pip install "psycopg[binary]" watchdog`.
"""

import argparse
import os
import queue
import shutil
import signal
import sys

import psycopg
from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

TEMPORARY_SUFFIXES = (".tmp", ".part", ".partial", ".crdownload", "~")

CREATE_TABLE = """
CREATE TABLE IF NOT EXISTS peer_articles (
    id          bigserial PRIMARY KEY,
    file_name   text NOT NULL,
    title       text NOT NULL,
    body        text NOT NULL,
    ingested_at timestamptz NOT NULL DEFAULT now()
)
"""

INSERT = "INSERT INTO peer_articles (file_name, title, body) VALUES (%s, %s, %s)"


def is_article(path):
    name = os.path.basename(path)
    return not name.startswith(".") and not name.endswith(TEMPORARY_SUFFIXES)


def split_article(text):
    """First non-empty line is the title; everything after it, trimmed, is the body."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if line.strip():
            return line.strip(), "\n".join(lines[index + 1:]).strip()
    return "", ""


class InboxHandler(FileSystemEventHandler):
    """Queues each file that is complete: closed after writing, or renamed into the inbox."""

    def __init__(self, pending, done):
        self.pending = pending
        self.done = done + os.sep  # may lie inside the inbox: its files are not new ones

    def want(self, path):
        return is_article(path) and not path.startswith(self.done)

    def on_closed(self, event):
        if not event.is_directory and self.want(event.src_path):
            self.pending.put(event.src_path)

    def on_moved(self, event):
        if not event.is_directory and self.want(event.dest_path):
            self.pending.put(event.dest_path)


def ingest(conn, path, inbox, done):
    try:
        with open(path, "rb") as f:
            text = f.read().decode("utf-8", errors="replace")
    except FileNotFoundError:
        return  # queued twice (backlog scan and an event): already done
    title, body = split_article(text)
    name = os.path.relpath(path, inbox)
    with conn.cursor() as cur:
        cur.execute(INSERT, (name, title, body))
    conn.commit()
    target = os.path.join(done, name)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    shutil.move(path, target)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inbox", required=True)
    parser.add_argument("--done", required=True)
    parser.add_argument("--database", required=True, help="libpq connection string")
    args = parser.parse_args()
    inbox = os.path.abspath(args.inbox)
    done = os.path.abspath(args.done)
    os.makedirs(inbox, exist_ok=True)
    os.makedirs(done, exist_ok=True)

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))

    conn = psycopg.connect(args.database)
    conn.execute(CREATE_TABLE)
    conn.commit()

    pending = queue.Queue()
    observer = Observer()
    handler = InboxHandler(pending, done)
    observer.schedule(handler, inbox, recursive=True)
    observer.start()
    print("peer running", file=sys.stderr, flush=True)

    # The watch is on before the scan, so a file arriving in between is seen by one or the other.
    backlog = []
    for root, _, names in os.walk(inbox):
        backlog.extend(p for p in (os.path.join(root, n) for n in names) if handler.want(p))
    try:
        for path in sorted(backlog):
            ingest(conn, path, inbox, done)
        while True:
            ingest(conn, pending.get(), inbox, done)
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        conn.close()


if __name__ == "__main__":
    main()
