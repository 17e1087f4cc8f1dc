"""Drives the real iamnb kernel through jupyter_client and checks what a notebook user sees."""
import os
import re
import time
import unittest

import zmq
from jupyter_client.session import Session

from kernel_harness import REPO, Client, result_of, start_kernel, text_of


def plain(traceback):
    """The traceback's lines without their ANSI colours."""
    return [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in traceback]


class KernelTestCase(unittest.TestCase):
    """One kernel per test class."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_kernel()
        cls.client = Client(cls.km, cls.kc)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=False)

    def setUp(self):
        self.client.drain_iopub()

    def execute(self, code, **kwargs):
        return self.client.execute(code, **kwargs)


class ExecuteTests(KernelTestCase):

    def test_execute_whenCellEndsInExpression_thenExecuteResultCarriesValueAndCount(self):
        reply, outputs = self.execute("int x = 20;\nString who = \"iam\";\nwho + (x + 22)")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(result_of(outputs), "iam42")
        inputs = [m for m in outputs if m["msg_type"] == "execute_input"]
        self.assertEqual(inputs[0]["content"]["code"], "int x = 20;\nString who = \"iam\";\nwho + (x + 22)")
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["execution_count"], reply["content"]["execution_count"])

    def test_execute_whenDeclarationsOnly_thenNoResult_andStateIsKept(self):
        reply, outputs = self.execute("record Point(int x, int y) {}\nvar p = new Point(3, 4);\n"
                                      "int norm(Point q) { return q.x() * q.x() + q.y() * q.y(); }")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertIsNone(result_of(outputs))
        _, outputs = self.execute("norm(p)")
        self.assertEqual(result_of(outputs), "25")

    def test_execute_whenSilent_thenNothingPublished_andCountUnchanged(self):
        first, _ = self.execute("1")
        reply, outputs = self.execute("System.out.println(\"quiet\"); 7", silent=True)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(outputs, [])
        after, _ = self.execute("2")
        self.assertEqual(after["content"]["execution_count"], first["content"]["execution_count"] + 1)

    def test_execute_whenStoreHistoryFalse_thenCountUnchanged(self):
        first, _ = self.execute("1")
        self.execute("3", store_history=False)
        after, _ = self.execute("2")
        self.assertEqual(after["content"]["execution_count"], first["content"]["execution_count"] + 1)

    def test_userExpressions_whenRequested_thenEvaluatedAfterCell(self):
        msg_id = self.kc.execute("int ue = 40;", user_expressions={"sum": "ue + 2", "bad": "nope + 1"})
        reply = self.client.reply_to(msg_id)
        expressions = reply["content"]["user_expressions"]
        self.assertEqual(expressions["sum"]["status"], "ok")
        self.assertEqual(expressions["sum"]["data"]["text/plain"], "42")
        self.assertEqual(expressions["bad"]["status"], "error")

    def test_stdout_whenCellPrintsOverTime_thenStreamedBeforeCellEnds(self):
        msg_id = self.kc.execute("System.out.println(\"first\");\nThread.sleep(1500);\nSystem.out.println(\"second\");")
        arrivals = {}
        while "second" not in arrivals:
            msg = self.kc.get_iopub_msg(timeout=30)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
                for word in ("first", "second"):
                    if word in msg["content"]["text"]:
                        arrivals[word] = time.time()
        self.client.reply_to(msg_id)
        self.assertGreater(arrivals["second"] - arrivals["first"], 1.0,
                           "'first' must be published while the cell still runs, not at its end")

    def test_streams_whenStdoutAndStderrInterleave_thenOrderIsKept(self):
        _, outputs = self.execute("System.out.println(\"a\"); System.err.println(\"b\"); System.out.println(\"c\");")
        streams = [(m["content"]["name"], m["content"]["text"]) for m in outputs if m["msg_type"] == "stream"]
        self.assertEqual("".join(t for _, t in streams), "a\nb\nc\n")
        self.assertEqual([n for n, _ in streams], ["stdout", "stderr", "stdout"])

    def test_output_whenThreadOfEarlierCellPrintsLate_thenAttributedToThatCell(self):
        first_id = self.kc.execute("new Thread(() -> { try { Thread.sleep(700); } catch (InterruptedException e) {}"
                                   " System.out.println(\"late line\"); }).start();")
        self.client.reply_to(first_id)
        second_id = self.kc.execute("System.out.println(\"second cell\"); Thread.sleep(1200);")
        self.client.reply_to(second_id)
        parents = {}
        deadline = time.time() + 5
        while len(parents) < 2 and time.time() < deadline:
            msg = self.kc.get_iopub_msg(timeout=5)
            if msg["msg_type"] == "stream":
                for text in ("late line", "second cell"):
                    if text in msg["content"]["text"]:
                        parents[text] = msg["parent_header"].get("msg_id")
        self.assertEqual(parents.get("late line"), first_id)
        self.assertEqual(parents.get("second cell"), second_id)

    def test_output_whenFloodOfLines_thenKernelSurvivesAndBatches(self):
        msg_id = self.kc.execute("for (int i = 0; i < 1_000_000; i++) System.out.println(\"line \" + i);")
        reply = self.client.reply_to(msg_id, timeout=180)
        outputs = self.client.outputs(msg_id, timeout=180)
        self.assertEqual(reply["content"]["status"], "ok")
        streams = [m for m in outputs if m["msg_type"] == "stream"]
        text = "".join(m["content"]["text"] for m in streams)
        self.assertTrue(text.startswith("line 0\n"))
        self.assertTrue(text.endswith("line 999999\n"))
        self.assertLess(len(streams), 20000, "output must be batched, not one message per line")
        _, outputs = self.execute("6 * 7")
        self.assertEqual(result_of(outputs), "42")

    def test_error_whenExceptionThrown_thenTracebackNamesCellLine(self):
        reply, outputs = self.execute("int a = 1;\nint b = 2;\nthrow new IllegalStateException(\"boom\");")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "java.lang.IllegalStateException")
        self.assertEqual(reply["content"]["evalue"], "boom")
        trace = "\n".join(plain(reply["content"]["traceback"]))
        self.assertIn("at cell line 3", trace)
        self.assertNotIn("$JShell", trace)
        errors = [m for m in outputs if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1)

    def test_error_whenMethodOfEarlierCellThrows_thenTracebackNamesBothCells(self):
        defined, _ = self.execute("int half(int n) {\n  if (n % 2 != 0)\n    throw new IllegalArgumentException(\"odd\");\n"
                                  "  return n / 2;\n}")
        reply, _ = self.execute("int h = half(4);\nhalf(3)")
        trace = "\n".join(plain(reply["content"]["traceback"]))
        self.assertIn("half (cell [%d] line 3)" % defined["content"]["execution_count"], trace)
        self.assertIn("at cell line 2", trace)

    def test_error_whenCompileError_thenCellLineAndCaretUnderSpan(self):
        reply, _ = self.execute("int ok = 1;\n\nString s = 42;")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "CompilationError")
        self.assertIn("cell line 3", reply["content"]["evalue"])
        trace = reply["content"]["traceback"]
        line = trace.index("    String s = 42;")
        self.assertEqual(trace[line + 1], "               ^^")

    def test_error_whenCellFails_thenEarlierSnippetsOfCellAreKept(self):
        self.execute("int keptBefore = 5;\nint broken = undefinedThing;")
        _, outputs = self.execute("keptBefore")
        self.assertEqual(result_of(outputs), "5")

    def test_error_whenMethodUsesUndeclaredMethod_thenToldWhatIsMissing(self):
        reply, outputs = self.execute("void greet() { helperNotYet(); }")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertIn("helperNotYet", text_of(outputs, name="stderr"))
        reply, _ = self.execute("greet()")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("helperNotYet", reply["content"]["evalue"])

    def test_stopOnError_whenCellFails_thenQueuedExecutionsAborted(self):
        ids = [self.kc.execute("throw new RuntimeException(\"stop here\");"),
               self.kc.execute("1 + 1"),
               self.kc.execute("2 + 2")]
        statuses = [self.client.reply_to(i)["content"]["status"] for i in ids]
        self.assertEqual(statuses, ["error", "aborted", "aborted"])
        reply, _ = self.execute("3 + 3")
        self.assertEqual(reply["content"]["status"], "ok")

    def test_complete_whenCursorOnLaterLineOfCell_thenRangeInCellCoordinates(self):
        self.execute("int abcdefg = 1;")
        code = "// caf\u00e9 \U0001F600\nint other = 2;\nint q = abcd"
        reply = self.client.request("complete", code, len(code))
        content = reply["content"]
        self.assertIn("abcdefg", content["matches"])
        self.assertEqual(content["cursor_end"], len(code))
        self.assertEqual(content["cursor_start"], len(code) - 4)

    def test_complete_whenMemberAccess_thenMethodsOffered(self):
        code = "\"text\".toUpp"
        reply = self.client.request("complete", code, len(code))
        self.assertIn("toUpperCase(", reply["content"]["matches"])
        self.assertEqual(reply["content"]["cursor_start"], len("\"text\"."))

    def test_complete_whenMagicTyped_thenMagicsOffered(self):
        reply = self.client.request("complete", "%lsm", 4)
        self.assertEqual(reply["content"]["matches"], ["%lsmagic"])
        self.assertEqual(reply["content"]["cursor_start"], 0)

    def test_inspect_whenMethodName_thenSignatureInPlainAndHtml(self):
        reply = self.client.request("inspect", "Math.max", 6)
        self.assertTrue(reply["content"]["found"])
        self.assertIn("max(int a, int b)", reply["content"]["data"]["text/plain"])
        self.assertIn("<pre>", reply["content"]["data"]["text/html"])

    def test_inspect_whenNothingThere_thenNotFound(self):
        reply = self.client.request("inspect", "   ", 1)
        self.assertFalse(reply["content"]["found"])

    def test_pager_whenCellIsNameWithQuestionMark_thenSignatureInPagePayload_andCountAdvances(self):
        first, _ = self.execute("1")
        reply, outputs = self.execute("List.of?")
        content = reply["content"]
        self.assertEqual(content["status"], "ok")
        self.assertEqual(content["execution_count"], first["content"]["execution_count"] + 1)
        self.assertEqual(len(content["payload"]), 1)
        page = content["payload"][0]
        self.assertEqual(page["source"], "page")
        self.assertEqual(page["start"], 0)
        self.assertIn("of(", page["data"]["text/plain"])
        self.assertIn("<pre>", page["data"]["text/html"])
        self.assertIsNone(result_of(outputs), "a help cell is not evaluated")
        # Only a whole cell is a help request; here "?pagedVar" is Java, and bad Java at that.
        mixed, _ = self.execute("int pagedVar = 5;\n?pagedVar")
        self.assertEqual(mixed["content"]["status"], "error")
        self.assertEqual(mixed["content"]["payload"], [])

    def test_pager_whenNameUnknown_thenOkWithMessage_andQueueNotAborted(self):
        missing_id = self.kc.execute("noSuchThingAnywhere?")
        next_id = self.kc.execute("40 + 2")
        missing = self.client.reply_to(missing_id)
        self.assertEqual(missing["content"]["status"], "ok")
        self.assertEqual(missing["content"]["payload"], [])
        self.assertIn("no documentation found for noSuchThingAnywhere", text_of(self.client.outputs(missing_id)))
        self.assertEqual(self.client.reply_to(next_id)["content"]["status"], "ok")
        self.assertEqual(result_of(self.client.outputs(next_id)), "42")

    def test_isComplete_whenCellsVary_thenCompleteIncompleteInvalid(self):
        cases = {
            "int x = 1;\nx + 1": "complete",
            "for (int i = 0; i < 3; i++) {": "incomplete",
            "System.out.println(1": "incomplete",
            "int y = ;": "invalid",
        }
        for code, status in cases.items():
            with self.subTest(code=code):
                reply = self.client.request("is_complete", code)
                self.assertEqual(reply["content"]["status"], status)
        reply = self.client.request("is_complete", "  if (true) {")
        self.assertEqual(reply["content"]["indent"], "      ")

    def test_history_whenCellsRun_thenTailRangeAndSearchFindThem(self):
        self.execute("\"histmark-one\"")
        reply, _ = self.execute("\"histmark-two\"")
        count = reply["content"]["execution_count"]
        tail = self.client.request("history", hist_access_type="tail", n=2, output=True, raw=True)
        rows = tail["content"]["history"]
        self.assertEqual([r[2][0] for r in rows], ["\"histmark-one\"", "\"histmark-two\""])
        self.assertEqual(rows[1][2][1], "histmark-two")
        session = rows[1][0]
        ranged = self.client.request("history", hist_access_type="range", session=session, start=count,
                                     stop=count + 1, output=False, raw=True)
        self.assertEqual(ranged["content"]["history"], [[session, count, "\"histmark-two\""]])
        self.execute("\"histmark-one\"")
        found = self.client.request("history", hist_access_type="search", pattern="\"histmark-*", unique=True,
                                    output=False, raw=True)
        self.assertEqual([r[2] for r in found["content"]["history"]], ["\"histmark-two\"", "\"histmark-one\""])

    def test_stdin_whenCellReadsSystemIn_thenInputRequestAnswered(self):
        msg_id = self.kc.execute("var in = new java.util.Scanner(System.in);\nSystem.out.print(\"Name: \");\n"
                                 "String name = in.nextLine();\n\"hi \" + name", allow_stdin=True)
        request = self.kc.get_stdin_msg(timeout=30)
        self.assertEqual(request["msg_type"], "input_request")
        self.kc.input("Bob")
        reply = self.client.reply_to(msg_id)
        outputs = self.client.outputs(msg_id)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(result_of(outputs), "hi Bob")
        self.assertIn("Name: ", text_of(outputs))

    def test_stdin_whenFrontEndRefusesInput_thenClearError(self):
        reply, _ = self.execute("new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine()",
                                allow_stdin=False)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("allow_stdin", reply["content"]["evalue"])

    def test_display_whenCalled_thenDisplayDataBeforeResult(self):
        _, outputs = self.execute("display(\"shown\");\n\"result\"")
        kinds = [m["msg_type"] for m in outputs if m["msg_type"] in ("display_data", "execute_result")]
        self.assertEqual(kinds, ["display_data", "execute_result"])

    def test_magic_whenUnknown_thenUsageErrorNamesIt(self):
        reply, _ = self.execute("%nosuchmagic")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("nosuchmagic", reply["content"]["evalue"])

    def test_comms_whenNoTargets_thenInfoEmptyAndOpenIsClosed(self):
        info = self.client.request("comm_info")
        self.assertEqual(info["content"]["comms"], {})
        msg = self.kc.session.msg("comm_open", {"comm_id": "c1", "target_name": "nobody", "data": {}})
        self.kc.shell_channel.send(msg)
        closes = [m for m in self.client.outputs(msg["header"]["msg_id"]) if m["msg_type"] == "comm_close"]
        self.assertEqual(closes[0]["content"]["comm_id"], "c1")

    def test_unknownMessageType_whenSent_thenKernelKeepsServing(self):
        msg = self.kc.session.msg("no_such_request", {})
        self.kc.shell_channel.send(msg)
        statuses = [m["content"]["execution_state"] for m in self._status_of(msg["header"]["msg_id"])]
        self.assertEqual(statuses, ["busy", "idle"])
        reply, _ = self.execute("1 + 1")
        self.assertEqual(reply["content"]["status"], "ok")

    def _status_of(self, msg_id):
        found = []
        while len(found) < 2:
            msg = self.kc.get_iopub_msg(timeout=30)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status":
                found.append(msg)
        return found

    def test_signature_whenBadOrMissing_thenMessageIgnored(self):
        info = self.km.get_connection_info()
        context = zmq.Context.instance()
        for key in (b"not-the-key", b""):
            with self.subTest(key=key):
                forged = Session(key=key)
                socket = context.socket(zmq.DEALER)
                socket.connect("%s://%s:%d" % (info["transport"], info["ip"], info["shell_port"]))
                forged.send(socket, "execute_request", {"code": "System.out.println(\"forged\")", "silent": False})
                poller = zmq.Poller()
                poller.register(socket, zmq.POLLIN)
                self.assertEqual(poller.poll(1500), [], "a forged message must get no reply")
                socket.close(linger=0)
        reply, outputs = self.execute("\"still fine\"")
        self.assertEqual(result_of(outputs), "still fine")

    def test_kernelInfo_whenAsked_thenJavaLanguageInfo(self):
        reply = self.client.request("kernel_info")
        info = reply["content"]["language_info"]
        self.assertEqual(info["name"], "java")
        self.assertEqual(info["file_extension"], ".jsh")
        self.assertEqual(info["mimetype"], "text/x-java-source")
        self.assertEqual(reply["content"]["protocol_version"], "5.3")


class ReadmeTests(KernelTestCase):

    def test_readme_whenCellExampleRun_thenResultIsTheOneItPromises(self):
        with open(os.path.join(REPO, "README.md")) as f:
            readme = f.read()
        section = readme.split("## What you can type in a cell", 1)[1]
        code = section.split("```java\n", 1)[1].split("```", 1)[0]
        reply, outputs = self.execute(code)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"].get("traceback"))
        self.assertEqual(text_of(outputs), "checking 2\n")
        self.assertEqual(result_of(outputs), "[alice]")


class InterruptTests(KernelTestCase):

    def interrupt_and_wait(self, code):
        self.execute("int keep = 42;")
        msg_id = self.kc.execute(code)
        time.sleep(1.0)
        started = time.time()
        self.km.interrupt_kernel()
        reply = self.client.reply_to(msg_id, timeout=10)
        return reply, time.time() - started

    def test_interrupt_whenTightLoop_thenStoppedAndStateKept(self):
        for loop in ("while (true) {}", "for (;;) { keep++; keep--; }"):
            with self.subTest(loop=loop):
                reply, seconds = self.interrupt_and_wait(loop)
                self.assertEqual(reply["content"]["status"], "error")
                self.assertEqual(reply["content"]["ename"], "Interrupted")
                self.assertLess(seconds, 2.0)
                after, outputs = self.execute("keep")
                self.assertEqual(after["content"]["status"], "ok", after["content"])
                # the loop may be stopped between keep++ and keep--
                self.assertIn(result_of(outputs), ("42", "43"))

    def test_interrupt_whenSleeping_thenStopped(self):
        reply, seconds = self.interrupt_and_wait("Thread.sleep(100_000);")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertLess(seconds, 2.0)

    def test_interrupt_whenWaitingForInput_thenStopped(self):
        msg_id = self.kc.execute("new java.util.Scanner(System.in).nextLine()", allow_stdin=True)
        self.kc.get_stdin_msg(timeout=30)
        self.km.interrupt_kernel()
        reply = self.client.reply_to(msg_id, timeout=10)
        self.assertEqual(reply["content"]["status"], "error")
        _, outputs = self.execute("1 + 1")
        self.assertEqual(result_of(outputs), "2")


class LifecycleTests(unittest.TestCase):

    def test_restart_whenRequested_thenFreshStateAndHistoryKeptAcrossSessions(self):
        km, kc = start_kernel()
        client = Client(km, kc)
        try:
            client.execute("int beforeRestart = 1;")
            client.execute("\"marker-before-restart\"")
            before = client.request("history", hist_access_type="tail", n=1, output=False, raw=True)
            session_before = before["content"]["history"][0][0]
            km.restart_kernel(now=False)
            kc.wait_for_ready(timeout=60)
            reply, _ = client.execute("beforeRestart")
            self.assertEqual(reply["content"]["status"], "error", "state must not survive a restart")
            found = client.request("history", hist_access_type="search", pattern="\"marker-before-restart\"",
                                   output=False, raw=True)
            self.assertIn(session_before, [row[0] for row in found["content"]["history"]])
            after = client.request("history", hist_access_type="tail", n=1, output=False, raw=True)
            self.assertEqual(after["content"]["history"][0][0], session_before + 1)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)

    def test_shutdown_whenRequestedOnControl_thenRepliesAndExits(self):
        km, kc = start_kernel()
        try:
            msg = kc.session.msg("shutdown_request", {"restart": False})
            kc.control_channel.send(msg)
            reply = kc.get_control_msg(timeout=30)
            self.assertEqual(reply["msg_type"], "shutdown_reply")
            self.assertEqual(reply["content"]["status"], "ok")
            deadline = time.time() + 10
            while km.is_alive() and time.time() < deadline:
                time.sleep(0.1)
            self.assertFalse(km.is_alive(), "the kernel process must exit after shutdown_reply")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)


if __name__ == "__main__":
    unittest.main()
