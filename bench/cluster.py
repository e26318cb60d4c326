#!/usr/bin/env python3
"""The cluster scenario of bench/cluster (see bench/README.md): members pinned to one core each on 127.0.0.1.

- speed-up: one single node on core 0 vs a cluster of two members on cores 0 and 1, the same job on each;
- overhead: a cluster of one member on core 0 vs the single node on core 0, the same job (the cost of sharing a job
  through the store: inputs, claims, results and the record in the clustered caches, with nothing to share it with);
- failover: kill -9 of the member that did not accept the job, while it computes a segment, once 40 % of the job is
  computed; the time from the kill to the job's end, and from the kill to the survivor's new view (the failure
  detector).

Each figure is the job's own time (finishedAt - submittedAt of an async job: no JSON in it), the median of
BENCH_ROUNDS rounds after one warm-up round. Two works: collatz_steps of 1 ... 1,000,000 (bench/run's; ~50 ms on a
core, so fixed costs weigh), and of 1,000,000 numbers of 30 digits (~6 s on a core: the work dominates). Every result
of every job is compared with the single node's. Progress goes to stderr, the report to stdout.
"""
import datetime
import json
import os
import platform
import re
import socket
import subprocess
import sys
import time
import urllib.error

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
os.environ.setdefault("BENCH_JMH_CLASSPATH", "")  # bench.py's helpers, without its JMH
import bench  # noqa: E402
from bench import JAVA, WORK, log, median, post, get, instant, job_seconds, stop_all  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
LIMITS = ["--poolmap.max-batch-size=2000000", "--poolmap.queue-capacity=4000000",
          "--poolmap.max-request-size=256MB", "--poolmap.max-retained-items=10000000"]
HEAVY_BASE = 10 ** 29 + 12345
SIZE = 1_000_000
used_ports = set()
delays = []  # per measured job: seconds its members' threads waited for a core


def free_member_port():
    """A loopback port for a member's JGroups traffic, with the failure-detection ports (+100 ... +103) free too."""
    for port in range(17000, 17800, 7):  # + 103 stays below bench.py's HTTP ports (18000-18999)
        try:
            for p in [port] + list(range(port + 100, port + 104)):
                with socket.socket() as probe:
                    probe.bind(("127.0.0.1", p))
        except OSError:
            continue
        if port not in used_ports:
            used_ports.add(port)
            return port
    raise SystemExit("no free JGroups port in 17000-17799")


def start_member(name, core, extra):
    """One poolmap pinned to one core, one worker, a store of its own; returns (process, HTTP port)."""
    port = bench.free_port()
    store = os.path.join(WORK, name + "-store")
    command = ["taskset", "-c", str(core), JAVA, bench.java_tmpdir(name), "-XX:ActiveProcessorCount=1", "-Xmx2g", "-jar",
               bench.SERVICE_JAR,
               f"--server.port={port}", "--server.address=127.0.0.1", f"--poolmap.store.path={store}"] + LIMITS + extra
    out = open(os.path.join(WORK, name + ".log"), "w")
    process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=WORK, start_new_session=True)
    bench.started.append(process)
    with open(bench.PIDS, "a") as pids:
        pids.write(f"{process.pid}\n")
    bench.wait_until_answers(port, process, b'{"operation":"square","numbers":[1,2,3]}')
    return process, port


def start_cluster(names_cores):
    """Members that find each other through a static list; waits until each sees all of them."""
    binds = {name: free_member_port() for name, _ in names_cores}
    members = ",".join(f"127.0.0.1:{p}" for p in binds.values())
    running = {}
    for name, core in names_cores:
        running[name] = start_member(name, core, ["--poolmap.cluster.enabled=true",
                                                  f"--poolmap.cluster.bind=127.0.0.1:{binds[name]}",
                                                  f"--poolmap.cluster.members={members}",
                                                  f"--poolmap.cluster.member-name={name}"])
    deadline = time.monotonic() + 120
    for name, (process, port) in running.items():
        while cluster_size(port) < len(names_cores):
            if time.monotonic() > deadline:
                raise SystemExit(f"{name} did not see {len(names_cores)} members within 120 s; see {WORK}")
            time.sleep(0.1)
    return running


def cluster_size(port):
    """How many members this member's view has, from /actuator/health (503 while it is not yet UP, with the details)."""
    try:
        health = get(port, "/actuator/health")
    except urllib.error.HTTPError as not_up:
        health = json.loads(not_up.read())
    return health.get("components", {}).get("cluster", {}).get("details", {}).get("size", 0)


def body(numbers):
    return ('{"operation":"collatz_steps","async":true,"numbers":[' + ",".join(map(str, numbers)) + "]}").encode()


def submit(port, payload):
    """The id of an accepted job; a 503 (memory full for now) is sent again after its Retry-After, as a client would."""
    for _ in range(30):
        status, headers, answer = post(port, payload, timeout=300)
        if status == 202:
            return json.loads(answer)["id"]
        if status != 503:
            break
        log(f"503, sent again: {answer[:120]!r}")
        time.sleep(float(dict(headers).get("Retry-After", "1")))
    raise SystemExit(f"the job was not accepted: {status} {answer[:300]!r}")


def join(port, job_id):
    for _ in range(20):
        job = get(port, f"/api/v1/jobs/{job_id}?wait=60s", timeout=120)
        if job["status"] not in ("QUEUED", "RUNNING"):
            return job
    raise SystemExit(f"job {job_id} did not end in 20 minutes")


def cpu_seconds(pids):
    """User and system CPU seconds each process has used so far (/proc/PID/stat)."""
    ticks = os.sysconf("SC_CLK_TCK")
    used = []
    for pid in pids:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        used.append((int(fields[11]) + int(fields[12])) / ticks)
    return used


def run_delay_seconds(pids):
    """Seconds the processes' threads have spent runnable but waiting for a core (/proc/PID/task/*/schedstat): what
    other processes on the same core took from them."""
    waited = 0
    for pid in pids:
        for task in os.listdir(f"/proc/{pid}/task"):
            try:
                waited += int(open(f"/proc/{pid}/task/{task}/schedstat").read().split()[1])
            except (OSError, IndexError):
                pass  # a thread that ended meanwhile
    return waited / 1e9


def until_ended(port, job_id):
    """Polls the job list (summaries, no results) every 20 ms until the job has ended."""
    deadline = time.monotonic() + 1200
    while time.monotonic() < deadline:
        for job in get(port, "/api/v1/jobs?size=100")["jobs"]:
            if job["id"] == job_id and job["status"] not in ("QUEUED", "RUNNING"):
                return
        time.sleep(0.02)
    raise SystemExit(f"job {job_id} did not end in 20 minutes")


def run_job(port, pids, payload, reference, label):
    """The job's own time and the CPU seconds the members used meanwhile; its results must equal the reference's."""
    job_id = submit(port, payload)
    before, delay = cpu_seconds(pids), run_delay_seconds(pids)
    until_ended(port, job_id)
    cpu = [after - first for after, first in zip(cpu_seconds(pids), before)]
    delays.append(run_delay_seconds(pids) - delay)
    job = join(port, job_id)
    if job["status"] != "SUCCEEDED":
        raise SystemExit(f"{label}: the job ended {job['status']}: {job.get('error')}")
    if reference is not None and job["results"] != reference:
        raise SystemExit(f"{label}: the results differ from the single node's")
    return job_seconds(job), cpu, job


def measure(running, works, references, label):
    """Median job seconds and CPU seconds per work, submitted to the first member after a warm-up round; fills
    references from the first node that runs."""
    port = next(iter(running.values()))[1]
    pids = [process.pid for process, _ in running.values()]
    times = {}
    for work, payload in works.items():
        _, _, job = run_job(port, pids, payload, references.get(work), f"{label} {work} warm-up")
        references.setdefault(work, job["results"])
        delays.clear()
        rounds = [run_job(port, pids, payload, references[work], f"{label} {work}")[:2] for _ in range(ROUNDS)]
        # the job's time; the CPU seconds of all members together; the CPU seconds of the busiest member, which bounds
        # the job's time on cores that nothing else uses
        times[work] = (median([r[0] for r in rounds]), median([sum(r[1]) for r in rounds]), median([max(r[1]) for r in rounds]),
                       median(delays))
        log(f"{label} {work}: " + ", ".join(f"{t:.3f} s (CPU {' + '.join(f'{c:.2f}' for c in cpu)} s, waited for a core {d:.2f} s)"
                                            for (t, cpu), d in zip(rounds, delays)))
    return times


def computing(port, job_id):
    return any(w["state"] == "BUSY" and w.get("currentJob") == job_id for w in get(port, "/actuator/workers")["workers"])


def completed(port, job_id):
    for job in get(port, "/api/v1/jobs?size=100")["jobs"]:
        if job["id"] == job_id:
            return job["progress"]["completed"]
    return 0


def view_change_after(log_file, left, since):
    """Seconds from `since` (epoch) to the first log line saying that member `left` left the view."""
    pattern = re.compile(r"^(\S+Z)\s.*cluster view \d+: .*left \[[^\]]*\b" + re.escape(left) + r"\b")
    for line in open(log_file):
        found = pattern.match(line)
        if found and instant(found.group(1)) >= since - 1:
            return instant(found.group(1)) - since
    return float("nan")


def reruns(port):
    text = subprocess.run(["curl", "-s", f"http://127.0.0.1:{port}/actuator/prometheus"], capture_output=True,
                          text=True).stdout
    found = re.search(r"(?m)^poolmap_segments_rerun_total(?:\{[^}]*\})? ([0-9.Ee+-]+)$", text)
    return float(found.group(1)) if found else float("nan")


def failover(running, payload, reference):
    """Kill -9 of member b while it computes a segment of a job accepted by a; returns the figures."""
    (_, port_a), (process_b, port_b) = running["a"], running["b"]
    job_id = submit(port_a, payload)
    deadline = time.monotonic() + 120
    while not (computing(port_b, job_id) and completed(port_a, job_id) >= 0.4 * SIZE):
        if time.monotonic() > deadline:
            raise SystemExit("member b was not computing a segment of the job once 40 % of it was computed")
        time.sleep(0.02)
    done_at_kill = completed(port_a, job_id)
    killed_at = time.time()
    process_b.kill()
    process_b.wait(30)
    job = join(port_a, job_id)
    if job["status"] != "SUCCEEDED" or job["results"] != reference:
        raise SystemExit(f"after the kill the job ended {job['status']} with results that differ: {job.get('error')}")
    return {
        "kill_to_end": instant(job["finishedAt"]) - killed_at,
        "kill_to_view": view_change_after(os.path.join(WORK, "a.log"), "b", killed_at),
        "job": job_seconds(job),
        "before_kill": killed_at - instant(job["submittedAt"]),
        "computed_before_kill": done_at_kill,
        "reruns": reruns(port_a),
        "workers": job["workers"],
    }


def main():
    report = {"load_start": open("/proc/loadavg").read().split()[:3]}
    try:
        run(report)
    finally:
        stop_all()
        print_report(report)


def run(report):
    works = {"1 … 1,000,000": body(range(1, SIZE + 1)),
             "1,000,000 of 30 digits": body(range(HEAVY_BASE, HEAVY_BASE + SIZE))}
    references = {}

    log("a single node on core 0")
    single = {"single": start_member("single", 0, [])}
    report["single"] = measure(single, works, references, "single node")
    stop_all()

    log("a cluster of one member on core 0")
    one = start_cluster([("one", 0)])
    report["one"] = measure(one, works, references, "cluster of one")
    stop_all()

    log("a cluster of two members, on cores 0 and 1")
    two = start_cluster([("a", 0), ("b", 1)])
    report["two"] = measure(two, works, references, "cluster of two")
    log("kill -9 of member b in the middle of a job accepted by a")
    report["failover"] = failover(two, works["1,000,000 of 30 digits"], references["1,000,000 of 30 digits"])
    log(f"failover: {report['failover']}")


def print_report(r):
    rows = []

    def row(scenario, figure, target, verdict):
        rows.append(f"| {scenario} | {figure} | {target} | {verdict} |")

    for work in ("1 … 1,000,000", "1,000,000 of 30 digits"):
        try:
            single, one, two = r["single"][work], r["one"][work], r["two"][work]
        except KeyError as missing:
            row(f"collatz_steps {work}", f"not measured: the run stopped before it (missing {missing})", "", "")
            continue
        row(f"collatz_steps {work}: two members on one core each vs one single node on one core (job's time)",
            f"{single[0]:.3f} s → {two[0]:.3f} s = {single[0] / two[0]:.2f}×", "≥ 1.8×",
            "met" if single[0] / two[0] >= 1.8 else "**not met**")
        row(f"… the same in CPU seconds: all members; the busiest member (bounds the time on otherwise idle cores); "
            f"time the members' threads waited for a core taken by other processes",
            f"{single[1]:.2f} s → {two[1]:.2f} s ({two[1] / single[1]:.2f}× the work); busiest {two[2]:.2f} s → "
            f"{single[1] / two[2]:.2f}× on idle cores; waited {single[3]:.2f} s → {two[3]:.2f} s", "reported", "")
        row(f"collatz_steps {work}: overhead of a cluster job (a cluster of one vs a single node, same core)",
            f"{one[0]:.3f} s vs {single[0]:.3f} s = {one[0] / single[0]:.2f}× ({(one[0] - single[0]) * 1000:+.0f} ms); "
            f"CPU {one[1]:.2f} s vs {single[1]:.2f} s", "reported", "")
    try:
        f = r["failover"]
        row("kill -9 of a computing member mid-job (collatz_steps 1,000,000 of 30 digits, two members)",
            f"killed {f['before_kill']:.1f} s into the job ({f['computed_before_kill'] / SIZE:.0%} computed); the survivor's view dropped it {f['kill_to_view']:.2f} s after the kill; "
            f"job SUCCEEDED {f['kill_to_end']:.1f} s after the kill ({f['job']:.1f} s in all), exact; "
            f"segments computed again: {f['reruns']:.0f}", "SUCCEEDED, exact", "met")
    except KeyError as missing:
        row("kill -9 of a computing member mid-job", f"not measured: the run stopped before it (missing {missing})", "", "")

    load = open("/proc/loadavg").read().split()[:3]
    java = bench.java_version()
    bench.print_table(f"Date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC. "
                      f"Machine: nproc {os.cpu_count()}, {platform.machine()}, {java}; load average at the start "
                      f"{' '.join(r['load_start'])}, at the end {' '.join(load)}. Rounds: {ROUNDS} (medians, after a warm-up). "
                      f"Command: `{os.environ.get('BENCH_COMMAND', 'bench/cluster')}`.", rows)


if __name__ == "__main__":
    try:
        main()
    finally:
        stop_all()
