#!/usr/bin/env python3
"""The scenarios of bench/run: starts poolmap and the baseline endpoint, measures every scenario, prints one
markdown table (progress goes to stderr, the report to stdout) and stops everything it started.

Called by bench/run after the build; see bench/README.md. Traffic goes to 127.0.0.1 only; every loop is
bounded by a count or a deadline.
"""
import datetime
import http.client
import json
import os
import platform
import random
import re
import signal
import socket
import statistics
import subprocess
import tempfile
import sys
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.environ["BENCH_WORK"]
JAVA = os.path.join(os.environ["JAVA_HOME"], "bin", "java")
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
SERVICE_JAR = os.path.join(WORK, "poolmap.jar")
BASELINE_JAR = os.path.join(WORK, "baseline.jar")
STACK_JAR = os.path.join(WORK, "baseline-stack.jar")
JMH_CLASSPATH = os.environ.get("BENCH_JMH_CLASSPATH", "")
# BENCH_ONLY=client measures the Python client's rows alone (bench/run then builds neither JMH nor the baseline)
ONLY = os.environ.get("BENCH_ONLY", "")
PIDS = os.path.join(WORK, "pids")
# room for the 10M-item scenarios: the defaults stop at 1M numbers and 16 MB bodies
BIG_LIMITS = ["--poolmap.max-batch-size=10000000", "--poolmap.queue-capacity=20000000",
              "--poolmap.max-request-size=256MB", "--poolmap.max-result-digits=1000000000",
              "--poolmap.max-retained-items=30000000"]

# once the service asks for credentials: BENCH_HEADER="Authorization: Bearer …" goes on every request to poolmap (and is
# harmless to the baseline), BENCH_SERVICE_ARGS="--poolmap.… …" on every start of poolmap
EXTRA_HEADER = os.environ.get("BENCH_HEADER", "")
SERVICE_ARGS = os.environ.get("BENCH_SERVICE_ARGS", "").split()
# every server (poolmap and both baselines) starts with this heap floor: without one, G1 shrinks the heap to a few
# hundred MB after each concurrent cycle (which big jobs' humongous arrays start), and then young collections and
# concurrent cycles run several times a second under a stream of small requests, whatever ran before decides the rows
SERVER_JVM = os.environ.get("BENCH_SERVER_JVM", "-Xms1g").split()
HEADERS = {"Content-Type": "application/json"}
if EXTRA_HEADER:
    HEADERS[EXTRA_HEADER.split(":", 1)[0].strip()] = EXTRA_HEADER.split(":", 1)[1].strip()

started = []


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- processes -----------------------------------------------------------------------------------------

def free_port():
    for _ in range(200):
        port = random.randint(18000, 18999)
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
                return port
            except OSError:
                continue
    raise SystemExit("no free port in 18000-18999")


def java_tmpdir(name):
    """A temporary directory for one JVM inside the work directory, which the bench removes: Tomcat's and Infinispan's
    files would otherwise stay in /tmp after a process that is killed."""
    tmp = os.path.join(WORK, name + "-tmp")
    os.makedirs(tmp, exist_ok=True)
    return f"-Djava.io.tmpdir={tmp}"


def start_java(name, args):
    out = open(os.path.join(WORK, name + ".log"), "w")
    process = subprocess.Popen([JAVA, java_tmpdir(name)] + args, stdout=out, stderr=subprocess.STDOUT, cwd=WORK,
                               start_new_session=True)
    started.append(process)
    with open(PIDS, "a") as pids:
        pids.write(f"{process.pid}\n")
    return process


def stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
    if process in started:
        started.remove(process)


def stop_all():
    for process in list(started):
        stop(process)


def wait_until_answers(port, process, body, deadline_s=120):
    """Seconds from now until a job succeeds, polling every 20 ms; fails when the process dies or time runs out."""
    begin = time.monotonic()
    while time.monotonic() - begin < deadline_s:
        if process.poll() is not None:
            raise SystemExit(f"the server on port {port} exited with {process.returncode}; see {WORK}")
        try:
            status, _, _ = post(port, body, timeout=5)
            if status == 200:
                return time.monotonic() - begin
        except OSError:
            pass
        time.sleep(0.02)
    raise SystemExit(f"nothing answered on port {port} within {deadline_s} s")


def fresh_store(name):
    """A store directory of its own for one start of poolmap: no run restores another's jobs or waits for its lock."""
    return "--poolmap.store.path=" + tempfile.mkdtemp(prefix=f"store-{name}-", dir=WORK)


def service(port, name="poolmap", jvm=(), extra=()):
    return start_java(name, SERVER_JVM + list(jvm) + ["-jar", SERVICE_JAR, f"--server.port={port}", "--server.address=127.0.0.1",
                                         fresh_store(name)] + BIG_LIMITS + SERVICE_ARGS + list(extra))


# --- HTTP ----------------------------------------------------------------------------------------------

def post(port, body, timeout=120, path="/api/v1/jobs"):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("POST", path, body=body, headers=HEADERS)
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


def get(port, path, timeout=30):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=HEADERS)
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


def curl_seconds(port, body_file, out_file="/dev/null"):
    """Wall-clock seconds of one POST as curl sees it (connect to last byte), and the HTTP status."""
    extra = ["-H", EXTRA_HEADER] if EXTRA_HEADER else []
    result = subprocess.run(["curl", "-s", "-o", out_file, "-w", "%{http_code} %{time_total}", "-H",
                             "Content-Type: application/json"] + extra + ["--data-binary", "@" + body_file,
                             f"http://127.0.0.1:{port}/api/v1/jobs"], capture_output=True, text=True, timeout=300)
    code, seconds = result.stdout.split()
    return int(code), float(seconds)


def instant(text):
    """An ISO-8601 instant with up to nine fractional digits, in seconds since the epoch."""
    main, _, fraction = text.rstrip("Z").partition(".")
    base = datetime.datetime.fromisoformat(main).replace(tzinfo=datetime.timezone.utc).timestamp()
    return base + (float("0." + fraction) if fraction else 0.0)


def job_seconds(job):
    """The job's own time, from admission to its end: no JSON parsing or writing in it."""
    return instant(job["finishedAt"]) - instant(job["submittedAt"])


# --- inputs --------------------------------------------------------------------------------------------

def write_request(name, operation, numbers, **options):
    path = os.path.join(WORK, name + ".json")
    with open(path, "w") as out:
        out.write('{"operation":"%s",' % operation)
        for key, value in options.items():
            out.write('"%s":%s,' % (key, json.dumps(value)))
        out.write('"numbers":[')
        out.write(",".join(map(str, numbers)))
        out.write("]}")
    return path


def write_expression(name, expression, numbers):
    path = os.path.join(WORK, name + ".json")
    with open(path, "w") as out:
        out.write('{"expression":%s,"numbers":[' % json.dumps(expression))
        out.write(",".join(map(str, numbers)))
        out.write("]}")
    return path


def median(values):
    return statistics.median(values)


def p99(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]


# --- JMH -----------------------------------------------------------------------------------------------

def jmh(pattern, *options):
    out = os.path.join(WORK, "jmh-" + re.sub(r"\W", "_", pattern) + ".json")
    subprocess.run([JAVA, "-cp", JMH_CLASSPATH, "org.openjdk.jmh.Main", pattern, "-rf", "json", "-rff", out]
                   + list(options), check=True, stdout=open(out + ".log", "w"), stderr=subprocess.STDOUT, timeout=600)
    results = {}
    for run in json.load(open(out)):
        params = ",".join(f"{k}={v}" for k, v in sorted((run.get("params") or {}).items()))
        key = run["benchmark"].rsplit(".", 2)[-2] + "." + run["benchmark"].rsplit(".", 1)[-1] + ("[" + params + "]" if params else "")
        raw = [x for fork in run["primaryMetric"]["rawData"] for x in fork]
        results[key] = (median(raw), run["primaryMetric"]["scoreUnit"])
    return results


# --- scenarios -----------------------------------------------------------------------------------------

def wrk(port, body_file, seconds, connections=16):
    script = os.path.join(WORK, "post.lua")
    with open(script, "w") as lua:
        lua.write('wrk.method = "POST"\n')
        for name, value in HEADERS.items():
            lua.write("wrk.headers[%s] = %s\n" % (json.dumps(name), json.dumps(value)))
        lua.write("local f = io.open(%s, 'r')\nwrk.body = f:read('*a')\nf:close()\n" % json.dumps(body_file))
        lua.write('done = function(summary, latency, requests)\n'
                  '  io.write(string.format("RESULT %f %d %d %d\\n", summary.requests / (summary.duration / 1e6),'
                  ' latency:percentile(99), summary.errors.status, summary.requests))\nend\n')
    result = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", script,
                             f"http://127.0.0.1:{port}/api/v1/jobs"], capture_output=True, text=True,
                            timeout=seconds + 60)
    match = re.search(r"RESULT (\S+) (\d+) (\d+) (\d+)", result.stdout)
    if not match:
        raise SystemExit("wrk said: " + result.stdout + result.stderr)
    rps, p99_us, bad, total = float(match[1]), int(match[2]), int(match[3]), int(match[4])
    if bad:
        raise SystemExit(f"{bad} of {total} tiny jobs were not 2xx")
    return rps, p99_us / 1000.0


def warm_until_stable(port, body_file, step=5, tolerance=0.03, least=3, most=12):
    """wrk rounds of `step` seconds until two in a row agree within `tolerance`: the JIT has settled, so what is
    measured next is the service, not the compiler. Returns the seconds it took."""
    rates = []
    while len(rates) < most:
        rates.append(wrk(port, body_file, step)[0])
        if len(rates) >= least and abs(rates[-1] - rates[-2]) <= tolerance * max(rates[-2:]):
            break
    return step * len(rates)


def warm_curl_until_stable(port, body_file, least=10, most=60, tolerance=0.05):
    """Rounds of one POST until the median of the last five is within `tolerance` of the five before: a 1M-number
    body runs its parsing loop only a few times per request, so the JIT needs tens of them. Returns the rounds."""
    times = []
    while len(times) < most:
        code, seconds = curl_seconds(port, body_file)
        assert code == 200, f"warm-up answered {code}"
        times.append(seconds)
        if len(times) >= least and abs(median(times[-5:]) - median(times[-10:-5])) <= tolerance * median(times[-10:-5]):
            break
    return len(times)


def fairness_round(port, big_file, tiny_body, clients=4, max_seconds=60):
    """Tiny jobs from `clients` threads while a 10M-item collatz_steps job holds every worker; latencies in ms."""
    status, headers, body = post(port, open(big_file, "rb").read(), timeout=300)
    if status != 202:
        raise SystemExit(f"the big job answered {status}: {body[:300]!r}")
    job_id = json.loads(body)["id"]
    running = threading.Event()
    running.set()
    latencies = []

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        deadline = time.monotonic() + max_seconds
        while running.is_set() and time.monotonic() < deadline:
            begin = time.perf_counter()
            connection.request("POST", "/api/v1/jobs", body=tiny_body, headers=HEADERS)
            response = connection.getresponse()
            response.read()
            elapsed = (time.perf_counter() - begin) * 1000
            if response.status != 200:
                raise SystemExit(f"a tiny job answered {response.status}")
            if running.is_set():
                latencies.append(elapsed)
        connection.close()

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + max_seconds
    while time.monotonic() < deadline:
        unfinished = get(port, "/api/v1/jobs?status=RUNNING&size=100")["jobs"] + \
            get(port, "/api/v1/jobs?status=QUEUED&size=100")["jobs"]
        if not any(j["id"] == job_id for j in unfinished):
            break
        time.sleep(0.1)
    running.clear()
    for thread in threads:
        thread.join(35)
    big = get(port, f"/api/v1/jobs/{job_id}", timeout=120)
    if big["status"] != "SUCCEEDED":
        raise SystemExit(f"the big job ended {big['status']}")
    return latencies, job_seconds(big)


def python_client(port, rounds):
    """Seconds of ``poolmap.Pool(2).map(f, range(1M))`` and of ``multiprocessing.Pool(2).map(f, range(1M))``, each a
    whole process of this Python (bench/python/client_map.py), alternating, for f = square (``"x*x"`` on poolmap) and
    collatz_steps; medians of ``rounds``: ``{function: {"poolmap": s, "multiprocessing": s}}``."""
    script = os.path.join(ROOT, "bench", "python", "client_map.py")
    environment = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "clients", "python"),
                       POOLMAP_URL=f"http://127.0.0.1:{port}")
    if EXTRA_HEADER.lower().startswith("authorization: bearer "):
        environment["POOLMAP_API_KEY"] = EXTRA_HEADER.split()[-1]
    report = {}
    for function in ("square", "collatz_steps"):
        times = {"poolmap": [], "multiprocessing": []}
        for _ in range(rounds):
            for label in times:
                begin = time.perf_counter()
                subprocess.run([sys.executable, script, label, function], check=True, timeout=300, env=environment)
                times[label].append(time.perf_counter() - begin)
        report[function] = {label: median(values) for label, values in times.items()}
    return report


def main():
    report = {}
    try:
        run_scenarios(report)
    finally:
        stop_all()
        print_report(report)


def run_client_only(report):
    """The Python client's rows alone, against a warmed-up service (BENCH_ONLY=client)."""
    port = free_port()
    poolmap = service(port)
    wait_until_answers(port, poolmap, open(write_request("tiny", "square", [1, 2, 3, 4, 5]), "rb").read())
    times_itself = open(write_expression("x-times-x-1m", "x*x", range(1, 1_000_001)), "rb").read()
    log("warm-up")
    for _ in range(5):
        post(port, times_itself)
    python_client(port, 1)
    log("Python client: poolmap.Pool(2).map vs multiprocessing.Pool(2).map, x*x and collatz_steps over 1M, whole processes")
    report["client"] = python_client(port, ROUNDS)


def run_scenarios(report):
    if ONLY == "client":
        run_client_only(report)
        return
    tiny = write_request("tiny", "square", [1, 2, 3, 4, 5])
    tiny_body = open(tiny, "rb").read()
    sweep = {n: write_request(f"square-{n}", "square", range(1, n + 1)) for n in (10, 1000, 100_000, 1_000_000, 10_000_000)}
    collatz = write_request("collatz-1m", "collatz_steps", range(1, 1_000_001))
    odd = range(1_000_000_001, 1_000_000_001 + 2 * 100_000, 2)
    prime = write_request("prime-100k", "is_prime", odd)
    fairness_big = write_request("collatz-10m", "collatz_steps", range(1, 10_000_001), **{"async": True})
    times_itself = write_expression("x-times-x-1m", "x*x", range(1, 1_000_001))
    polynomial = write_expression("polynomial-1m", "x**2 + 3*x + 1", range(1, 1_000_001))

    # JMH first, while nothing else of ours runs
    log("JMH: JSON, kernels, hand-off")
    marks = {}
    marks.update(jmh("NumbersJsonBenchmark"))
    marks.update(jmh("KernelBenchmark", "-p", "operation=square,collatz_steps,is_prime", "-wi", "2", "-i", "3"))
    marks.update(jmh("HandOffBenchmark", "-wi", "2", "-i", "3"))
    marks.update(jmh("ExpressionBenchmark", "-wi", "3", "-i", "3"))
    report["jmh"] = marks

    # start-up to the first successful job: fat jar, then the extracted jar with and without a JDK 25 AOT cache
    log("start-up")
    extracted = os.path.join(WORK, "extracted")
    subprocess.run([JAVA, "-Djarmode=tools", "-jar", SERVICE_JAR, "extract", "--force", "--destination", extracted],
                   check=True, capture_output=True, timeout=120)
    app = os.path.join(extracted, "poolmap.jar")
    aot = os.path.join(WORK, "poolmap.aot")
    training = start_java("aot-training", [f"-XX:AOTCacheOutput={aot}", "-Dspring.context.exit=onRefresh", "-jar", app,
                                           f"--server.port={free_port()}", fresh_store("aot")] + SERVICE_ARGS)
    training.wait(300)
    startups = {"fat jar": [], "extracted jar": [], "extracted jar + AOT cache": []}
    for _ in range(3):
        for label, args in (("fat jar", ["-jar", SERVICE_JAR]), ("extracted jar", ["-jar", app]),
                            ("extracted jar + AOT cache", [f"-XX:AOTCache={aot}", "-jar", app])):
            if label.endswith("AOT cache") and not os.path.exists(aot):
                continue
            port = free_port()
            process = start_java("startup", args + [f"--server.port={port}", "--server.address=127.0.0.1",
                                                    fresh_store("startup")] + SERVICE_ARGS)
            startups[label].append(wait_until_answers(port, process, tiny_body))
            stop(process)
    report["startup"] = {k: median(v) for k, v in startups.items() if v}

    # the service and the baseline, warmed up
    port, base_port = free_port(), free_port()
    poolmap = service(port)
    baseline = start_java("baseline", SERVER_JVM + ["-jar", BASELINE_JAR, f"--server.port={base_port}", "--server.address=127.0.0.1"])
    stack_port = free_port()
    stack = start_java("baseline-stack", SERVER_JVM + ["-jar", STACK_JAR, f"--server.port={stack_port}", "--server.address=127.0.0.1",
                                          "--management.endpoints.web.exposure.include=health,prometheus"])
    wait_until_answers(stack_port, stack, tiny_body)
    wait_until_answers(port, poolmap, tiny_body)
    wait_until_answers(base_port, baseline, tiny_body)
    log("warm-up")
    report["warm_1m"] = (warm_curl_until_stable(port, sweep[1_000_000]), warm_curl_until_stable(base_port, sweep[1_000_000]))
    for _ in range(5):
        post(port, open(collatz, "rb").read())
        post(port, open(prime, "rb").read())
        post(port, open(times_itself, "rb").read())
        post(port, open(polynomial, "rb").read())
    wrk(port, tiny, 3)
    wrk(base_port, tiny, 3)

    # each yardstick runs just before the scenario it is compared with, so that both see the same machine
    log("JMH: the in-process limit")
    marks.update(jmh("InProcessLimitBenchmark"))
    log("1M square over HTTP: poolmap, baseline")
    one_m = {"poolmap": [], "baseline": []}
    for _ in range(ROUNDS):
        for label, p in (("poolmap", port), ("baseline", base_port)):
            code, seconds = curl_seconds(p, sweep[1_000_000])
            assert code == 200, f"{label} answered {code}"
            one_m[label].append(seconds)
    report["square1m"] = {k: median(v) for k, v in one_m.items()}

    log("1M square: the default retention (the jobs above are kept) vs keeping no finished job")
    keep_none_port = free_port()
    keep_none = service(keep_none_port, "poolmap-retention-0", extra=["--poolmap.max-retained-jobs=0"])
    wait_until_answers(keep_none_port, keep_none, tiny_body)
    warm_curl_until_stable(keep_none_port, sweep[1_000_000])
    retention = {"default": [], "none": []}
    for _ in range(ROUNDS):
        for label, p in (("default", port), ("none", keep_none_port)):
            code, seconds = curl_seconds(p, sweep[1_000_000])
            assert code == 200, f"retention {label} answered {code}"
            retention[label].append(seconds)
    report["retention"] = {k: median(v) for k, v in retention.items()}
    stop(keep_none)

    log("expressions: x*x vs square as 1M-item jobs; x**2 + 3*x + 1 over HTTP")
    expression_runs = {"square": [], "x*x": [], "polynomial": []}
    for _ in range(ROUNDS):
        for label, body in (("square", sweep[1_000_000]), ("x*x", times_itself)):
            status, _, answer = post(port, open(body, "rb").read())
            assert status == 200, f"{label} answered {status}"
            expression_runs[label].append(job_seconds(json.loads(answer)))
        code, seconds = curl_seconds(port, polynomial)
        assert code == 200, f"x**2 + 3*x + 1 answered {code}"
        expression_runs["polynomial"].append(seconds)
    report["expressions"] = {k: median(v) for k, v in expression_runs.items()}

    log("Python client: poolmap.Pool(2).map vs multiprocessing.Pool(2).map, x*x and collatz_steps over 1M, whole processes")
    report["client"] = python_client(port, ROUNDS)

    log("JMH: collatz_steps and is_prime jobs through JobService beside plain loops, parallelism 2 and 1")
    marks.update(jmh("JobPathBenchmark"))
    log("CPU-heavy over HTTP: collatz_steps 1M, is_prime 100k")
    cpu = {}
    for label, body, n in (("collatz_steps 1M", collatz, 1_000_000), ("is_prime 100k", prime, 100_000)):
        wall = []
        for _ in range(ROUNDS):
            begin = time.perf_counter()
            status, _, answer = post(port, open(body, "rb").read())
            assert status == 200, f"{label} answered {status}"
            wall.append(time.perf_counter() - begin)
        cpu[label] = {"n": n, "wall": median(wall)}
    report["cpu"] = cpu

    log("tiny jobs: wrk -c16, poolmap, the baseline and the baseline with poolmap's filters, each warmed until stable")
    servers = (("poolmap", port), ("baseline", base_port), ("stack", stack_port))
    report["tiny_warmup"] = {label: warm_until_stable(p, tiny) for label, p in servers}
    tiny_runs = {label: [] for label, _ in servers}
    for _ in range(3):
        for label, p in servers:
            tiny_runs[label].append(wrk(p, tiny, 5))
    report["tiny"] = {k: (median([r for r, _ in v]), median([q for _, q in v])) for k, v in tiny_runs.items()}
    stop(stack)

    log("batch-size sweep: square 10 … 10M")
    sweep_result = {}
    for n, body in sweep.items():
        rounds = ROUNDS if n < 10_000_000 else 3
        times = []
        for _ in range(rounds if n > 1000 else 20):
            code, seconds = curl_seconds(port, body)
            assert code == 200, f"square {n} answered {code}"
            times.append(seconds)
        sweep_result[n] = median(times)
    report["sweep"] = sweep_result

    log("fairness: tiny jobs while a 10M collatz_steps job holds every worker")
    fair_latencies, big_seconds = [], []
    for _ in range(3):
        latencies, seconds = fairness_round(port, fairness_big, tiny_body)
        fair_latencies.append(p99(latencies) if latencies else float("nan"))
        big_seconds.append(seconds)
        report["fairness_count"] = report.get("fairness_count", 0) + len(latencies)
    report["fairness"] = (median(fair_latencies), median(big_seconds))
    stop(poolmap)
    stop(baseline)

    log("Python Pool(2): square 1M, collatz_steps 1M, is_prime 100k (whole process)")
    python = {}
    for label, body in (("square 1M", sweep[1_000_000]), ("collatz_steps 1M", collatz), ("is_prime 100k", prime),
                        ("x**2 + 3*x + 1 1M", polynomial)):
        times = []
        for _ in range(1 if label in ("collatz_steps 1M", "is_prime 100k") else 3):
            begin = time.perf_counter()
            subprocess.run([sys.executable, os.path.join(ROOT, "bench", "python", "pool_map.py"), body,
                            os.path.join(WORK, "python-results.json"), "2"], check=True, timeout=600)
            times.append(time.perf_counter() - begin)
        python[label] = median(times)
    report["python"] = python

    log("memory: 10M square with -Xmx1g")
    port = free_port()
    small = service(port, "poolmap-1g", jvm=["-Xmx1g"])
    wait_until_answers(port, small, tiny_body)
    out = os.path.join(WORK, "square-10m-results.json")
    warm_curl_until_stable(port, sweep[1_000_000])
    one_m_times = []
    for _ in range(ROUNDS):
        status, one_m_seconds = curl_seconds(port, sweep[1_000_000])
        assert status == 200, f"1M square on -Xmx1g answered {status}"
        one_m_times.append(one_m_seconds)
    code, seconds = curl_seconds(port, sweep[10_000_000], out)
    ten_m_times, refusals = [seconds], 0
    for _ in range(2):
        # the last job's 160 MB of numbers hold the in-flight heap until they are in the store: a 503 memory-full
        # with Retry-After until then, as a client meets it; the round times the answer that was not refused
        for _ in range(30):
            status, ten_m_seconds = curl_seconds(port, sweep[10_000_000])
            if status != 503:
                break
            refusals += 1
            time.sleep(1)
        ten_m_times.append(ten_m_seconds if status == 200 else float("inf"))
    with open(out, "rb") as answer:
        answer.seek(-400, os.SEEK_END)
        tail = answer.read().decode()
    ok = code == 200 and ",100000000000000]" in tail  # the last result, 10,000,000 squared
    rss = 0
    with open(f"/proc/{small.pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                rss = int(line.split()[1]) // 1024
    report["memory"] = (code, ok, seconds, rss)
    report["scaling"] = (median(one_m_times), median(ten_m_times), refusals)
    stop(small)


def java_version():
    """The JVM's version line, not the "Picked up JAVA_TOOL_OPTIONS: …" line that such a variable puts before it."""
    lines = subprocess.run([JAVA, "-version"], capture_output=True, text=True).stderr.splitlines()
    return next(line for line in lines if not line.startswith("Picked up"))


def print_table(header, rows):
    """The report: its header line, then one markdown table of the rows."""
    print(header)
    print()
    print("| scenario | figure | target | verdict |")
    print("|---|---|---|---|")
    print("\n".join(rows))


def print_report(r):
    marks = r.get("jmh", {})
    rows = []

    def mark(key):
        if key not in marks:
            log(f"JMH gave no result for {key}; see the jmh-*.log files (BENCH_KEEP=1 keeps them)")
            return float("nan")
        return marks[key][0]

    def row(scenario, figure, target, verdict):
        rows.append(f"| {scenario} | {figure} | {target} | {verdict} |")

    def ok(condition):
        return "met" if condition else "**not met**"

    def group(name, rows_of):
        if ONLY and name != {"client": "Python client"}.get(ONLY):
            return
        try:
            rows_of()
        except (KeyError, TypeError, ZeroDivisionError, StopIteration) as missing:
            row(name, f"not measured: the run stopped before it (missing {missing})", "", "")

    def square_rows():
        sq = r["square1m"]
        limit_s = mark("InProcessLimitBenchmark.parseSquareWrite") / 1000
        row("1M `square` over HTTP (curl, median; each server first warmed until the median of five rounds moves "
            f"less than 5 %: poolmap {r['warm_1m'][0]}, baseline {r['warm_1m'][1]} rounds)", f"{sq['poolmap'] * 1000:.0f} ms", "", "")
        row("… vs the in-process limit (JMH: Jackson parse into `long[]`, square, write; 1 thread)",
            f"{limit_s * 1000:.0f} ms → poolmap/limit = {sq['poolmap'] / limit_s:.2f}×", "≤ 1.0×",
            ok(sq["poolmap"] <= limit_s))
        row("… vs the baseline endpoint (same body, computed inline)", f"{sq['baseline'] * 1000:.0f} ms → "
            f"poolmap/baseline = {sq['poolmap'] / sq['baseline']:.2f}×", "reported", "")
        py = r["python"]["square 1M"]
        row("… vs Python `Pool(2).map` as a whole process", f"{py * 1000:.0f} ms → Python/poolmap = "
            f"{py / sq['poolmap']:.1f}×", "≥ 15×", ok(py / sq["poolmap"] >= 15))

    def cpu_rows():
        for label, c in r["cpu"].items():
            op = label.split()[0]
            job = {p: mark(f"JobPathBenchmark.job[operation={op},parallelism={p}]") / 1000 for p in (1, 2)}
            plain = {p: mark(f"JobPathBenchmark.plainLoop[operation={op},parallelism={p}]") / 1000 for p in (1, 2)}
            calibration = plain[1] / plain[2]
            ratio = plain[2] / job[2]
            row(f"{label}: items/s of the job (2 workers) vs a plain 2-thread loop (JMH `JobPathBenchmark`: submit, "
                "chunks on the workers, await; no HTTP)", f"{c['n'] / job[2] / 1e6:.2f} M/s vs "
                f"{c['n'] / plain[2] / 1e6:.2f} M/s = {ratio * 100:.0f} % (parallelism 1: {plain[1] / job[1] * 100:.0f} %)",
                "≥ 95 %", ok(ratio >= 0.95))
            speedup = job[1] / job[2]
            row(f"{label}: speed-up parallelism 2 vs 1", f"{speedup:.2f}× (CPU calibration: the plain loop's 2 vs 1 "
                f"threads = {calibration:.2f}×)", "≥ 1.8 on a quiet machine", ok(speedup >= 1.8))
            python = r.get("python", {}).get(label)
            row(f"{label}: end to end over HTTP", f"{c['wall'] * 1000:.0f} ms" + (
                f"; Python `Pool(2)` whole process {python * 1000:.0f} ms ({python / c['wall']:.1f}×)" if python else ""),
                "reported", "")

    def tiny_rows():
        (rps, q99), (base_rps, base_q99) = r["tiny"]["poolmap"], r["tiny"]["baseline"]
        warm = r["tiny_warmup"]
        row("tiny jobs (5-number `square`), `wrk -t2 -c16`, each server warmed until two 5 s rounds agree within 3 % "
            f"(poolmap {warm['poolmap']} s, baseline {warm['baseline']} s)", f"{rps:,.0f} req/s vs baseline "
            f"{base_rps:,.0f} req/s = {rps / base_rps * 100:.0f} %", "≥ 85 %", ok(rps >= 0.85 * base_rps))
        row("… p99 latency", f"{q99:.1f} ms vs baseline {base_q99:.1f} ms = {q99 / base_q99:.1f}×", "≤ 2×",
            ok(q99 <= 2 * base_q99))
        stack_rps, stack_q99 = r["tiny"]["stack"]
        row("… vs the baseline behind poolmap's filters (Spring Security's chain as poolmap sets it, the actuator's "
            f"request observation; warmed {warm['stack']} s)", f"{rps:,.0f} vs {stack_rps:,.0f} req/s = "
            f"{rps / stack_rps * 100:.0f} % (p99 {q99:.1f} vs {stack_q99:.1f} ms); the filters alone take the bare "
            f"baseline to {stack_rps / base_rps * 100:.0f} %", "reported", "")

    def fairness_rows():
        fair_p99, big_s = r["fairness"]
        row("fairness: tiny jobs (4 clients) while a 10M `collatz_steps` job holds both workers",
            f"p99 {fair_p99:.1f} ms over {r['fairness_count']} jobs (big job {big_s:.1f} s)", "p99 ≤ 10 ms",
            ok(fair_p99 <= 10))

    def sweep_rows():
        figures = ", ".join(f"{n:,}: {n / s:,.0f}/s ({s * 1000:.1f} ms)" for n, s in r["sweep"].items())
        row("batch-size sweep, `square` over HTTP (items/s, median)", figures, "reported", "")
        hand = []
        for n in (10, 1000, 100000, 1000000):
            hand.append(f"{n:,}: {mark(f'HandOffBenchmark.submitAndAwait[size={n}]'):,.1f} vs "
                        f"{mark(f'HandOffBenchmark.plainLoop[size={n}]'):,.1f} µs")
        row("hand-off vs a plain loop (JMH: job on 2 workers vs a plain loop on the caller)", "; ".join(hand),
            "where the caller wins", "a tiny job runs on the request's thread as an idle worker below `poolmap.tiny-job-limit` (50 µs of declared cost, ≤ 64 items)")

    def expression_rows():
        for profile in ("alone", "shared"):
            square = mark(f"ExpressionBenchmark.applyRange[function=square,profile={profile}]")
            times = mark(f"ExpressionBenchmark.applyRange[function=x*x,profile={profile}]")
            poly = mark(f"ExpressionBenchmark.applyRange[function=x**2 + 3*x + 1,profile={profile}]")
            row(f"`x*x` as an expression vs `square`, 1M longs on one thread (JMH, {profile}"
                + (": ten other expressions ran first" if profile == "shared" else "") + ")",
                f"{times:.2f} vs {square:.2f} ns/item → {square / times * 100:.0f} % of square's items/s; "
                f"`x**2 + 3*x + 1` {poly:.2f} ns/item", "≥ 50 %", ok(square / times >= 0.5))
        e = r["expressions"]
        n = 1_000_000
        row("`x*x` vs `square` as 1M-item jobs over HTTP (the job's own time, 2 workers)",
            f"{n / e['x*x'] / 1e6:.1f} M/s vs {n / e['square'] / 1e6:.1f} M/s = {e['square'] / e['x*x'] * 100:.0f} %",
            "≥ 50 %", ok(e["square"] / e["x*x"] >= 0.5))
        python = r.get("python", {}).get("x**2 + 3*x + 1 1M")
        row("`x**2 + 3*x + 1` over 1M numbers, end to end over HTTP (curl)", f"{e['polynomial'] * 1000:.0f} ms" + (
            f"; Python `Pool(2).map` of the same function, whole process, {python * 1000:.0f} ms "
            f"→ Python/poolmap = {python / e['polynomial']:.1f}×" if python else ""), "reported", "")

    def client_rows():
        for function, on_poolmap, numbers in (("square", "\"x*x\"", "range(1_000_000)"),
                                              ("collatz_steps", "\"collatz_steps\"", "range(1, 1_000_001)")):
            c = r["client"][function]
            row(f"Python client: `poolmap.Pool(2).map({on_poolmap}, {numbers})` vs "
                f"`multiprocessing.Pool(2).map({function}, {numbers})`, each a whole process of the same Python "
                "(median)", f"{c['poolmap'] * 1000:.0f} ms vs {c['multiprocessing'] * 1000:.0f} ms → "
                f"multiprocessing/poolmap = {c['multiprocessing'] / c['poolmap']:.1f}×", "reported", "")

    def retention_rows():
        kept, none = r["retention"]["default"], r["retention"]["none"]
        row("1M `square` over HTTP with the default retention vs keeping no finished job (`max-retained-jobs=0`)",
            f"{kept * 1000:.0f} ms vs {none * 1000:.0f} ms = {kept / none:.2f}×", "≤ 1.1×", ok(kept <= 1.1 * none))

    def memory_rows():
        code, good, seconds, rss = r["memory"]
        row("memory: 10M `square` with `-Xmx1g`", f"HTTP {code}, {seconds:.1f} s, peak RSS {rss} MB", "succeeds",
            ok(code == 200 and good))
        one_s, ten_s, refusals = r["scaling"]
        row("10M `square` end to end vs 1M, same `-Xmx1g` service (curl, items/s, medians; a 10M job sent right "
            "after another is refused 503 `memory-full` until the last one's numbers are stored, and retried after 1 s)",
            f"{10e6 / ten_s / 1e6:.1f} M/s ({ten_s:.2f} s) vs {1e6 / one_s / 1e6:.1f} M/s ({one_s * 1000:.0f} ms) = "
            f"{one_s * 10 / ten_s * 100:.0f} %; {refusals} × 503 before the 2nd and 3rd", "≥ 100 %",
            ok(ten_s <= 10 * one_s))

    def startup_rows():
        row("start-up to the first successful job (median of 3)",
            "; ".join(f"{k} {v:.2f} s" for k, v in r["startup"].items()), "reported", "")

    def jmh_rows():
        kernels = ", ".join(f"{op} {mark(f'KernelBenchmark.applyPerItem[operation={op}]'):.1f}"
                            for op in ("square", "collatz_steps", "is_prime"))
        row("JMH: kernels (ns/item); poolmap's JSON for 1M", f"{kernels}; read {mark('NumbersJsonBenchmark.readBatch'):.0f}"
            f" ms, write {mark('NumbersJsonBenchmark.writeResults'):.0f} ms", "reported", "")

    group("1M `square`", square_rows)
    group("CPU-heavy", cpu_rows)
    group("tiny jobs", tiny_rows)
    group("fairness", fairness_rows)
    group("batch-size sweep", sweep_rows)
    group("expressions", expression_rows)
    group("Python client", client_rows)
    group("retention", retention_rows)
    group("memory", memory_rows)
    group("start-up", startup_rows)
    group("JMH", jmh_rows)

    load = open("/proc/loadavg").read().split()[:3]
    memory = next(line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    java = java_version()
    commit = subprocess.run(["git", "-C", ROOT, "describe", "--always", "--dirty", "--abbrev=12"], capture_output=True,
                            text=True).stdout.strip() or "unknown"
    print_table(f"Date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC. Commit: {commit}. "
                f"Machine: nproc {os.cpu_count()}, {int(memory) // 1024} MB memory, {platform.machine()}, {java}; "
                f"load average at the end {' '.join(load)}. Rounds: {ROUNDS} (medians). "
                f"Command: `{os.environ.get('BENCH_COMMAND', 'bench/run')}`.", rows)


if __name__ == "__main__":
    try:
        main()
    finally:
        stop_all()
