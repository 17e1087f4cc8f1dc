#!/usr/bin/python3
"""Long-session benchmark through jupyter_client: does the kernel slow down or grow as a session gets long?

    /usr/bin/python3 kernel/bench/long_session_bench.py [--jar kernel/target/iamnb-kernel.jar] [--cells 600]
        [--java-home /usr/lib/jvm/temurin-25-jdk-amd64]

Runs N cells in a row, each declaring a variable and a method and showing a value (the shape of issue 14's
report), and prints the p50 round trip of the first and the last hundred cells, their ratio, and the kernel
process's RSS and live heap (after a GC) after the first and the last cell. Not a test: nothing is asserted
(the goal is a ratio within 1.5 and memory growth within 100 MB). IAMNB_JAVA_OPTS=-Diamnb.leanWrapping=off
measures with JShell's own wrapping. With IAMNB_BENCH_JFR=FILE and IAMNB_JAVA_OPTS=-XX:StartFlightRecording it
dumps the kernel's recording to FILE before shutting it down.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

from jupyter_client.manager import KernelManager

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kernel_bench  # noqa: E402  (shares the kernelspec set-up and the RSS reader)


def cell(i):
    return "int v%d = %d;\nint m%d() { return v%d + 1; }\nm%d()" % (i, i, i, i, i)


def heap_in_use_mb(kc):
    """The kernel's live heap: a cell that collects garbage and reads the heap (silent: not in the history)."""
    msg_id = kc.execute("System.gc(); (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) "
                        "/ 1e6", silent=True, store_history=False, user_expressions={})
    kernel_bench.reply_to(kc, msg_id)
    msg_id = kc.execute("", silent=False, store_history=False,
                        user_expressions={"heap": "(Runtime.getRuntime().totalMemory() - "
                                                  "Runtime.getRuntime().freeMemory()) / 1e6"})
    reply = kernel_bench.reply_to(kc, msg_id)
    return float(reply["content"]["user_expressions"]["heap"]["data"]["text/plain"])


def run(cells):
    km, kc, pid = start_kernel()
    try:
        times, rss, heap = [], [], []
        for i in range(cells):
            t0 = time.perf_counter()
            msg_id = kc.execute(cell(i))
            reply = kernel_bench.reply_to(kc, msg_id)
            times.append((time.perf_counter() - t0) * 1000)
            if reply["content"]["status"] != "ok":
                raise SystemExit("cell %d failed: %s" % (i, reply["content"]))
            if i == 0 or i == cells - 1:
                rss.append(kernel_bench.rss_mb(pid))
                heap.append(heap_in_use_mb(kc))
            if i in (50, 150, cells - 150, cells - 50):  # windows for a profile (jfr_phases.py)
                print("cell %d ended at %s" % (i, time.strftime("%H:%M:%S")), flush=True)
        first = statistics.median(times[:100])
        last = statistics.median(times[-100:])
        print("cells: %d" % cells)
        print("p50 first 100: %.1f ms" % first)
        print("p50 last 100:  %.1f ms" % last)
        print("ratio last/first: %.2f" % (last / first))
        print("RSS after first cell: %.0f MB, after last: %.0f MB (growth %.0f MB)" % (rss[0], rss[1], rss[1] - rss[0]))
        print("heap in use after a GC, after first cell: %.0f MB, after last: %.0f MB (growth %.0f MB)"
              % (heap[0], heap[1], heap[1] - heap[0]))
        if os.environ.get("IAMNB_BENCH_JFR"):  # the kernel runs with -XX:StartFlightRecording (IAMNB_JAVA_OPTS)
            subprocess.run(["jcmd", str(pid), "JFR.dump", "filename=" + os.environ["IAMNB_BENCH_JFR"]],
                           stdout=subprocess.DEVNULL, check=False)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def parse_arguments(doc, default_cells):
    """The benchmarks' shared options (--jar, --cells, --java-home); sets up the kernelspec they start."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jar", default=None)
    parser.add_argument("--cells", type=int, default=default_cells)
    parser.add_argument("--java-home", default="")
    args = parser.parse_args()
    kernel_bench.make_iamnb_spec(args.jar or kernel_bench.newest_jar(), args.java_home, "", False)
    return args


def start_kernel():
    """A started, ready kernel: (manager, client, pid of its JVM; the launcher execs java)."""
    km = KernelManager(kernel_name="iamnb")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    return km, kc, km.provisioner.process.pid


def main():
    run(parse_arguments(__doc__, 600).cells)


if __name__ == "__main__":
    main()
