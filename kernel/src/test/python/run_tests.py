"""Runs the kernel's Python integration tests, once per JDK; exits non-zero when any test fails.

Usage: run_tests.py --jar PATH/iamnb-kernel.jar
Environment: IAMNB_TEST_JDKS  path list of JDK homes to test (default: the `java` on PATH, then Temurin 25
             if installed). Every test_*.py here runs on every JDK, but test_runbook_notebooks only
             on the first (its chart PNGs are compared byte for byte), and test_browser_notebooks too
             (it looks at the stored HTML of the notebooks in a browser: nothing there depends on the JDK).
"""
import argparse
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TEMURIN_25 = "/usr/lib/jvm/temurin-25-jdk-amd64"


def jdks():
    configured = os.environ.get("IAMNB_TEST_JDKS")
    if configured:
        return [j for j in configured.split(os.pathsep) if j]
    found = [""]
    if os.path.isfile(os.path.join(TEMURIN_25, "bin", "java")):
        found.append(TEMURIN_25)
    return found


def all_modules():
    return sorted(f[:-3] for f in os.listdir(HERE) if f.startswith("test_") and f.endswith(".py"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jar", required=True)
    args = parser.parse_args()
    if not os.path.isfile(args.jar):
        print("kernel jar not found: %s (run mvn package first)" % args.jar, file=sys.stderr)
        return 2
    failures = []
    for index, java_home in enumerate(jdks()):
        # Every suite runs on every JDK, except the runbook notebooks: they compare chart PNGs byte for byte
        # with the committed outputs, which were drawn on the first JDK (font rasterising differs by JDK); and
        # the browser test, which is about HTML.
        first_jdk_only = {"test_runbook_notebooks", "test_browser_notebooks"}
        modules = all_modules() if index == 0 else [m for m in all_modules() if m not in first_jdk_only]
        env = dict(os.environ, IAMNB_KERNEL_JAR=os.path.abspath(args.jar), IAMNB_TEST_JAVA_HOME=java_home,
                   PYTHONDONTWRITEBYTECODE="1")
        label = java_home or "java on PATH"
        print("=== kernel integration tests on %s: %s" % (label, " ".join(modules)), flush=True)
        started = time.time()
        done = subprocess.run([sys.executable, "-m", "unittest", "-v"] + modules, cwd=HERE, env=env)
        print("=== %s: %s in %.0f s" % (label, "passed" if done.returncode == 0 else "FAILED",
                                       time.time() - started), flush=True)
        if done.returncode != 0:
            failures.append(label)
    if failures:
        print("kernel integration tests failed on: " + ", ".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
