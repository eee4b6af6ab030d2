#!/usr/bin/env python3
"""The disk's fsync latency, alone: the floor under the service's durable audit commits.

    Benchmarks/fsync.py [SECONDS] [FOLDER]     # 30 s in /tmp by default

Writes 32 KB (about one group commit of audit rows) over a 64 MB file and fsyncs it, again
and again, and prints the latency percentiles. Run it beside `Benchmarks/serve.sh` to see
what the disk does under the service's load, or alone for its best.
"""
import os
import sys
import tempfile
import time

seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 30.0
folder = sys.argv[2] if len(sys.argv) > 2 else tempfile.gettempdir()
path = os.path.join(folder, "cegraph-fsync-probe.bin")
fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
try:
    block, span, offset, latencies = b"x" * 32768, 64 << 20, 0, []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        os.pwrite(fd, block, offset)
        offset = (offset + len(block)) % span
        start = time.perf_counter()
        os.fsync(fd)
        latencies.append(time.perf_counter() - start)
finally:
    os.close(fd)
    os.unlink(path)
latencies.sort()
n = len(latencies)
def ms(q):
    return latencies[min(n - 1, int(n * q))] * 1e3
print("%d fsyncs in %.0f s: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms; over 30 ms: %d"
      % (n, seconds, ms(0.5), ms(0.99), ms(0.999), latencies[-1] * 1e3, sum(1 for x in latencies if x > 0.03)))
