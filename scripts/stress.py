#!/usr/bin/env python3
"""Stress runs of the release articled binary against a throwaway PostgreSQL (default durability).

  scripts/stress.py soak      `make soak`: SIGKILLs at random moments during a backlog drain, then PostgreSQL
                              restarts (fast and immediate) during another, each followed by a clean run to
                              the end and the accounting: 0 lost, 0 doubled, 0 rejected, all in processed/.
  scripts/stress.py backlog   `make bench-million`: a huge backlog, time to first commit, peak RSS over the
                              whole drain (sampled from /proc), drain rate at start, middle and end.

Parameters (environment): SOAK_FILES (100000), SOAK_KILLS (100), SOAK_PG_RESTARTS (10), SOAK_SEED (1),
SOAK_DEADLINE_S (3600, per clean run to the end); BACKLOG_FILES (1000000), BACKLOG_MAX_S (1800: the drain
is cut there and how far it got is reported). STRESS_SKIP_BUILD=1 reuses .build/release.

A checking script may use psql; the product never does.
"""
import calendar
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED_TEXT = open(os.path.join(ROOT, "seeds", "000_089d7966a894fe03.txt"), encoding="utf-8").read()
SEED_PARAGRAPHS = SEED_TEXT.split("\n\n")
# The seed page's frame: its captions and the donation ask after the body stay, so the normalizer does a real
# page's work; the headline and body are generated.
SEED_CAPTIONS = [p for p in SEED_PARAGRAPHS if "(AP Photo" in p]
SEED_TAIL = SEED_PARAGRAPHS[next(i for i, p in enumerate(SEED_PARAGRAPHS) if p.startswith("You\u2019re a dedicated")):]
NAMES = ("Olena Kovalenko", "Yael Shapiro", "Tomasz Nowak", "Ines Ferreira", "Jonas Lindqvist", "Leila Haddad",
         "Pavlo Bondarenko", "Noa Mizrahi", "Lukas Schneider", "Marco Rossi", "Hanna Melnyk", "Oren Katz")
CITIES = ("Kharkiv", "Lviv", "Odesa", "Dnipro", "Haifa", "Beersheba", "Ashdod", "Rzeszow", "Chisinau", "Vilnius",
          "Poltava", "Mykolaiv", "Sumy", "Netanya", "Eilat", "Tallinn", "Riga", "Iasi", "Vinnytsia", "Kherson")
ORGS = ("Civil Defense Directorate", "Regional Relief Council", "Northern Aid Consortium", "Municipal Logistics Office",
        "Border Supply Authority", "Coastal Rescue Federation", "Mountain Clinics Network", "Harbor Workers Union")
NOUNS = ("generators", "helmets", "water filters", "field stoves", "medical kits", "blankets", "solar lamps",
         "stretchers", "radios", "tents", "fuel canisters", "winter coats")
VERBS = ("said", "told reporters", "confirmed", "warned", "estimated", "noted", "reported", "predicted", "added")
MOVES = ("had reached", "were held back at", "were shipped to", "left the depot for", "arrived in", "were counted at")
PLACES = ("hospital", "school", "rail yard", "clinic", "warehouse", "shelter", "power station", "market", "library")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October")


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def sentence(rng):
    pick = rng.choice
    number = f"{rng.randint(12, 98000):,}"
    clause = rng.choice((
        lambda: f"{number} {pick(NOUNS)} {pick(MOVES)} {pick(CITIES)}",
        lambda: f"the {pick(PLACES)} in {pick(CITIES)} needed {number} more {pick(NOUNS)}",
        lambda: f"{number} families in {pick(CITIES)} had asked for {pick(NOUNS)} since {pick(MONTHS)}",
    ))()
    return f"{pick(NAMES)} of the {pick(ORGS)} {pick(VERBS)} on day {rng.randint(1, 28)} that {clause}."


# Bodies are drawn from a pool of generated sentences: two files share a sentence rarely, and a shared sentence is a
# few percent of their shingles, far below what makes a near-duplicate candidate. Drawing is what keeps a million
# files quick to write.
SENTENCES = []


def article(n, rng):
    """A copied page whose headline and body are generated (n is in it, so it is unique): bodies share almost no
    word 5-shingles, so they are unrelated stories as in a real feed, not one giant near-duplicate cluster."""
    if not SENTENCES:
        pool_rng = random.Random(12)
        SENTENCES.extend(sentence(pool_rng) for _ in range(200_000))
    pick = rng.choice
    headline = f"{pick(CITIES)} receives {rng.randint(120, 9800):,} {pick(NOUNS)} from the {pick(ORGS)}"
    drawn = rng.choices(SENTENCES, k=18)
    body = [f"Consignment KX-{n:07d} carried {rng.randint(40, 60000):,} {pick(NOUNS)} to {pick(CITIES)}, "
            f"{pick(NAMES)} {pick(VERBS)}."] + [" ".join(drawn[i:i + 3]) for i in range(0, len(drawn), 3)]
    for caption in SEED_CAPTIONS:
        body.insert(rng.randint(1, len(body)), caption)
    return "\n\n".join([headline] + body + SEED_TAIL) + "\n"


class Cluster:
    """A socket-only cluster in a private /tmp folder, as scripts/bench.sh starts it."""

    def __init__(self):
        self.pgbin = os.environ.get("PGBIN") or sorted(
            os.path.join("/usr/lib/postgresql", v, "bin") for v in os.listdir("/usr/lib/postgresql"))[-1]
        self.dir = tempfile.mkdtemp(prefix="articled-stress-pg.", dir="/tmp")
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
        if os.getuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self.data = os.path.join(self.dir, "data")
        self.conninfo = f"host={self.dir} port=5432 user=postgres dbname=postgres"

    def ctl(self, *args):
        subprocess.run(self.as_user + [f"{self.pgbin}/pg_ctl", "-D", self.data, *args], check=True,
                       cwd="/", stdout=subprocess.DEVNULL)

    def start(self):
        if not os.path.exists(os.path.join(self.data, "PG_VERSION")):
            subprocess.run(self.as_user + [f"{self.pgbin}/initdb", "-D", self.data, "-U", "postgres", "-A", "trust",
                                           "-E", "UTF8", "--locale=C.UTF-8"], check=True, cwd="/",
                           stdout=subprocess.DEVNULL)
        self.ctl("-l", os.path.join(self.dir, "server.log"), "-w", "-t", "60",
                 "-o", f"-k {self.dir} -p 5432 -c listen_addresses=''", "start")

    def restart(self, mode):
        self.ctl("-m", mode, "-w", "-t", "60", "restart")

    def destroy(self):
        try:
            self.ctl("-m", "fast", "-w", "-t", "60", "stop")
        except Exception:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)

    def sql(self, query):
        out = subprocess.run(["psql", "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-d", self.conninfo,
                              "-c", query], check=True, capture_output=True, text=True).stdout
        return out.strip()


class Daemon:
    def __init__(self, binary, work, conninfo):
        self.binary, self.work, self.conninfo = binary, work, conninfo
        self.inbox = os.path.join(work, "inbox")
        self.processed = os.path.join(work, "processed")
        self.rejected = os.path.join(work, "rejected")
        self.log_path = os.path.join(work, "daemon.log")
        self.proc = None
        for d in (self.inbox, self.processed, self.rejected):
            os.makedirs(d, exist_ok=True)

    def start(self):
        env = dict(os.environ, ARTICLED_DATABASE_RECONNECT_MAX_S="1")
        logf = open(self.log_path, "a")
        self.proc = subprocess.Popen([self.binary, "run", "--inbox", self.inbox, "--database", self.conninfo],
                                     stdout=logf, stderr=subprocess.STDOUT, env=env, cwd=self.work)
        logf.close()

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=120)

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def rss_kb(self):
        try:
            with open(f"/proc/{self.proc.pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return 0


def count_files(folder):
    n = 0
    for _, _, files in os.walk(folder):
        n += len(files)
    return n


def build():
    # A fresh machine may lack PostgreSQL, psql or the C libraries the build links.
    subprocess.run([os.path.join(ROOT, "scripts", "install-deps.sh")], check=True, cwd=ROOT)
    if os.environ.get("STRESS_SKIP_BUILD") != "1":
        log("building release articled")
        subprocess.run(["nice", "-n", "10", "swift", "build", "-c", "release", "--product", "articled"],
                       check=True, cwd=ROOT)
    bin_path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], check=True, cwd=ROOT,
                              capture_output=True, text=True).stdout.strip()
    return os.path.join(bin_path, "articled")


def generate(inbox, n, start=0):
    t0 = time.monotonic()
    rng = random.Random(start)
    for i in range(start, start + n):
        with open(os.path.join(inbox, f"s{i:07d}.txt"), "w", encoding="utf-8") as f:
            f.write(article(i, rng))
    log(f"generated {n} files in {time.monotonic() - t0:.1f} s")


def wait_drained(daemon, files, deadline_s):
    """Polls until every file is in processed/ (or the deadline passes); the daemon must stay up."""
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if not daemon.alive():
            raise SystemExit(f"stress: the daemon exited ({daemon.proc.returncode}); see {daemon.log_path}")
        if count_files(daemon.processed) >= files and count_files(daemon.inbox) == 0:
            return True
        time.sleep(1)
    return False


def account(cluster, daemon, files, label):
    """The accounting the issue asks for; returns the failures (empty when every promise held)."""
    rows = int(cluster.sql("SELECT count(*) FROM articled.article_files"))
    doubled = int(cluster.sql("SELECT count(*) FROM (SELECT file_name FROM articled.article_files"
                              " GROUP BY file_name HAVING count(*) > 1) d"))
    rejected_rows = int(cluster.sql("SELECT count(*) FROM articled.article_files WHERE status = 'rejected'"))
    articles = int(cluster.sql("SELECT count(*) FROM articled.articles"))
    processed, inbox, rejected = count_files(daemon.processed), count_files(daemon.inbox), count_files(daemon.rejected)
    lost = files - processed - inbox - rejected
    log(f"{label}: files {files}, processed/ {processed}, inbox {inbox}, rejected/ {rejected}, lost {lost}; "
        f"article_files rows {rows}, doubled {doubled}, rejected rows {rejected_rows}, articles {articles}")
    failures = []
    if lost: failures.append(f"{lost} files lost")
    if doubled: failures.append(f"{doubled} files with more than one row")
    if rejected or rejected_rows: failures.append(f"{rejected} files / {rejected_rows} rows rejected")
    if processed != files or inbox: failures.append(f"{inbox} files left in the inbox, {processed} in processed/")
    if rows != files: failures.append(f"{rows} article_files rows for {files} files")
    if articles != files: failures.append(f"{articles} articles for {files} distinct bodies")
    return failures


def soak(binary):
    files = int(os.environ.get("SOAK_FILES", "100000"))
    kills = int(os.environ.get("SOAK_KILLS", "100"))
    restarts = int(os.environ.get("SOAK_PG_RESTARTS", "10"))
    deadline = float(os.environ.get("SOAK_DEADLINE_S", "3600"))
    rng = random.Random(int(os.environ.get("SOAK_SEED", "1")))
    failures = []
    for phase in ("kills", "pg-restarts"):
        if (phase == "kills" and kills == 0) or (phase == "pg-restarts" and restarts == 0):
            continue
        cluster = Cluster()
        work = tempfile.mkdtemp(prefix=f"articled-soak-{phase}.", dir="/tmp")
        try:
            cluster.start()
            daemon = Daemon(binary, work, cluster.conninfo)
            generate(daemon.inbox, files)
            t0 = time.monotonic()
            daemon.start()
            if phase == "kills":
                # Random moments spread over the drain: mostly mid-batch, some during start-up and migration.
                mid_drain = 0
                for k in range(kills):
                    time.sleep(rng.uniform(0.05, 3.0))
                    if count_files(daemon.inbox) > 0:
                        mid_drain += 1
                    daemon.kill()
                    daemon.start()
                    if (k + 1) % 10 == 0:
                        log(f"{k + 1} kills; processed/ {count_files(daemon.processed)} of {files}")
                log(f"{mid_drain} of {kills} kills landed while files were still waiting in the inbox")
                if mid_drain < kills:
                    failures.append(f"kills: only {mid_drain} of {kills} kills landed during the drain; raise SOAK_FILES")
            else:
                for k in range(restarts):
                    time.sleep(rng.uniform(1.0, 6.0))
                    mode = "fast" if k % 2 == 0 else "immediate"
                    cluster.restart(mode)
                    log(f"PostgreSQL restart {k + 1} (-m {mode}); processed/ {count_files(daemon.processed)} of {files}")
            log(f"{phase}: done in {time.monotonic() - t0:.0f} s; now a clean run to the end")
            drained = wait_drained(daemon, files, deadline)
            status = daemon.stop()
            log(f"{phase}: drained={drained} in {time.monotonic() - t0:.0f} s, daemon exit {status}")
            failures += [f"{phase}: {f}" for f in account(cluster, daemon, files, phase)]
            if status != 0:
                failures.append(f"{phase}: daemon exit status {status}")
        finally:
            if 'daemon' in locals() and daemon.alive():
                daemon.stop()
            cluster.destroy()
            shutil.rmtree(work, ignore_errors=True)
    if failures:
        log("SOAK FAILED: " + "; ".join(failures))
        return 1
    log(f"soak passed: {files} files, {kills} kills, {restarts} PostgreSQL restarts; nothing lost, doubled or rejected")
    return 0


def backlog(binary):
    files = int(os.environ.get("BACKLOG_FILES", "1000000"))
    max_s = float(os.environ.get("BACKLOG_MAX_S", "1800"))
    cluster = Cluster()
    work = tempfile.mkdtemp(prefix="articled-backlog.", dir="/tmp")
    daemon = None
    try:
        cluster.start()
        daemon = Daemon(binary, work, cluster.conninfo)
        generate(daemon.inbox, files)
        t0 = time.monotonic()
        wall0 = time.time()
        daemon.start()
        first_commit = None
        peak = 0
        samples = []  # (seconds, processed, rss MB)
        last_sample = -10.0
        while time.monotonic() - t0 < max_s:
            now = time.monotonic() - t0
            peak = max(peak, daemon.rss_kb())
            if first_commit is None:
                try:
                    if int(cluster.sql("SELECT count(*) FROM articled.article_files")) > 0:
                        first_commit = now
                        log(f"first commit after {first_commit:.2f} s")
                except subprocess.CalledProcessError:
                    pass  # the schema is not there yet
                time.sleep(0.05)
                continue
            if now - last_sample >= 10:
                done = count_files(daemon.processed)
                samples.append((now, done, daemon.rss_kb() / 1024))
                log(f"{now:6.0f} s  processed {done:8d}  rss {samples[-1][2]:.0f} MB  peak {peak / 1024:.0f} MB")
                last_sample = now
                if done >= files:
                    break
            time.sleep(0.2)
        daemon.stop()
        done = count_files(daemon.processed)
        elapsed = time.monotonic() - t0
        print(f"backlog: {files} files; time to first commit {first_commit if first_commit is None else round(first_commit, 2)} s;"
              f" {done} drained in {elapsed:.0f} s ({'complete' if done >= files else 'cut'});"
              f" peak RSS {peak / 1024:.0f} MB")
        if len(samples) >= 3:
            def rate(a, b):
                return (b[1] - a[1]) / (b[0] - a[0])
            # Over each third of the run: one 10 s interval counts a few 200-file batches, too few to mean much.
            third = len(samples) // 3
            print(f"backlog: drain rate start {rate(samples[0], samples[third]):.0f} files/s,"
                  f" middle {rate(samples[third], samples[2 * third]):.0f} files/s,"
                  f" end {rate(samples[2 * third], samples[-1]):.0f} files/s (averages over thirds of the run)")
            print("backlog: RSS curve (s, MB): " + ", ".join(f"{s:.0f}:{m:.0f}" for s, _, m in samples))
        print("backlog: start-up, seconds after the daemon started: " + startup_timeline(daemon.log_path, wall0))
        return 0
    finally:
        if daemon is not None and daemon.alive():
            daemon.stop()
        cluster.destroy()
        remove_tree(work)


# The daemon's start-up milestones, found by the start of their log line's message.
MILESTONES = (("database reachable", "database reachable"), ("articled running", "articled running"),
              ("first window", "first backlog window"), ("first file", "file "))


def startup_timeline(log_path, wall0):
    """When each milestone was logged, from the daemon's own UTC timestamps (millisecond precision)."""
    seen = {}
    with open(log_path, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.split(" ", 2)
            if len(parts) < 3:
                continue
            for label, prefix in MILESTONES:
                if label not in seen and parts[2].startswith(prefix):
                    stamp = time.strptime(parts[0][:19], "%Y-%m-%dT%H:%M:%S")
                    seen[label] = calendar.timegm(stamp) + float("0" + parts[0][19:23]) - wall0
            if len(seen) == len(MILESTONES):
                break
    return ", ".join(f"{label} {seen[label]:.2f}" for label, _ in MILESTONES if label in seen) or "no milestones logged"


def remove_tree(path):
    """Eight parallel `rm`s, then `rm -rf` for the folders. On a file system mounted with `discard` each unlink
    waits for its blocks' discard outside the folder's lock, so one `rm -rf` of the million files managed
    300-700 unlinks/s and parallel ones overlap the waits (shutil.rmtree took half an hour)."""
    t0 = time.monotonic()
    finder = subprocess.Popen(["find", path, "-xdev", "-type", "f", "-print0"], stdout=subprocess.PIPE)
    subprocess.run(["xargs", "-0", "-r", "-P", "8", "-n", "2000", "rm", "-f"], stdin=finder.stdout, check=False)
    finder.stdout.close()
    finder.wait()
    subprocess.run(["rm", "-rf", "--one-file-system", path], check=False)
    log(f"removed {path} in {time.monotonic() - t0:.0f} s")


def main():
    if len(sys.argv) != 2 or sys.argv[1] not in ("soak", "backlog"):
        print(__doc__, file=sys.stderr)
        return 2
    os.environ["PATH"] = "/opt/swift/usr/bin:" + os.environ["PATH"]
    binary = build()
    return soak(binary) if sys.argv[1] == "soak" else backlog(binary)


if __name__ == "__main__":
    sys.exit(main())
