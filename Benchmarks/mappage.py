"""The map page benchmark's client (Benchmarks/mappage.sh): finds entities whose neighbourhood
holds about TARGET entities, opens each one's map page in headless Chromium and times it from
navigation to the map drawn in the page, first and again; times Graphviz's `sfdp` command on
the same DOT; prints medians and the ratio. Raw WebDriver over HTTP: no Python packages."""
import base64, json, os, statistics, subprocess, sys, tempfile, time, urllib.request

port, driver_port, token, hubs_file, cegraph, db, shots = sys.argv[1:8]
site = f"http://127.0.0.1:{port}"
driver = f"http://127.0.0.1:{driver_port}"
TARGET = int(os.environ.get("TARGET", "500"))
ROOTS = int(os.environ.get("ROOTS", "5"))
headers = {"Authorization": "Bearer " + token, "X-Justification": "map page benchmark"}


def api(path):
    request = urllib.request.Request(site + path, headers=headers)
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read())


def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(driver + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=300) as response:
        return json.loads(response.read())["value"]


# Roots whose 2- or 3-link neighbourhood holds TARGET ± 20% entities.
roots = []
for ref in open(hubs_file).read().split():
    for hops in (2, 3):
        count = len(api(f"/api/associations/{ref}?hops={hops}").get("entities", []))
        if TARGET * 0.8 <= count <= TARGET * 1.2:
            roots.append((ref, hops, count))
            break
        if count > TARGET * 1.2:
            break
    if len(roots) >= ROOTS:
        break
if not roots:
    sys.exit(f"no entity has about {TARGET} entities within 3 links")

session = call("POST", "/session", {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
    "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1366,900"]}}}})["sessionId"]
S = f"/session/{session}"
key = "element-6066-11e4-a52e-4f735466cecf"


def element(css):
    return call("POST", S + "/element", {"using": "css selector", "value": css})[key]


def script(text, *args):
    return call("POST", S + "/execute/sync", {"script": text, "args": list(args)})


def shot(name):
    if shots:
        os.makedirs(shots, exist_ok=True)
        with open(os.path.join(shots, name), "wb") as out:
            out.write(base64.b64decode(call("GET", S + "/screenshot")))


def open_map(ref, hops):
    call("POST", S + "/url", {"url": f"{site}/maps/{ref}?hops={hops}&audience=police"})
    for _ in range(1200):
        drawn = script("""var mark = performance.getEntriesByName("cegraph-map-drawn")[0];
                          return mark ? mark.startTime : null;""")
        if drawn is not None:
            return drawn / 1000
        message = script("""var p = document.querySelector("#map p.message"); return p && !p.hidden ? p.textContent : null;""")
        if message and "Drawing" not in message:
            sys.exit(f"{ref}: {message}")
        time.sleep(0.05)
    sys.exit(f"{ref}: the map was not drawn in 60 s")


try:
    call("POST", S + "/url", {"url": site + "/sign-in"})
    call("POST", f"{S}/element/{element('#username')}/value", {"text": "bench"})
    call("POST", f"{S}/element/{element('#password')}/value", {"text": "benchmark password\n"})
    time.sleep(1)
    call("POST", S + "/url", {"url": site + "/search"})
    # The session's reason, asked once before pages that name people.
    if "reason" in call("GET", S + "/url"):
        call("POST", f"{S}/element/{element('textarea, input[name=reason]')}/value", {"text": "map page benchmark\n"})
        time.sleep(0.5)
    first, again, sfdp, sizes = [], [], [], []
    for index, (ref, hops, count) in enumerate(roots):
        first.append(open_map(ref, hops))
        if index == 0:
            shot("map-500-overview.png")
            script("""document.querySelector('[data-zoom="subject"]').click();""")
            time.sleep(0.5)
            shot("map-500-zoomed.png")
        again.append(open_map(ref, hops))
        nodes = script("""return document.querySelectorAll("#map svg g.node").length;""")
        sizes.append(f"{ref} ({hops} links): {count} entities, {nodes - 1} drawn")
        dot = subprocess.run([cegraph, "--db", db, "render", ref, "--hops", str(hops), "--audience", "police", "--format", "dot",
                              "--reason", "map page benchmark"], capture_output=True, check=True).stdout
        with tempfile.NamedTemporaryFile(suffix=".dot") as file:
            file.write(dot)
            file.flush()
            start = time.perf_counter()
            subprocess.run(["sfdp", "-Tsvg", file.name, "-o", "/dev/null"], check=True)
            sfdp.append(time.perf_counter() - start)
finally:
    call("DELETE", S)

print("maps:", *sizes, sep="\n  ")
print(f"time to first picture, first opening (median of {len(first)}): {statistics.median(first):.3f} s (max {max(first):.3f} s)")
print(f"time to first picture, again (drawing kept): {statistics.median(again):.3f} s (max {max(again):.3f} s)")
print(f"Graphviz sfdp command on the same DOT (layout and SVG only): {statistics.median(sfdp):.3f} s")
print(f"ratio sfdp command / whole page, first opening: {statistics.median(sfdp) / statistics.median(first):.2f}")
