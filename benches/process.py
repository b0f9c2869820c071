#!/usr/bin/env python3
"""Whole processes, interleaved: `marrow search almonds --json` next to the sqlite3 shell
running one FTS5 prefix query over a table of the same 8,789 food names, and each one's
process floor (`marrow --version`, `sqlite3 ... 'SELECT 1'`). The search runs twice: as it
usually does, answered from search-hints.json while the diary is unchanged, and reading the
diary itself, as the first search after a change does (a second data directory whose
search-hints.json is a directory, so it can be neither read nor written).

Runs are interleaved (A, B, C, D, A, B, ...) so that load from elsewhere on the machine falls
on every command alike; a command-by-command tool such as hyperfine lets it fall on one.
Prints the median and p99 of wall time and the median CPU time (user + system) of each.

    cargo build --release && python3 benches/process.py [ROUNDS]
"""
import os, shutil, statistics, subprocess, sys, tempfile, time

rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 300
marrow = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "target", "release", "marrow"))
sqlite3 = shutil.which("sqlite3")
if sqlite3 is None:
    sys.exit("process.py needs the sqlite3 shell (apt-get install sqlite3)")
tmp = tempfile.mkdtemp()
data, names = os.path.join(tmp, "data"), os.path.join(tmp, "names.db")
quiet = {"stdout": subprocess.DEVNULL, "check": True}
# A diary with a profile and two entries, so usage and custom foods are really read.
subprocess.run([marrow, "--data-dir", data, "profile", "set", "--sex", "female", "--age", "54"], **quiet)
subprocess.run([marrow, "--data-dir", data, "log", "add", "12061", "30g"], **quiet)
subprocess.run([marrow, "--data-dir", data, "log", "add", "11457", "1 cup"], **quiet)
# The same diary in a second data directory that can never cache search hints.
uncached = os.path.join(tmp, "uncached")
shutil.copytree(data, uncached)
os.mkdir(os.path.join(uncached, "search-hints.json"))
subprocess.run([sqlite3, names, f"ATTACH '{data}/catalog.db' AS c; CREATE VIRTUAL TABLE t USING fts5(name);"
                " INSERT INTO t SELECT name FROM c.foods;"], **quiet)
commands = [
    [marrow, "--data-dir", data, "search", "almonds", "--json"],
    [marrow, "--data-dir", uncached, "search", "almonds", "--json"],
    [sqlite3, names, "SELECT rowid FROM t WHERE t MATCH 'almonds*' ORDER BY bm25(t) LIMIT 10"],
    [marrow, "--version"],
    [sqlite3, names, "SELECT 1"],
]
devnull = os.open(os.devnull, os.O_WRONLY)
wall = [[] for _ in commands]
cpu = [[] for _ in commands]
for _ in range(10):  # warm-up: page cache, disk
    for c in commands:
        subprocess.run(c, stdout=subprocess.DEVNULL)
for _ in range(rounds):
    for i, c in enumerate(commands):
        start = time.perf_counter()
        pid = os.posix_spawn(c[0], c, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1)])
        _, _, usage = os.wait4(pid, 0)
        wall[i].append((time.perf_counter() - start) * 1e3)
        cpu[i].append((usage.ru_utime + usage.ru_stime) * 1e3)
print(f"{rounds} interleaved rounds (ms)")
print(f"{'command':62} {'wall p50':>9} {'wall p99':>9} {'cpu p50':>8}")
for c, w, u in zip(commands, wall, cpu):
    w = sorted(w)
    p99 = w[max(0, -(-len(w) * 99 // 100) - 1)]
    label = " ".join(os.path.basename(a) if a.startswith("/") else a for a in c)
    if uncached in c:
        label += " (no cache)"
    print(f"{label[:62]:62} {statistics.median(w):9.2f} {p99:9.2f} {statistics.median(u):8.2f}")
fts = statistics.median(wall[2])
print(f"marrow search / sqlite3 FTS5 query (wall p50): {statistics.median(wall[0]) / fts:.2f}x"
      f" (reading the diary: {statistics.median(wall[1]) / fts:.2f}x)")
shutil.rmtree(tmp)
