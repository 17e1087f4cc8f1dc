#!/usr/bin/python3
"""What a long session keeps: the kernel's heap histogram (jcmd GC.class_histogram, live objects) after a few
cells and after many more, and the classes whose instances grew most.

    /usr/bin/python3 kernel/bench/heap_growth.py [--jar kernel/target/iamnb-kernel.jar] [--cells 400]
        [--java-home /usr/lib/jvm/temurin-25-jdk-amd64]

The cells are long_session_bench.py's (declare a variable and a method, show a value). Measured 2026-12-03, JDK 17,
cells 20 to 420: with JShell's own wrapping +44 MB of live objects, 38 MB of it byte arrays (the wrapped source
JShell keeps for every snippet, whose import lines grow with the session); with the kernel's lean wrapping
(eval/LeanWrapping) +5.7 MB, mostly javac names, JShell's snippet records and the snippets' classes.
Needs the JDK's jcmd (JAVA_HOME or PATH). Not a test: nothing is asserted.
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kernel_bench  # noqa: E402  (shares the kernelspec set-up and reply matching)
import long_session_bench  # noqa: E402  (the same cells)

HISTOGRAM_LINE = re.compile(r"\s*\d+:\s+(\d+)\s+(\d+)\s+(.*)")


def histogram(pid, java_home):
    jcmd = os.path.join(java_home, "bin", "jcmd") if java_home else "jcmd"
    out = subprocess.run([jcmd, str(pid), "GC.class_histogram"], capture_output=True, text=True, check=True).stdout
    counts = {}
    for line in out.splitlines():
        match = HISTOGRAM_LINE.match(line)
        if match:
            counts[match.group(3)] = (int(match.group(1)), int(match.group(2)))
    return counts


def main():
    args = long_session_bench.parse_arguments(__doc__, 400)
    km, kc, pid = long_session_bench.start_kernel()
    try:
        warm = 20
        for i in range(warm):
            kernel_bench.reply_to(kc, kc.execute(long_session_bench.cell(i)))
        before = histogram(pid, args.java_home)
        for i in range(warm, warm + args.cells):
            kernel_bench.reply_to(kc, kc.execute(long_session_bench.cell(i)))
        after = histogram(pid, args.java_home)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    growth = sorted(((after.get(k, (0, 0))[1] - before.get(k, (0, 0))[1],
                      after.get(k, (0, 0))[0] - before.get(k, (0, 0))[0], k) for k in set(before) | set(after)),
                    reverse=True)
    print("live objects after cell %d vs after cell %d, largest growth first" % (warm + args.cells, warm))
    for grown_bytes, grown_count, name in growth[:20]:
        print("%12d B %9d objects  %s" % (grown_bytes, grown_count, name))
    print("total growth: %.1f MB over %d cells" % (sum(g[0] for g in growth) / 1e6, args.cells))


if __name__ == "__main__":
    main()
