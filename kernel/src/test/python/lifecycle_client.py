"""A Jupyter client that starts the iamnb kernel, optionally sets it running a cell that never ends, prints the
kernel's pid and then waits to be killed. test_lifecycle_parent.py kills it with SIGKILL, as a closed terminal
or a crashed script would end a real client, and watches what the kernel does.

Usage: lifecycle_client.py idle|busy KERNEL_LOG
"""
import sys
import time

from jupyter_client.manager import KernelManager

from kernel_harness import KERNEL_NAME, kernelspec_dir

LOOP_STARTED = "loop started"


def main(mode, kernel_log):
    kernelspec_dir()
    km = KernelManager(kernel_name=KERNEL_NAME)
    with open(kernel_log, "w") as log:
        # The kernel writes to a file, not to this process's stdout: the test reads that only up to the pid.
        km.start_kernel(stdout=log, stderr=log)
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    if mode == "busy":
        msg_id = kc.execute('System.out.println("%s");\nwhile (true) {}' % LOOP_STARTED)
        deadline = time.time() + 60
        while time.time() < deadline:
            msg = kc.get_iopub_msg(timeout=deadline - time.time())
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream"
                    and LOOP_STARTED in msg["content"]["text"]):
                break
        else:
            raise SystemExit("the cell never started")
    print("KERNEL_PID %d" % km.provisioner.process.pid, flush=True)
    while True:
        time.sleep(60)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
