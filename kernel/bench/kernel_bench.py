#!/usr/bin/python3
"""Kernel benchmark through jupyter_client: iamnb side by side with ipykernel, measured in the same run.

    /usr/bin/python3 kernel/bench/kernel_bench.py [--jar kernel/target/iamnb-kernel.jar] [--cells 200]
        [--java-home /usr/lib/jvm/temurin-25-jdk-amd64] [--java-opts="-XX:..."] [--no-cds] [--skip-python]

Figures: start -> first kernel_info_reply, start -> first execute_reply (sent right after kernel_info, as
front ends do), p50/p95 round trip of trivial cells, p50 completion latency, p50 inspection (Shift-Tab) latency
repeated on one name and on the first request for each of several names, seconds from interrupt to the
reply of a tight loop, RSS of the kernel process after warm-up (VmRSS). Not a test: nothing is asserted.
"""
import argparse
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from jupyter_client.manager import KernelManager

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))

CASES = {
    "iamnb": {"trivial": "1+1", "complete": "Math.ma", "loop": "while (true) {}", "inspect": "Iam.demo",
              # first Shift-Tab on each: JShell parses the declaring class's source for its Javadoc
              "inspect_each": ["Iam.fromSnapshot", "Iam.live", "Iam.whoami", "String.valueOf", "Optional.of",
                               "List.of", "Math.max", "Duration.ofDays"]},
    "python3": {"trivial": "1+1", "complete": "import o", "loop": "while True: pass", "inspect": "print",
                "inspect_each": ["len", "sorted", "open", "zip", "enumerate", "isinstance", "range", "divmod"]},
}


def make_iamnb_spec(jar, java_home, java_opts, cds):
    home = tempfile.mkdtemp(prefix="iamnb-bench-")
    spec = os.path.join(home, "kernels", "iamnb")
    os.makedirs(spec)
    shutil.copy(os.path.join(REPO, "install", "kernelspec", "iamnb-kernel"), spec)
    os.symlink(os.path.abspath(jar), os.path.join(spec, "iamnb-kernel.jar"))
    with open(os.path.join(spec, "kernel.json"), "w") as f:
        json.dump({"argv": [os.path.join(spec, "iamnb-kernel"), "{connection_file}"], "display_name": "iamnb bench",
                   "language": "java", "interrupt_mode": "message"}, f)
    if cds:  # as install.sh does: a class-data-sharing archive recorded in place
        subprocess.run([os.path.join(spec, "iamnb-kernel"), "--make-cds-archive", os.path.join(spec, "iamnb.jsa")],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
                       env=dict(os.environ, IAMNB_JAVA_HOME=java_home) if java_home else None)
    os.environ["JUPYTER_PATH"] = home + os.pathsep + os.environ.get("JUPYTER_PATH", "")
    os.environ["IAMNB_HISTORY_FILE"] = os.path.join(home, "history.jsonl")
    if java_home:
        os.environ["IAMNB_JAVA_HOME"] = java_home
    if java_opts:
        os.environ["IAMNB_JAVA_OPTS"] = java_opts
    return home


def reply_to(kc, msg_id, timeout=60):
    while True:
        msg = kc.get_shell_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100.0 * (len(ordered) - 1))))]


def bench(name, cells):
    case = CASES[name]
    km = KernelManager(kernel_name=name)
    started = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    figures = {}
    try:
        while True:  # the way front ends wait: kernel_info until one is answered
            msg_id = kc.kernel_info()
            try:
                reply_to(kc, msg_id, timeout=1)
                break
            except Exception:
                continue
        figures["start -> kernel_info_reply (s)"] = time.perf_counter() - started
        reply_to(kc, kc.execute(case["trivial"]))
        figures["start -> first execute_reply (s)"] = time.perf_counter() - started
        for _ in range(30):
            reply_to(kc, kc.execute(case["trivial"]))
        trips = []
        for _ in range(cells):
            t = time.perf_counter()
            reply_to(kc, kc.execute(case["trivial"]))
            trips.append((time.perf_counter() - t) * 1000)
        figures["trivial cell p50 (ms)"] = statistics.median(trips)
        figures["trivial cell p95 (ms)"] = percentile(trips, 95)
        completions = []
        for _ in range(50):
            t = time.perf_counter()
            reply_to(kc, kc.complete(case["complete"], len(case["complete"])))
            completions.append((time.perf_counter() - t) * 1000)
        figures["completion p50 (ms)"] = statistics.median(completions[10:])
        inspections = []
        for _ in range(50):
            t = time.perf_counter()
            reply_to(kc, kc.inspect(case["inspect"], len(case["inspect"])))
            inspections.append((time.perf_counter() - t) * 1000)
        figures["inspect, same name, p50 (ms)"] = statistics.median(inspections[10:])
        firsts = []
        for name in case["inspect_each"]:
            t = time.perf_counter()
            reply_to(kc, kc.inspect(name, len(name)))
            firsts.append((time.perf_counter() - t) * 1000)
        figures["inspect, first of a name, p50 (ms)"] = statistics.median(firsts)
        figures["RSS after warm-up (MB)"] = rss_mb(km.provisioner.process.pid)
        loop_id = kc.execute(case["loop"])
        time.sleep(1.0)
        t = time.perf_counter()
        km.interrupt_kernel()
        reply_to(kc, loop_id, timeout=30)
        figures["interrupt tight loop (s)"] = time.perf_counter() - t
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return figures


def newest_jar():
    jars = glob.glob(os.path.join(REPO, "kernel", "target*", "iamnb-kernel.jar"))
    return max(jars, key=os.path.getmtime) if jars else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jar", default=newest_jar())
    parser.add_argument("--cells", type=int, default=200)
    parser.add_argument("--java-home", default="")
    parser.add_argument("--java-opts", default="")
    parser.add_argument("--skip-python", action="store_true")
    parser.add_argument("--no-cds", action="store_true", help="neither the class-data-sharing archive nor the compiler's class folder (install.sh makes both)")
    args = parser.parse_args()
    if not args.jar:
        sys.exit("no kernel jar: build with mvn -DskipTests package or pass --jar")
    home = make_iamnb_spec(args.jar, args.java_home, args.java_opts, not args.no_cds)
    try:
        results = {"iamnb": bench("iamnb", args.cells)}
        if not args.skip_python:
            results["python3"] = bench("python3", args.cells)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    names = list(results)
    print("%-36s" % "figure" + "".join("%14s" % n for n in names))
    for key in results["iamnb"]:
        print("%-36s" % key + "".join("%14.3f" % results[n].get(key, float("nan")) for n in names))
    if "python3" in results:  # issue 16's start-up target: at most 1.5
        key = "start -> first execute_reply (s)"
        print("first result, iamnb / ipykernel: %.2f" % (results["iamnb"][key] / results["python3"][key]))


if __name__ == "__main__":
    main()
