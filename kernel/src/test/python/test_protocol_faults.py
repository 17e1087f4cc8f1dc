"""Faults at the protocol layer, tried as a hostile or careless front end would (issue 14): replayed messages,
oversized and unparsable requests, requests with odd fields or on the wrong channel, and text that is not valid
Unicode. Each test ends with the kernel alive, answering 1+1, and a variable declared before it intact.

The kernel's log (its stderr) goes to a file, so the tests can check that refused messages are logged.
"""
import os
import tempfile
import time
import unittest

import nbformat
import zmq
from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

from kernel_harness import KERNEL_NAME, Client, kernelspec_dir, result_of, text_of


class ProtocolFaultCase(unittest.TestCase):
    """One kernel per class, its stderr in a file; `keep` is declared first and must survive every test."""
    extra_env = {}

    @classmethod
    def setUpClass(cls):
        kernelspec_dir()
        cls.log_path = tempfile.mktemp(prefix="iamnb-kernel-log-", suffix=".txt")
        cls.log = open(cls.log_path, "w")
        saved = {k: os.environ.get(k) for k in cls.extra_env}
        os.environ.update(cls.extra_env)
        try:
            cls.km, cls.kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=60, stderr=cls.log)
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
        cls.client = Client(cls.km, cls.kc)
        reply, _ = cls.client.execute("int keep = 41;")
        assert reply["content"]["status"] == "ok", reply

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=False)
        cls.log.close()
        os.unlink(cls.log_path)

    def setUp(self):
        self.client.drain_iopub()

    def tearDown(self):
        self.assert_alive()

    def assert_alive(self):
        reply, outputs = self.client.execute("1+1", timeout=60)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        self.assertEqual(result_of(outputs), "2")
        reply, outputs = self.client.execute("keep + 1", timeout=60)
        self.assertEqual(result_of(outputs), "42", "the variable declared before the test is intact")

    def kernel_log(self):
        self.log.flush()
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def raw_shell(self):
        """A DEALER socket of our own on the kernel's shell port, and a session signing with the kernel's key."""
        info = self.km.get_connection_info()
        socket = zmq.Context.instance().socket(zmq.DEALER)
        socket.linger = 0
        socket.connect("%s://%s:%d" % (info["transport"], info["ip"], info["shell_port"]))
        self.addCleanup(socket.close)
        return socket, Session(key=self.km.session.key)

    def replies_on(self, socket, session, wait_s):
        """Every message arriving on socket within wait_s seconds, deserialised."""
        found = []
        poller = zmq.Poller()
        poller.register(socket, zmq.POLLIN)
        deadline = time.time() + wait_s
        while True:
            remaining = deadline - time.time()
            if remaining <= 0 or not poller.poll(remaining * 1000):
                return found
            _, frames = session.feed_identities(socket.recv_multipart())
            found.append(session.deserialize(frames))


class ReplayTests(ProtocolFaultCase):

    def test_replay_whenSignedExecuteSentAgain_thenRunsOnce_andReplaysAreRefusedAndLogged(self):
        self.client.execute("int runs = 0;")
        first, session = self.raw_shell()
        second, _ = self.raw_shell()
        msg = session.msg("execute_request", {"code": "runs++;", "silent": False, "store_history": True,
                                              "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        frames = session.serialize(msg)
        for _ in range(4):  # the original and 3 replays from the same socket
            first.send_multipart(frames)
        second.send_multipart(frames)  # and a replay from another socket

        replies = self.replies_on(first, session, 3) + self.replies_on(second, session, 1)
        self.assertEqual([r["msg_type"] for r in replies], ["execute_reply"], "only the original is answered")
        reply, outputs = self.client.execute("runs")
        self.assertEqual(result_of(outputs), "1", "the cell ran once")
        self.assertEqual(self.kernel_log().count("replayed message"), 4, self.kernel_log())


class OversizedTests(ProtocolFaultCase):
    """The default limit (16 MiB)."""

    def test_oversized_when50MbExecuteRequest_thenErrorReplyNamingTheLimit(self):
        code = "// " + "x" * (50 * 1024 * 1024) + "\nkeep = 0;"
        started = time.time()
        reply, outputs = self.client.execute(code, timeout=120)
        content = reply["content"]
        self.assertEqual(content["status"], "error", {k: content[k] for k in content if k != "traceback"})
        self.assertEqual(content["ename"], "MessageTooLarge")
        self.assertIn("limit of 16777216 bytes", content["evalue"])
        self.assertIn("IAMNB_MAX_MESSAGE_BYTES", content["evalue"])
        self.assertLess(time.time() - started, 60)
        self.assertIn("refused a message on shell channel: execute_request is", self.kernel_log())

    def test_unparsable_whenContentIsNotJson_thenErrorReplyToTheSender(self):
        socket, session = self.raw_shell()
        header = session.msg_header("execute_request")
        parts = [session.pack(header), b"{}", b"{}", b"{\"code\": \"keep = 0;\""]  # cut short
        socket.send_multipart([b"<IDS|MSG>", session.sign(parts)] + parts)
        replies = self.replies_on(socket, session, 10)
        self.assertEqual(len(replies), 1, replies)
        self.assertEqual(replies[0]["msg_type"], "execute_reply")
        self.assertEqual(replies[0]["parent_header"]["msg_id"], header["msg_id"])
        self.assertEqual(replies[0]["content"]["status"], "error")
        self.assertEqual(replies[0]["content"]["ename"], "InvalidMessage")
        self.assertIn("content of execute_request is not valid JSON", replies[0]["content"]["evalue"])

    def test_unparsable_whenHeaderIsNotJson_thenLoggedAndNoReply(self):
        socket, session = self.raw_shell()
        parts = [b"{\"msg_id\": ", b"{}", b"{}", b"{}"]
        socket.send_multipart([b"<IDS|MSG>", session.sign(parts)] + parts)
        self.assertEqual(self.replies_on(socket, session, 2), [], "no header, no one to answer")
        self.assertIn("dropped a message on shell channel: header is not valid JSON", self.kernel_log())


class ConfiguredLimitTests(ProtocolFaultCase):
    extra_env = {"IAMNB_MAX_MESSAGE_BYTES": "1m"}

    def test_limit_whenConfigured_thenRequestOverItRefused_andUnderItRun(self):
        reply, _ = self.client.execute("// " + "x" * (2 * 1024 * 1024) + "\nkeep = 0;")
        self.assertEqual(reply["content"]["ename"], "MessageTooLarge")
        self.assertIn("limit of 1048576 bytes", reply["content"]["evalue"])

        reply, outputs = self.client.execute("// " + "y" * (512 * 1024) + "\n\"under the limit\"")
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        self.assertEqual(result_of(outputs), "under the limit")


class OddRequestTests(ProtocolFaultCase):

    def test_history_whenSearchPatternIsBadGlob_thenErrorReplyNamingPattern(self):
        reply = self.client.request("history", hist_access_type="search", pattern="[abc")
        self.assertEqual(reply["msg_type"], "history_reply")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "IllegalArgumentException")
        self.assertIn("'[abc'", reply["content"]["evalue"])

    def test_interrupt_whenSentOnShell_thenErrorReplyNamingControl(self):
        msg = self.kc.session.msg("interrupt_request", {})
        self.kc.shell_channel.send(msg)
        reply = self.client.reply_to(msg["header"]["msg_id"])
        self.assertEqual(reply["msg_type"], "interrupt_reply")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "WrongChannel")
        self.assertIn("control channel", reply["content"]["evalue"])

    def test_requests_whenFieldsHaveWrongShapes_thenEachAnsweredWithItsReplyType(self):
        odd = {
            "execute_request": {"code": {"not": "text"}},
            "complete_request": {"code": "Math.ma", "cursor_pos": "seven"},
            "inspect_request": {"code": "String", "cursor_pos": [1], "detail_level": 0},
            "is_complete_request": {"code": ["1", "+"]},
            "history_request": {"hist_access_type": "sideways"},
            "kernel_info_request": {"unexpected": True},
            "comm_info_request": {"target_name": {"x": 1}},
            "shutdown_request": {"restart": "later"},
        }
        for msg_type, content in odd.items():
            with self.subTest(msg_type=msg_type):
                msg = self.kc.session.msg(msg_type, content)
                self.kc.shell_channel.send(msg)
                reply = self.client.reply_to(msg["header"]["msg_id"], timeout=30)
                self.assertEqual(reply["msg_type"], msg_type.replace("_request", "_reply"))
                if msg_type == "kernel_info_request":
                    self.assertEqual(reply["content"]["status"], "ok", "unknown fields are ignored")
                else:
                    self.assertEqual(reply["content"]["status"], "error", reply["content"])
                    self.assertEqual(reply["content"]["ename"], "InvalidContent")
                    self.assertIn(msg_type, reply["content"]["evalue"])


class UnicodeTests(ProtocolFaultCase):

    def test_text_whenCellProducesLoneSurrogates_thenReplaced_andNotebookCanBeSaved(self):
        cells = [
            'String half = "a\\uD800b";\nhalf',                               # the cell's result
            'display(Markdown.of("*md* \\uDC00"));',                         # a Markdown display
            'System.out.println("out \\uD83D"); System.err.println("err \\uDE00");',  # stream text
            'throw new IllegalStateException("bad \\uD800 value");',          # evalue and traceback
            '"pair kept: \\uD83D\\uDE00"',                                   # a valid pair is not touched
        ]
        nb = nbformat.v4.new_notebook()
        texts = []
        for code in cells:
            reply, outputs = self.client.execute(code, stop_on_error=False)
            cell = nbformat.v4.new_code_cell(code)
            for msg in outputs:
                if msg["msg_type"] in ("stream", "display_data", "execute_result", "error"):
                    cell.outputs.append(nbformat.v4.output_from_msg(msg))
                    texts.append(repr(msg["content"]))
            nb.cells.append(cell)
        saved = nbformat.writes(nb).encode("utf-8")  # raised UnicodeEncodeError before the fix
        self.assertEqual(nbformat.reads(saved.decode("utf-8"), as_version=4).cells[0].outputs[0]["data"]["text/plain"],
                         "a\ufffdb")
        everything = "\n".join(texts)
        # stream text reaches the kernel through System.out's own encoder, which already writes '?' for a lone
        # surrogate; results, displays and errors are replaced where messages are serialised
        for expected in ("*md* \ufffd", "out ", "err ", "bad \ufffd value", "pair kept: \U0001F600"):
            self.assertIn(expected, everything)


if __name__ == "__main__":
    unittest.main()
