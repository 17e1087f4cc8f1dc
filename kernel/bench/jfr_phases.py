#!/usr/bin/python3
"""Where a JShell cell spends its CPU, early and late in a session: JFR execution samples of one thread in two time
windows, by JShell step (outermost parse/analyze/compile task) and javac phase (innermost known frame).

    /usr/bin/python3 kernel/bench/jfr_phases.py FILE.jfr THREAD A_FROM A_TO B_FROM B_TO   (times HH:MM:SS.fff)

The windows come from PlainJShellGrowth.java's "cell N ended at" lines. Needs the JDK's jfr tool (JAVA_HOME or PATH).
"""
import collections
import json
import os
import subprocess
import sys

f, thread, a0, a1, b0, b1 = sys.argv[1:7]
out = subprocess.run([os.path.join(os.environ["JAVA_HOME"], "bin", "jfr") if os.environ.get("JAVA_HOME") else "jfr", "print", "--json", "--stack-depth", "300", "--events", "jdk.ExecutionSample", f], capture_output=True, text=True).stdout
events = json.loads(out)["recording"]["events"]
STEP = [("TaskFactory.parse", "JShell parse task"), ("TaskFactory.analyze", "JShell analyze task"),
        ("TaskFactory.compile", "JShell compile task"), ("ExecutionControl.load", "class loading (load)"),
        ("ExecutionControl.redefine", "class loading (redefine)"), ("ExecutionControl.invoke", "running the snippet"),
        ("DirectExecutionControl.invoke", "running the snippet"), ("SnippetMaps.", "JShell snippet maps (imports text)"),
        ("Eval.", "JShell Eval (other)"), ("JShell.drop", "JShell drop"), ("JShell.eval", "JShell eval (other)")]
PHASE = [("JavacParser", "javac: parse"), ("JavaTokenizer", "javac: parse"), ("TypeEnter", "javac: enter imports/members"),
         ("ClassReader", "javac: read class files"), ("ClassFinder", "javac: find/list classes"), ("PoolReader", "javac: read class files"),
         ("Attr.", "javac: attribute"), ("Flow.", "javac: flow"), ("Lower.", "javac: lower"), ("Gen.", "javac: generate"),
         ("ClassWriter", "javac: write class"), ("Enter.", "javac: enter"), ("Check.", "javac: check"),
         ("JavacTaskPool", "javac: task pool (context reuse)"), ("Resolve.", "javac: resolve"), ("TreeScanner", "JShell tree scans"),
         ("defineClass", "JVM define class")]
W = {"A": (a0, a1), "B": (b0, b1)}
step = {k: collections.Counter() for k in W}; phase = {k: collections.Counter() for k in W}; n = collections.Counter(); trunc = collections.Counter()
for e in events:
    v = e["values"]
    if (v["sampledThread"]["javaName"] or "") != thread: continue
    t = v["startTime"][11:23]
    for k, (s, u) in W.items():
        if not (s <= t <= u): continue
        n[k] += 1
        if v["stackTrace"].get("truncated"): trunc[k] += 1
        fr = [x["method"]["type"]["name"].replace("/", ".") + "." + x["method"]["name"] for x in v["stackTrace"]["frames"]]
        root_first = list(reversed(fr))
        st = "other"
        for x in root_first:
            m = [lab for key, lab in STEP if key in x]
            if m: st = m[0]
            if st not in ("other", "JShell eval (other)", "JShell Eval (other)"): break
        ph = "other (" + (fr[0].rsplit(".", 2)[-2] if fr else "?") + ")"
        for x in fr:  # innermost first
            m = [lab for key, lab in PHASE if key in x]
            if m: ph = m[0]; break
        step[k][st] += 1; phase[k][ph] += 1
print("samples", dict(n), "truncated", dict(trunc))
for title, c in (("JShell step (outermost)", step), ("phase (innermost)", phase)):
    print("\n" + title + ": samples in cells 50-150 (share), in cells 450-550 (share), growth")
    for x in sorted(set(c["A"]) | set(c["B"]), key=lambda x: -c["B"][x])[:22]:
        print("  %5d (%4.1f%%) %6d (%4.1f%%)  x%5.1f  %s" % (c["A"][x], 100.0*c["A"][x]/max(1,n["A"]), c["B"][x], 100.0*c["B"][x]/max(1,n["B"]), c["B"][x]/max(1,c["A"][x]), x))
