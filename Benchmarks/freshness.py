#!/usr/bin/env python3
"""The freshness benchmark (issue 22), against a running `cegraph serve`.

Readers ask 2-hop association queries for random entities; in the second phase one client
also enters a report with a new link every second (POST /api/intel) and then asks, at once,
for the 1-hop associations of the link's end: the write is visible when that answer holds
the new entity. Reports read p50/p99 with and without writes, and write-to-visible latency
(from the write's acknowledgement to the first answer holding it).

    freshness.py PORT TOKEN IDS_FILE SECONDS READERS
Standard library only, so that it runs wherever the benchmark does.
"""
import http.client, json, random, statistics, sys, threading, time

port, token, ids_file, seconds, readers = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), int(sys.argv[5])
ids = [line.strip() for line in open(ids_file) if line.strip()]
headers = {"Authorization": "Bearer " + token, "X-Justification": "freshness benchmark"}


def get(connection, path):
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    if response.status != 200:
        raise RuntimeError(f"GET {path}: {response.status} {body[:200]!r}")
    return body


def read_load(stop, latencies):
    connection = http.client.HTTPConnection("127.0.0.1", int(port), timeout=30)
    while not stop.is_set():
        started = time.perf_counter()
        get(connection, f"/api/associations/{random.choice(ids)}?hops=2")
        latencies.append(time.perf_counter() - started)


def write_load(stop, visible, commits, run):
    connection = http.client.HTTPConnection("127.0.0.1", int(port), timeout=30)
    number = 0
    while not stop.is_set():
        tick = time.perf_counter()
        number += 1
        root = random.choice(ids)
        # A place, which no key merges into an existing entity (a phone number might).
        report, place = f"FRESH-{run}-{number}", f"LOF{run}X{number}"
        body = json.dumps({
            "intel": {"id": report, "date": "2026-12-01", "source_evaluation": "2", "intelligence_assessment": "B",
                      "handling_code": "P", "agency": "police", "text": "Synthetic benchmark report."},
            "entities": [{"id": place, "kind": "location", "name": f"Benchmark place {number}"}],
            "links": [{"from": root, "to": place, "kind": "frequents", "intel": [report]}],
        })
        started = time.perf_counter()
        connection.request("POST", "/api/intel", body=body, headers={**headers, "Content-Type": "application/json"})
        response = connection.getresponse()
        text = response.read()
        if response.status != 201:
            raise RuntimeError(f"POST /api/intel: {response.status} {text[:300]!r}")
        acknowledged = time.perf_counter()
        commits.append(acknowledged - started)
        attempts = 0
        while True:
            attempts += 1
            answer = get(connection, f"/api/associations/{root}?hops=1")
            if place.encode() in answer:
                visible.append((time.perf_counter() - acknowledged, attempts))
                break
            if time.perf_counter() - acknowledged > 30:
                raise RuntimeError(f"{place} not visible 30 s after its write")
        time.sleep(max(0.0, 1.0 - (time.perf_counter() - tick)))


def quantile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def phase(writes, run):
    stop, latencies, visible, commits = threading.Event(), [], [], []
    threads = [threading.Thread(target=read_load, args=(stop, latencies)) for _ in range(readers)]
    if writes:
        threads.append(threading.Thread(target=write_load, args=(stop, visible, commits, run)))
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join()
    return latencies, visible, commits


run = str(int(time.time()))
if len(sys.argv) > 6 and sys.argv[6] == "writes":
    # The memory run: one write a second for SECONDS, each followed by its query, and
    # READERS other clients (0: none).
    busy, visible, commits = phase(True, run)
    delays = [delay for delay, _ in visible]
    print(f"{len(commits)} writes; write to visible p50 {quantile(delays, .5):.1f} ms, p99 {quantile(delays, .99):.1f} ms"
          + (f"; reads p99 {quantile(busy, .99):.1f} ms" if busy else ""))
    sys.exit(0)
phase(False, run)  # warm-up, not reported
quiet, _, _ = phase(False, run)
busy, visible, commits = phase(True, run)
delays = [delay for delay, _ in visible]
print(f"2-hop reads, {readers} clients, {seconds:.0f} s each phase")
print(f"  without writes: {len(quiet)} reads, p50 {quantile(quiet, .5):.1f} ms, p99 {quantile(quiet, .99):.1f} ms")
print(f"  one write a second: {len(busy)} reads, p50 {quantile(busy, .5):.1f} ms, p99 {quantile(busy, .99):.1f} ms")
print(f"  p99 ratio (with / without writes): {quantile(busy, .99) / quantile(quiet, .99):.2f}")
print(f"writes: {len(commits)}, commit p50 {quantile(commits, .5):.1f} ms, max {max(commits) * 1000:.1f} ms")
print(f"write to visible: p50 {quantile(delays, .5):.1f} ms, p99 {quantile(delays, .99):.1f} ms, max {max(delays) * 1000:.1f} ms; "
      f"visible to the first query after the write in {sum(1 for _, a in visible if a == 1)} of {len(visible)}, "
      f"within 50 ms in {sum(1 for d in delays if d <= 0.05)}")
