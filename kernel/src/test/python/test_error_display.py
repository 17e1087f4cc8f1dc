"""What a user sees when a cell fails: short tracebacks about their own code, coloured like IPython's."""
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from kernel_harness import KERNEL_NAME, Client, kernelspec_dir, start_kernel

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def plain(traceback):
    return ANSI.sub("", "\n".join(traceback))


class ErrorDisplayTests(unittest.TestCase):

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

    def error_of(self, code):
        reply, outputs = self.client.execute(code)
        content = reply["content"]
        self.assertEqual(content["status"], "error", content)
        published = [m["content"] for m in outputs if m["msg_type"] == "error"]
        self.assertEqual(len(published), 1)
        self.assertEqual(published[0]["traceback"], content["traceback"], "reply and iopub show the same traceback")
        return content

    def test_invalidInput_whenUnknownUser_thenMessageAndCellLineWithoutLibraryFrames(self):
        error = self.error_of('Iam.demo().user("jordan")')
        self.assertEqual(error["ename"], "iamnb.InvalidInputException")
        self.assertIn("jordan", error["evalue"])
        trace = plain(error["traceback"])
        self.assertIn(error["evalue"], trace)
        self.assertIn("cell line 1", trace)
        for internal in ("AccountView", "lambda$", "Optional", "Trampoline", "jdk.internal"):
            self.assertNotIn(internal, trace)
        self.assertEqual(len(error["traceback"]), 2, trace)

    def test_exception_whenUserMethodThrowsThroughTwoCells_thenBothCellFramesAndNoMachinery(self):
        defined, _ = self.client.execute('String shout(String s) {\n  return s.substring(5).toUpperCase();\n}')
        error = self.error_of('int n = 1;\nshout("abc")')
        trace = plain(error["traceback"])
        self.assertEqual(error["ename"], "java.lang.StringIndexOutOfBoundsException")
        self.assertIn("shout (cell [%d] line 2)" % defined["content"]["execution_count"], trace)
        self.assertIn("at cell line 2", trace)
        # The JDK's frames below the user's call are counted, not listed; only the called method remains.
        self.assertRegex(trace, r"at (java\.base/)?java\.lang\.String\.substring\(")
        self.assertRegex(trace, r"\.\.\. \d+ frames? inside java\.lang\.String\.substring hidden")
        self.assertNotIn("checkBoundsBeginEnd", trace)
        for machinery in ("Trampoline", "jdk.internal.reflect", "jdk.jshell", "iamnb.kernel"):
            self.assertNotIn(machinery, trace)

    def test_exception_whenCauseChain_thenEachCauseKeptAndTrimmed(self):
        error = self.error_of('try {\n  Integer.parseInt("x1");\n} catch (NumberFormatException e) {\n'
                              '  throw new IllegalStateException("config is broken", e);\n}')
        trace = plain(error["traceback"])
        self.assertTrue(trace.startswith("java.lang.IllegalStateException: config is broken"), trace)
        self.assertIn("Caused by: java.lang.NumberFormatException: For input string: \"x1\"", trace)
        cause = trace[trace.index("Caused by:"):]
        self.assertRegex(cause, r"at (java\.base/)?java\.lang\.Integer\.parseInt\(")
        self.assertIn("at cell line 2", cause)
        self.assertNotIn("NumberFormatException.forInputString", cause)

    def test_colours_whenError_thenAnsiInTracebackOnly(self):
        error = self.error_of('throw new IllegalArgumentException("no such thing");')
        self.assertEqual(error["evalue"], "no such thing")
        self.assertIsNone(ANSI.search(error["evalue"]))
        self.assertIsNone(ANSI.search(error["ename"]))
        self.assertEqual(error["traceback"][0], "\x1b[1;31mjava.lang.IllegalArgumentException\x1b[0m: no such thing")
        self.assertIn("\x1b[32mcell line 1\x1b[0m", "\n".join(error["traceback"]))

    def test_colours_whenCompileError_thenCellLineAndErrorColoured(self):
        error = self.error_of("String s = 42;")
        self.assertIsNone(ANSI.search(error["evalue"]))
        self.assertTrue(error["traceback"][0].startswith("\x1b[32mcell line 1\x1b[0m: \x1b[1;31merror\x1b[0m: "),
                        error["traceback"])


class ErrorInHtmlTests(unittest.TestCase):

    def test_nbconvertHtml_whenCellFails_thenColouredTracebackWithTheMessage(self):
        kernelspec_dir()
        jupyter = shutil.which("jupyter") or "/usr/bin/jupyter"
        notebook = {
            "cells": [{"cell_type": "code", "execution_count": None, "id": "fails", "metadata": {}, "outputs": [],
                       "source": 'Iam.demo().user("jordan")'}],
            "metadata": {"kernelspec": {"name": KERNEL_NAME, "display_name": "iamnb", "language": "java"}},
            "nbformat": 4, "nbformat_minor": 5,
        }
        with tempfile.TemporaryDirectory() as out:
            source = os.path.join(out, "fails.ipynb")
            with open(source, "w") as f:
                json.dump(notebook, f)
            done = subprocess.run(
                [jupyter, "nbconvert", "--to", "html", "--execute", "--allow-errors", source,
                 "--ExecutePreprocessor.kernel_name=" + KERNEL_NAME, "--ExecutePreprocessor.timeout=120",
                 "--output-dir", out, "--output", "fails.html"],
                capture_output=True, text=True, timeout=300, env=os.environ)
            self.assertEqual(done.returncode, 0, done.stderr[-3000:])
            with open(os.path.join(out, "fails.html")) as f:
                html = f.read()
        self.assertNotIn("\x1b[", html, "escape codes must become markup")
        self.assertRegex(html, r'<span class="ansi-red-intense-fg ansi-bold">iamnb\.InvalidInputException</span>'
                         r'|<span class="ansi-bold ansi-red-intense-fg">iamnb\.InvalidInputException</span>'
                         r'|<span class="ansi-red-fg ansi-bold">iamnb\.InvalidInputException</span>')
        self.assertRegex(html, r'<span class="ansi-green-fg">cell line 1</span>')
        self.assertRegex(html, r'has no user &(quot|#34);jordan&(quot|#34);', "the library's message is shown")


if __name__ == "__main__":
    unittest.main()
