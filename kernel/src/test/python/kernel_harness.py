"""Starts the freshly built iamnb kernel through Jupyter's own client, from a temporary kernelspec.

Nothing here depends on install/install.sh having run: a temporary JUPYTER_PATH holds
kernels/iamnb/kernel.json, which runs install/kernelspec/iamnb-kernel (the real launcher) on the jar
named by IAMNB_KERNEL_JAR. IAMNB_TEST_JAVA_HOME picks the JDK (empty: `java` on PATH).
"""
import atexit
import json
import os
import shutil
import subprocess
import tempfile
import time
from queue import Empty

from jupyter_client.manager import start_new_kernel

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
LAUNCHER = os.path.join(REPO, "install", "kernelspec", "iamnb-kernel")
KERNEL_NAME = "iamnb"

_home = tempfile.mkdtemp(prefix="iamnb-kernelspec-")
atexit.register(shutil.rmtree, _home, ignore_errors=True)


def kernelspec_dir():
    """Creates (once) the temporary JUPYTER_PATH and exports it; returns it."""
    spec_dir = os.path.join(_home, "kernels", KERNEL_NAME)
    if not os.path.isdir(spec_dir):
        jar = os.environ.get("IAMNB_KERNEL_JAR")
        if not jar or not os.path.isfile(jar):
            raise RuntimeError("IAMNB_KERNEL_JAR must name the built kernel jar, got %r" % jar)
        os.makedirs(spec_dir)
        shutil.copy(LAUNCHER, os.path.join(spec_dir, "iamnb-kernel"))
        os.symlink(os.path.abspath(jar), os.path.join(spec_dir, "iamnb-kernel.jar"))
        # As install.sh does: the class folder JShell's compiler reads instead of the jar (a faster start); the
        # suites then run the compiler the way an installed kernel does, on either JDK.
        java_home = os.environ.get("IAMNB_TEST_JAVA_HOME", "")
        java = os.path.join(java_home, "bin", "java") if java_home else "java"
        subprocess.run([java, "-jar", os.path.join(spec_dir, "iamnb-kernel.jar"), "--unpack-classes"],
                       check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(spec_dir, "kernel.json"), "w") as f:
            json.dump({
                "argv": [os.path.join(spec_dir, "iamnb-kernel"), "{connection_file}"],
                "display_name": "Java (iamnb, test)",
                "language": "java",
                "interrupt_mode": "message",
            }, f)
    os.environ["JUPYTER_PATH"] = _home
    os.environ.setdefault("IAMNB_HISTORY_FILE", os.path.join(_home, "history.jsonl"))
    java_home = os.environ.get("IAMNB_TEST_JAVA_HOME", "")
    if java_home:
        os.environ["IAMNB_JAVA_HOME"] = java_home
    return _home


def start_kernel(startup_timeout=60):
    kernelspec_dir()
    return start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=startup_timeout)


class Client:
    """Request/collect helpers that match replies and outputs to their request by msg_id."""

    def __init__(self, km, kc):
        self.km, self.kc = km, kc

    def reply_to(self, msg_id, timeout=30, channel="shell"):
        get = self.kc.get_shell_msg if channel == "shell" else self.kc.get_control_msg
        deadline = time.time() + timeout
        while True:
            remaining = deadline - time.time()
            if remaining <= 0:
                raise AssertionError("no reply to %s within %ss" % (msg_id, timeout))
            msg = get(timeout=remaining)
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg

    def outputs(self, msg_id, timeout=30):
        """iopub messages of one request, up to its idle status (busy/idle excluded)."""
        found = []
        deadline = time.time() + timeout
        while True:
            remaining = deadline - time.time()
            if remaining <= 0:
                raise AssertionError("no idle status for %s within %ss" % (msg_id, timeout))
            msg = self.kc.get_iopub_msg(timeout=remaining)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status":
                if msg["content"]["execution_state"] == "idle":
                    return found
                continue
            found.append(msg)

    def execute(self, code, timeout=30, **kwargs):
        msg_id = self.kc.execute(code, **kwargs)
        reply = self.reply_to(msg_id, timeout)
        return reply, self.outputs(msg_id, timeout)

    def request(self, method, *args, timeout=30, **kwargs):
        msg_id = getattr(self.kc, method)(*args, **kwargs)
        return self.reply_to(msg_id, timeout)

    def drain_iopub(self):
        while True:
            try:
                self.kc.get_iopub_msg(timeout=0.2)
            except Empty:
                return


def text_of(outputs, kind="stream", name="stdout"):
    return "".join(m["content"]["text"] for m in outputs
                   if m["msg_type"] == kind and m["content"].get("name") == name)


def result_of(outputs):
    results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
    return results[-1] if results else None
