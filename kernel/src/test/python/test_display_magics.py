"""Rich display and magics, driven through the real jupyter_client against the built kernel.

Run by run_tests.py (Maven's verify), or alone:
    IAMNB_KERNEL_JAR=kernel/target/iamnb-kernel.jar /usr/bin/python3 -m unittest -v test_display_magics
(from kernel/src/test/python). The kernel starts through kernel_harness, i.e. the real launcher.
"""
import base64
import glob
import os
import shutil
import subprocess
import tempfile
import time
import unittest
import uuid

from jupyter_client.manager import start_new_kernel

import kernel_harness

M2 = os.path.expanduser("~/.m2/repository")


class KernelCase(unittest.TestCase):
    """One kernel for the whole class: start-up is paid once."""
    hung = ""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="iamnb-display-")
        kernel_harness.kernelspec_dir()
        # The kernel's working directory is a scratch folder: %load and %classpath resolve against it.
        cls.km, cls.kc = start_new_kernel(kernel_name=kernel_harness.KERNEL_NAME, startup_timeout=60, cwd=cls.tmp)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def run_cell(self, code, timeout=120):
        """Executes code; returns (reply content, list of iopub messages other than status/execute_input)."""
        outputs = []

        def hook(msg):
            if msg["msg_type"] not in ("status", "execute_input"):
                outputs.append(msg)

        if KernelCase.hung:
            self.fail("the kernel stopped answering in an earlier test: " + KernelCase.hung)
        try:
            reply = self.kc.execute_interactive(code, output_hook=hook, timeout=timeout)
        except TimeoutError:
            KernelCase.hung = code  # later tests fail at once instead of waiting out their own timeouts
            raise
        return reply["content"], outputs

    def ok(self, code, timeout=120):
        reply, outputs = self.run_cell(code, timeout)
        self.assertEqual("ok", reply["status"], f"{code!r} failed: {reply.get('ename')}: {reply.get('evalue')}"
                         f" {reply.get('traceback')} outputs={outputs}")
        return outputs

    @staticmethod
    def of_type(outputs, *types):
        return [m for m in outputs if m["msg_type"] in types]

    @staticmethod
    def stream(outputs, name="stdout"):
        return "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream" and m["content"]["name"] == name)

    def result_data(self, code):
        outputs = self.ok(code)
        results = self.of_type(outputs, "execute_result")
        self.assertEqual(1, len(results), outputs)
        return results[0]["content"]["data"]


class DisplayTest(KernelCase):

    def test_table_rendersHtmlTableWithCaptionAndTextFallback(self):
        data = self.result_data(
            'var t = Table.create("keys", StringColumn.create("user", "alice", "<bob>"), '
            'IntColumn.create("age_days", 1200, 3), '
            'InstantColumn.create("created", new Instant[] {Instant.parse("2024-01-02T03:04:05Z"), null})); t')
        html = data["text/html"]
        self.assertIn("<table", html)
        self.assertIn("keys · 2 rows × 3 columns", html)
        self.assertIn(">1,200<", html)
        self.assertIn(">2024-01-02T03:04:05Z<", html)
        self.assertIn("&lt;bob&gt;", html)
        self.assertIn('title="missing value"><div align="left">NA<', html)
        self.assertTrue(data["text/plain"].startswith("keys · 2 rows × 3 columns"), data["text/plain"])

    def test_longTable_showsFirstAndLastRowsAroundAnEllipsisRow(self):
        html = self.result_data('Table.create("n", IntColumn.create("i", java.util.stream.IntStream.range(0, 1000).toArray()))')["text/html"]
        self.assertIn("975 more rows", html)
        self.assertIn(">999<", html)
        self.assertNotIn(">500<", html)

    def test_chart_rendersBase64PngAtChartSizeAndSvgOnRequest(self):
        self.ok('var chart = org.knowm.xchart.QuickChart.getChart("Key age", "days", "keys", "age", '
                'new double[] {1, 2, 3}, new double[] {5, 3, 8});')
        outputs = self.ok("chart")
        result = self.of_type(outputs, "execute_result")[0]["content"]
        png = base64.b64decode(result["data"]["image/png"], validate=True)
        self.assertEqual(b"\x89PNG", png[:4])
        self.assertNotIn("\n", result["data"]["image/png"])
        self.assertEqual({"width": 600, "height": 400}, result["metadata"]["image/png"])
        svg = self.of_type(self.ok("display(Svg.of(chart));"), "display_data")[0]["content"]["data"]["image/svg+xml"]
        self.assertIsInstance(svg, str)
        self.assertTrue(svg.startswith("<svg"), svg[:80])

    def test_bufferedImage_rendersPng(self):
        data = self.result_data("new java.awt.image.BufferedImage(20, 10, java.awt.image.BufferedImage.TYPE_INT_RGB)")
        self.assertEqual(b"\x89PNG", base64.b64decode(data["image/png"])[:4])
        self.assertEqual("BufferedImage 20×10", data["text/plain"])

    def test_jsonNode_isSentAsAJsonObjectNotAString(self):
        # The kernel's own Jackson is relocated (test_maven_isolation): a notebook brings its own.
        self.ok("%maven com.fasterxml.jackson.core:jackson-databind:2.23.0")
        data = self.result_data('new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\\"Effect\\": \\"Deny\\", \\"n\\": [1, 2]}")')
        self.assertEqual({"Effect": "Deny", "n": [1, 2]}, data["application/json"])
        self.assertIn('"Effect" : "Deny"', data["text/plain"])

    def test_record_rendersAsJsonWithIsoInstants(self):
        self.ok("record KeyAge(String user, Instant created, int days) {}")
        data = self.result_data('new KeyAge("alice", Instant.parse("2024-01-02T03:04:05Z"), 42)')
        self.assertEqual({"user": "alice", "created": "2024-01-02T03:04:05Z", "days": 42}, data["application/json"])
        self.assertTrue(data["text/plain"].startswith("KeyAge {"), data["text/plain"])

    def test_collectionsAndPrimitives_renderAsText(self):
        self.assertEqual({"text/plain": "[1, 2, 3]"}, self.result_data("new int[] {1, 2, 3}"))
        self.assertEqual({"text/plain": "hello"}, self.result_data('"hello"'))

    def test_valueTypes_renderTheirMimeTypes(self):
        outputs = self.ok('display(new Markdown("**bold**")); display(Html.of("<i>x</i>")); '
                          'display(Json.of("[1, {\\"a\\": true}]")); '
                          'display(Svg.of("<svg xmlns=\'http://www.w3.org/2000/svg\' width=\'4\' height=\'4\'/>"));')
        data = [m["content"]["data"] for m in self.of_type(outputs, "display_data")]
        self.assertEqual(4, len(data), outputs)
        self.assertEqual("**bold**", data[0]["text/markdown"])
        self.assertEqual("<i>x</i>", data[1]["text/html"])
        self.assertEqual("x", data[1]["text/plain"])
        self.assertEqual([1, {"a": True}], data[2]["application/json"])
        self.assertIn("<svg", data[3]["image/svg+xml"])

    def test_display_withMimeTypes_keepsOnlyThose(self):
        outputs = self.ok('display(Table.create("t", IntColumn.create("n", 1)), "text/plain");')
        data = self.of_type(outputs, "display_data")[0]["content"]["data"]
        self.assertEqual(["text/plain"], list(data))

    def test_updateDisplay_replacesTheOutputWithTheSameId(self):
        outputs = self.ok('var h = display(Markdown.of("one")); h.update(Markdown.of("two")); '
                          'updateDisplay(h.id(), Markdown.of("three"));')
        shown = self.of_type(outputs, "display_data")
        updates = self.of_type(outputs, "update_display_data")
        self.assertEqual(1, len(shown))
        self.assertEqual(2, len(updates))
        display_id = shown[0]["content"]["transient"]["display_id"]
        self.assertTrue(display_id)
        self.assertEqual([display_id, display_id], [u["content"]["transient"]["display_id"] for u in updates])
        self.assertEqual("three", updates[-1]["content"]["data"]["text/markdown"])

    def test_clearOutput_sendsClearOutputWithWait(self):
        outputs = self.ok('System.out.println("before"); clearOutput(true); System.out.println("after");')
        clears = self.of_type(outputs, "clear_output")
        self.assertEqual([True], [c["content"]["wait"] for c in clears])
        types = [m["msg_type"] for m in outputs]
        self.assertLess(types.index("stream"), types.index("clear_output"), "output before the clear is sent first")

    def test_progress_updatesInPlaceThrottledAndEndsWithASummary(self):
        outputs = self.ok('try (var p = progress("roles", 50)) { for (int i = 0; i < 50; i++) { Thread.sleep(10); p.step(); } }')
        shown = self.of_type(outputs, "display_data")
        updates = self.of_type(outputs, "update_display_data")
        self.assertEqual(1, len(shown))
        self.assertIn("<div", shown[0]["content"]["data"]["text/html"])
        self.assertGreaterEqual(len(updates), 2)
        self.assertLessEqual(len(updates), 12, "at most ~10 redraws a second over ~0.6 s, plus the summary")
        self.assertTrue(updates[-1]["content"]["data"]["text/plain"].startswith("✓ roles: 50 of 50 in"),
                        updates[-1]["content"]["data"])

    def test_throwingRenderer_namesItOnStderrAndFallsBackToText(self):
        self.ok('class Boom { public Map<String, Object> toMimeBundle() { throw new IllegalStateException("kaput"); } '
                'public String toString() { return "boom as text"; } }')
        reply, outputs = self.run_cell('System.out.println("first"); new Boom()')
        self.assertEqual("ok", reply["status"])
        self.assertIn("first", self.stream(outputs))
        self.assertIn("MimeBundleMethodRenderer", self.stream(outputs, "stderr"))
        self.assertIn("kaput", self.stream(outputs, "stderr"))
        self.assertEqual({"text/plain": "boom as text"}, self.of_type(outputs, "execute_result")[0]["content"]["data"])
        self.assertEqual({"text/plain": "2"}, self.result_data("1 + 1"))


class MagicsTest(KernelCase):

    def test_lsmagic_listsEveryMagic(self):
        text = self.stream(self.ok("%lsmagic"))
        for name in ["%maven", "%mavenRepo", "%classpath", "%load", "%time", "%timeit", "%env", "%vars", "%lsmagic",
                     "%%bash", "%%sh", "%%html", "%%markdown", "%%time", "%%timeit"]:
            self.assertIn(name, text)

    def test_maven_resolvesTransitivelyFromTheLocalRepositoryAndClassesBecomeUsable(self):
        text_jar = os.path.join(M2, "org/apache/commons/commons-text/1.12.0/commons-text-1.12.0.jar")
        if not os.path.exists(text_jar):
            self.skipTest("commons-text 1.12.0 not in the local repository")
        outputs = self.ok("%maven org.apache.commons:commons-text:1.12.0")
        printed = self.stream(outputs)
        self.assertIn("commons-text-1.12.0.jar", printed)
        self.assertIn("commons-lang3-", printed, "the dependency came along")
        data = self.result_data('org.apache.commons.text.WordUtils.capitalize("admin role") + " / " + '
                                'org.apache.commons.lang3.StringUtils.reverse("abc")')
        self.assertEqual("Admin Role / cba", data["text/plain"])

    def test_maven_whenArtifactUnknown_thenClearError(self):
        reply, _ = self.run_cell("%maven io.iamnb.nothing:no-such-thing:0.0.1")
        self.assertEqual("error", reply["status"])
        self.assertIn("cannot resolve io.iamnb.nothing:no-such-thing:0.0.1", reply["evalue"])

    def test_mavenRepo_addsAndLists(self):
        self.ok("%mavenRepo local-files file:///tmp/iamnb-no-repo/")
        self.assertIn("local-files file:///tmp/iamnb-no-repo/", self.stream(self.ok("%mavenRepo")))

    def test_classpath_addsJarsByGlob(self):
        lang = sorted(glob.glob(os.path.join(M2, "org/apache/commons/commons-collections4/*/commons-collections4-*.jar")))
        if not lang:
            self.skipTest("no commons-collections4 jar in the local repository")
        libdir = os.path.join(self.tmp, "lib")
        os.makedirs(libdir, exist_ok=True)
        shutil.copy(lang[-1], libdir)
        self.assertIn("added 1 entry", self.stream(self.ok("%classpath lib/*.jar")))
        self.assertEqual({"text/plain": "true"},
                         self.result_data("org.apache.commons.collections4.CollectionUtils.isEmpty(List.of())"))

    def test_load_runsAFileOfSnippets(self):
        with open(os.path.join(self.tmp, "helpers.jsh"), "w") as f:
            f.write("int triple(int x) { return 3 * x; }\nvar loaded = triple(14);\n")
        self.ok("%load helpers.jsh")
        self.assertEqual({"text/plain": "42"}, self.result_data("loaded"))

    def test_time_printsWallAndCpuAndShowsTheValue(self):
        outputs = self.ok("%time java.util.stream.IntStream.range(0, 1000).sum()")
        self.assertRegex(self.stream(outputs), r"CPU time: [\d.]+ (ns|µs|ms|s), Wall time: [\d.]+ (ns|µs|ms|s)")
        self.assertEqual({"text/plain": "499500"}, self.of_type(outputs, "execute_result", "display_data")[0]["content"]["data"])
        self.assertIn("Wall time", self.stream(self.ok("%%time\nint s = 0;\nfor (int i = 0; i < 10; i++) s += i;")))

    def test_timeit_printsMeanAndStdDev(self):
        text = self.stream(self.ok("%timeit -n 100 -r 3 Math.sqrt(2)"))
        self.assertRegex(text, r"[\d.]+ (ns|µs|ms|s) ± [\d.]+ (ns|µs|ms|s) per loop \(mean ± std\. dev\. of 3 runs, 100 loops each\)")
        self.assertIn("per loop", self.stream(self.ok("%%timeit -n 5 -r 2\nvar l = new ArrayList<Integer>();\nl.add(1);")))

    def test_htmlAndMarkdownCells(self):
        html = self.of_type(self.ok("%%html\n<b>bold</b>"), "display_data")[0]["content"]["data"]
        self.assertEqual("<b>bold</b>", html["text/html"])
        md = self.of_type(self.ok("%%markdown\n# Title"), "display_data")[0]["content"]["data"]
        self.assertEqual("# Title", md["text/markdown"])

    def test_bash_streamsOutputAndSeesEnvMagic(self):
        self.ok("%env IAMNB_TEST_GREETING=hello from env")
        outputs = self.ok("%%bash\necho \"$IAMNB_TEST_GREETING\"\necho oops >&2\nexit 3")
        self.assertEqual("hello from env\n", self.stream(outputs))
        self.assertIn("oops", self.stream(outputs, "stderr"))
        self.assertIn("exited with status 3", self.stream(outputs, "stderr"))
        self.assertIn("sh works", self.stream(self.ok("%%sh\necho sh works")))

    def test_env_masksSecrets(self):
        self.ok("%env MY_SECRET_TOKEN=s3cr3t")
        text = self.stream(self.ok("%env"))
        self.assertIn("MY_SECRET_TOKEN=******", text)
        self.assertNotIn("s3cr3t", text)

    def test_vars_listsVariablesWithTypesAndValues(self):
        self.ok('var region = "eu-west-1"; int count = 7;')
        data = self.of_type(self.ok("%vars"), "display_data")[0]["content"]["data"]
        self.assertIn(">region<", data["text/html"])
        self.assertIn(">&quot;eu-west-1&quot;<", data["text/html"])
        self.assertNotIn(">$1<", data["text/html"], "unnamed results are not listed")
        self.assertIn(">count<", data["text/html"])
        self.assertIn(">int<", data["text/html"])

    def test_unknownMagic_suggestsCloseNames(self):
        reply, _ = self.run_cell("%mavn org.x:y:1")
        self.assertEqual("error", reply["status"])
        self.assertIn("unknown magic %mavn", reply["evalue"])
        self.assertIn("did you mean %maven", reply["evalue"])

    def test_complete_offersMagics(self):
        self.kc.complete("%ma", 3)
        reply = self.kc.get_shell_msg(timeout=10)["content"]
        self.assertEqual(["%maven", "%mavenRepo"], reply["matches"])
        self.assertEqual(0, reply["cursor_start"])

    def test_interrupt_killsABashCellAndTheKernelStaysUsable(self):
        marker = str(1000 + uuid.uuid4().int % 8000)
        msg_id = self.kc.execute(f"%%bash\necho started\nsleep {marker}")
        deadline = time.time() + 30
        while time.time() < deadline:  # wait until the script runs
            if subprocess.run(["pgrep", "-f", f"sleep {marker}"], capture_output=True).returncode == 0:
                break
            time.sleep(0.1)
        else:
            self.fail("the script never started")
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=30)
        self.assertEqual(msg_id, reply["parent_header"]["msg_id"])
        self.assertEqual("error", reply["content"]["status"])
        time.sleep(0.5)
        self.assertNotEqual(0, subprocess.run(["pgrep", "-f", f"sleep {marker}"], capture_output=True).returncode,
                            "the sleep process was killed")
        self.assertEqual({"text/plain": "2"}, self.result_data("1 + 1"))


class DisplayTourNotebookTest(unittest.TestCase):
    """notebooks/01-display-tour.ipynb runs top to bottom and exports to HTML with its table and chart."""

    def test_tour_executesAndExportsTableAndChartToHtml(self):
        kernel_harness.kernelspec_dir()
        notebook = os.path.join(kernel_harness.REPO, "notebooks", "01-display-tour.ipynb")
        out = tempfile.mkdtemp(prefix="iamnb-tour-")
        try:
            done = subprocess.run(["jupyter", "nbconvert", "--to", "html", "--execute",
                                   "--ExecutePreprocessor.kernel_name=" + kernel_harness.KERNEL_NAME,
                                   "--ExecutePreprocessor.timeout=120", "--output-dir", out, "--output", "tour.html",
                                   notebook], capture_output=True, text=True, timeout=300)
            self.assertEqual(0, done.returncode, done.stderr[-3000:])
            with open(os.path.join(out, "tour.html")) as f:
                html = f.read()
            self.assertIn('class="iamnb-table"', html)
            self.assertIn("access keys as of 2026-11-01T00:00:00Z · ", html)
            self.assertIn('src="data:image/png;base64,', html, "the chart is an inline PNG")
            self.assertIn("✓ users:", html, "the progress bar ended as its summary line")
            self.assertNotIn("Traceback", html)
        finally:
            shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
