#!/usr/bin/python3
"""Long-session benchmark through jupyter_client: does the kernel slow down or grow as a session gets long?

    /usr/bin/python3 kernel/bench/long_session_bench.py [--jar kernel/target/iamnb-kernel.jar] [--cells 600]
        [--java-home /usr/lib/jvm/temurin-25-jdk-amd64]

Runs N cells in a row, each declaring a variable and a method and showing a value (the shape of issue 14's
report), and prints the p50 round trip of the first and the last hundred cells, their ratio, and the kernel
process's RSS after the first and the last cell. Not a test: nothing is asserted (the goal is a ratio within
1.5 and RSS growth within 100 MB).
"""
import argparse
import os
import statistics
import sys
import time

from jupyter_client.manager import KernelManager

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kernel_bench  # noqa: E402  (shares the kernelspec set-up and the RSS reader)


def cell(i):
    return "int v%d = %d;\nint m%d() { return v%d + 1; }\nm%d()" % (i, i, i, i, i)


def run(cells):
    km = KernelManager(kernel_name="iamnb")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    pid = km.provisioner.process.pid
    try:
        times, rss = [], []
        for i in range(cells):
            t0 = time.perf_counter()
            msg_id = kc.execute(cell(i))
            reply = kernel_bench.reply_to(kc, msg_id)
            times.append((time.perf_counter() - t0) * 1000)
            if reply["content"]["status"] != "ok":
                raise SystemExit("cell %d failed: %s" % (i, reply["content"]))
            if i == 0 or i == cells - 1:
                rss.append(kernel_bench.rss_mb(pid))
        first = statistics.median(times[:100])
        last = statistics.median(times[-100:])
        print("cells: %d" % cells)
        print("p50 first 100: %.1f ms" % first)
        print("p50 last 100:  %.1f ms" % last)
        print("ratio last/first: %.2f" % (last / first))
        print("RSS after first cell: %.0f MB, after last: %.0f MB (growth %.0f MB)" % (rss[0], rss[1], rss[1] - rss[0]))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jar", default=None)
    parser.add_argument("--cells", type=int, default=600)
    parser.add_argument("--java-home", default="")
    args = parser.parse_args()
    jar = args.jar or kernel_bench.newest_jar()
    kernel_bench.make_iamnb_spec(jar, args.java_home, "", False)
    run(args.cells)


if __name__ == "__main__":
    main()
