#!/usr/bin/env python3
"""Start-up to the first frame of marrow's app, as a person sees it: spawn the release binary
in a 100x30 pseudo-terminal and time until the magnesium gauge is on screen.

    cargo build --release && python3 benches/first_frame.py [RUNS] [DATA_DIR] [MARROW_BINARY]

With DATA_DIR (such as the ten-year diary benches/history.py writes), the app opens that
data directory instead of a new one with one entry.
"""
import fcntl, os, pty, select, statistics, struct, sys, tempfile, termios, time, subprocess

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 30
marrow = os.path.join(os.path.dirname(__file__), "..", "target", "release", "marrow")
if len(sys.argv) > 3:
    marrow = os.path.abspath(sys.argv[3])
if len(sys.argv) > 2:
    data = sys.argv[2]
else:
    data = os.path.join(tempfile.mkdtemp(), "data")
    # The catalog exists and the day has an entry: the "once the catalog exists" case.
    subprocess.run([marrow, "--data-dir", data, "log", "add", "12061", "30g"], check=True, stdout=subprocess.DEVNULL)
times = []
for _ in range(runs):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        os.environ["TERM"] = "xterm-256color"
        os.execv(marrow, ["marrow", "--data-dir", data])
    seen = b""
    while b"Magnesium" not in seen:
        ready, _, _ = select.select([fd], [], [], 5)
        if not ready:
            sys.exit("no first frame within 5 s")
        seen += os.read(fd, 65536)
    times.append((time.perf_counter() - start) * 1000)
    os.write(fd, b"q")
    os.waitpid(pid, 0)
times.sort()
print(f"first frame over {runs} runs: median {statistics.median(times):.1f} ms, "
      f"p90 {times[int(runs * 0.9) - 1]:.1f} ms, max {times[-1]:.1f} ms")
