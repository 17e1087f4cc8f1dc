"""The kernel ends when the client that started it dies (SIGKILL: no shutdown_request, no chance to clean up)."""
import os
import signal
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
EXIT_WITHIN_S = 5


def process_state(pid):
    """The state letter of /proc/PID/stat ('R', 'S', 'Z', ...), or None when there is no such process."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return None


def has_exited(pid):
    # Once its client died the kernel belongs to init (or a subreaper), which may reap it late: a zombie has exited.
    return process_state(pid) in (None, "Z")


class ParentDeathTests(unittest.TestCase):

    def kill_client_and_watch_kernel(self, mode):
        log = tempfile.NamedTemporaryFile(prefix="iamnb-kernel-", suffix=".log", delete=False)
        log.close()
        self.addCleanup(os.unlink, log.name)
        client = subprocess.Popen([sys.executable, os.path.join(HERE, "lifecycle_client.py"), mode, log.name],
                                  cwd=HERE, stdout=subprocess.PIPE, text=True)
        self.addCleanup(client.stdout.close)
        kernel_pid = None
        try:
            line = client.stdout.readline()
            self.assertTrue(line.startswith("KERNEL_PID "), "the client did not start the kernel: %r" % line)
            kernel_pid = int(line.split()[1])
            self.assertFalse(has_exited(kernel_pid), "the kernel must run before its client is killed")
            client.send_signal(signal.SIGKILL)
            client.wait(timeout=10)
            deadline = time.time() + EXIT_WITHIN_S
            while not has_exited(kernel_pid) and time.time() < deadline:
                time.sleep(0.05)
            with open(log.name) as f:
                kernel_log = f.read()
            self.assertTrue(has_exited(kernel_pid), "the %s kernel (pid %d) still runs %d s after its client was "
                            "killed; its log:\n%s" % (mode, kernel_pid, EXIT_WITHIN_S, kernel_log))
            self.assertIn("exiting:", kernel_log, "the kernel says why it ended")
        finally:
            if client.poll() is None:
                client.kill()
                client.wait()
            if kernel_pid is not None and not has_exited(kernel_pid):
                os.kill(kernel_pid, signal.SIGKILL)

    def test_clientKilled_whenKernelIdle_thenKernelExitsWithin5s(self):
        self.kill_client_and_watch_kernel("idle")

    def test_clientKilled_whenCellLoopsForever_thenKernelExitsWithin5s(self):
        self.kill_client_and_watch_kernel("busy")


if __name__ == "__main__":
    unittest.main()
