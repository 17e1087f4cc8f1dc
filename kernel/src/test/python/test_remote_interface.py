"""The kernel run the way JupyterHub or Enterprise Gateway run it: a standard kernelspec and a connection file whose
"ip" is not the loopback address. jupyter_client writes the connection file (ports chosen on that interface) and
connects to it; the kernel must bind exactly there, answer, and shut down cleanly.
"""
import os
import socket
import subprocess
import tempfile
import unittest

from jupyter_client.manager import KernelManager

import kernel_harness


def non_loopback_ipv4():
    """An IPv4 address of this machine that is not 127.x (from `hostname -I`), or None."""
    try:
        out = subprocess.run(["hostname", "-I"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    for addr in out.split():
        if "." in addr and not addr.startswith("127."):
            return addr
    return None


def reachable(ip, port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(2)
        return s.connect_ex((ip, port)) == 0


class RemoteInterfaceTests(unittest.TestCase):
    def setUp(self):
        self.addr = non_loopback_ipv4()
        if self.addr is None:
            self.skipTest("this machine has no non-loopback IPv4 address")
        kernel_harness.kernelspec_dir()
        self.log = tempfile.TemporaryFile(mode="w+")
        self.addCleanup(self.log.close)

    def start(self, ip, key=None):
        km = KernelManager(kernel_name=kernel_harness.KERNEL_NAME, ip=ip)
        if key is not None:
            km.session.key = key
        km.start_kernel(stderr=self.log)
        self.addCleanup(lambda: km.has_kernel and km.shutdown_kernel(now=True))
        return km

    def client_for(self, km, ip):
        """A client that reaches the kernel at `ip`, as a hub on another machine would."""
        kc = km.client()
        kc.ip = ip
        kc.start_channels()
        self.addCleanup(kc.stop_channels)
        kc.wait_for_ready(timeout=90)
        return kc

    def execute(self, kc, code):
        client = kernel_harness.Client(None, kc)
        reply, outputs = client.execute(code, timeout=60)
        return reply["content"]["status"], kernel_harness.result_of(outputs)

    def shut_down(self, km):
        process = km.provisioner.process
        km.shutdown_kernel(now=False)
        self.assertFalse(km.is_alive())
        self.assertEqual(0, process.wait(timeout=10), "the kernel exits by itself on shutdown_request")

    def test_connectionFileOnAnInterface_whenStarted_thenBindsThereOnlyAnswersAndShutsDownCleanly(self):
        km = self.start(self.addr)
        self.assertEqual(self.addr, km.get_connection_info()["ip"])
        kc = self.client_for(km, self.addr)
        self.assertEqual(("ok", "2"), self.execute(kc, "1+1"))
        shell = km.get_connection_info()["shell_port"]
        self.assertTrue(reachable(self.addr, shell))
        self.assertFalse(reachable("127.0.0.1", shell), "bound to the connection file's ip, not to every interface")
        self.shut_down(km)

    def test_connectionFileOnAllInterfaces_whenStarted_thenReachedThroughTheInterfaceAddress(self):
        km = self.start("0.0.0.0")
        kc = self.client_for(km, self.addr)
        self.assertEqual(("ok", "2"), self.execute(kc, "1+1"))
        self.shut_down(km)

    def test_emptyKey_whenStartedOnAnInterface_thenRunsUnsignedAndWarnsOnStderr(self):
        km = self.start(self.addr, key=b"")
        kc = self.client_for(km, self.addr)
        self.assertEqual(("ok", "2"), self.execute(kc, "1+1"))
        self.shut_down(km)
        self.log.seek(0)
        log = self.log.read()
        self.assertIn("key is empty, so messages are not signed", log)
        self.assertIn("from the network", log)


if __name__ == "__main__":
    unittest.main()
