#!/usr/bin/env python3
"""Whole processes on a diary of ten years next to a new one, interleaved: `marrow day`,
`marrow week`, `marrow export --format csv --totals` for the last 365 days, and the process
floor (`marrow --version`). The ten-year diary is written by benches/ten_years.rs ending
today; the new one holds one day of eight entries, a dose and a profile. Both data
directories are made once and kept (pass them again to reuse them).

Runs are interleaved so that load from elsewhere on the machine falls on every command
alike. Prints the median and p99 of wall time and the ratio of each ten-year median to the
new diary's.

    cargo build --release && cargo build --release --features dev-tools --example ten_years
    python3 benches/history.py [ROUNDS] [MARROW_BINARY]
"""
import os, statistics, subprocess, sys, tempfile, time, datetime

rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
root = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
marrow = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.path.join(root, "target", "release", "marrow")
generator = os.path.join(root, "target", "release", "examples", "ten_years")
keep = os.path.join(tempfile.gettempdir(), "marrow-history-bench")
ten, new = os.path.join(keep, "ten-years"), os.path.join(keep, "new")
today = datetime.date.today().isoformat()
quiet = {"stdout": subprocess.DEVNULL, "check": True}

if not os.path.exists(os.path.join(ten, "diary.db")):
    subprocess.run([generator, ten, today], **quiet)
if not os.path.exists(os.path.join(new, "diary.db")):
    subprocess.run([marrow, "--data-dir", new, "profile", "set", "--sex", "female", "--age", "54"], **quiet)
    for food in ["01077 250g", "08121 240g", "05064 120g", "11457 60g", "15086 150g", "11674 173g",
                 "12061 30g", "09040 118g"]:
        subprocess.run([marrow, "--data-dir", new, "log", "add", *food.split()], **quiet)
    subprocess.run([marrow, "--data-dir", new, "supplement", "add", "magnesium", "200mg"], **quiet)

year_ago = (datetime.date.today() - datetime.timedelta(days=364)).isoformat()
commands = []
for label, args in [("day", ["day"]), ("week", ["week"]),
                    ("12 months of totals (csv)", ["export", "--format", "csv", "--totals", "--from", year_ago])]:
    for name, data in [("new", new), ("ten years", ten)]:
        commands.append((f"{label}, {name}", [marrow, "--data-dir", data, *args]))
commands.append(("--version (process floor)", [marrow, "--version"]))

devnull = os.open(os.devnull, os.O_WRONLY)
wall = [[] for _ in commands]
for _ in range(10):  # warm-up: page cache, the day's whole-file check of a write
    for _, c in commands:
        subprocess.run(c, stdout=subprocess.DEVNULL, check=True)
for _ in range(rounds):
    for i, (_, c) in enumerate(commands):
        start = time.perf_counter()
        pid = os.posix_spawn(c[0], c, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1)])
        _, status = os.waitpid(pid, 0)
        wall[i].append((time.perf_counter() - start) * 1e3)
        if status != 0:
            sys.exit(f"{' '.join(c)} failed")
print(f"{rounds} interleaved rounds of {os.path.relpath(marrow)} (ms)")
print(f"{'command':40} {'wall p50':>9} {'wall p99':>9} {'vs new':>7}")
medians = {}
for (label, _), w in zip(commands, wall):
    w = sorted(w)
    p99 = w[max(0, -(-len(w) * 99 // 100) - 1)]
    medians[label] = statistics.median(w)
    base = medians.get(label.replace("ten years", "new"))
    ratio = f"{medians[label] / base:6.2f}x" if "ten years" in label and base else ""
    print(f"{label:40} {medians[label]:9.2f} {p99:9.2f} {ratio:>7}")
