"""The kernel's own dependencies never shadow what a notebook adds with %maven.

The shaded kernel jar relocates its plumbing (Jackson, JeroMQ, Maven Resolver, SLF4J and what they bring)
under iamnb.shaded, so notebook code sees only the JDK, the library and its API types (Tablesaw, XChart,
the AWS SDK), plus whatever it adds itself. Driven through the real jupyter_client against the built jar.

Run by run_tests.py (Maven's verify), or alone:
    IAMNB_KERNEL_JAR=kernel/target/iamnb-kernel.jar /usr/bin/python3 -m unittest -v test_maven_isolation
(from kernel/src/test/python). %maven resolves from ~/.m2 first, then Maven Central.
"""
import shutil
import tempfile
import unittest

from jupyter_client.manager import start_new_kernel

import kernel_harness

# A release other than the kernel's own Jackson (2.23.0): if the kernel's copy shadowed the notebook's,
# PackageVersion would report 2.23.0. JsonNode.asOptional() came after 2.18 (the kernel's 2.23 has it), so 2.17 must not.
USER_JACKSON = "2.17.2"


class MavenIsolationTest(unittest.TestCase):
    """One kernel for the whole class; tests that need the notebook's own Jackson add it first."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="iamnb-isolation-")
        kernel_harness.kernelspec_dir()
        cls.km, cls.kc = start_new_kernel(kernel_name=kernel_harness.KERNEL_NAME, startup_timeout=60, cwd=cls.tmp)
        cls.jackson_added = False

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def run_cell(self, code, timeout=180):
        outputs = []

        def hook(msg):
            if msg["msg_type"] not in ("status", "execute_input"):
                outputs.append(msg)

        reply = self.kc.execute_interactive(code, output_hook=hook, timeout=timeout)
        return reply["content"], outputs

    def ok(self, code, timeout=180):
        reply, outputs = self.run_cell(code, timeout)
        self.assertEqual("ok", reply["status"],
                         f"{code!r} failed: {reply.get('ename')}: {reply.get('evalue')} {reply.get('traceback')}")
        return outputs

    def result_data(self, code):
        results = [m["content"]["data"] for m in self.ok(code) if m["msg_type"] == "execute_result"]
        self.assertEqual(1, len(results), f"{code!r} gave no single result")
        return results[0]

    def text(self, code):
        return self.result_data(code)["text/plain"]

    def add_user_jackson(self):
        if not MavenIsolationTest.jackson_added:
            self.ok("%maven com.fasterxml.jackson.core:jackson-databind:" + USER_JACKSON)
            MavenIsolationTest.jackson_added = True

    def test_kernelPlumbing_isNotOnTheNotebookClassPath(self):
        for name in ["com.fasterxml.jackson.databind.ObjectMapper", "org.zeromq.ZMQ", "zmq.ZMQ",
                     "org.eclipse.aether.RepositorySystem", "org.apache.maven.model.Model", "org.slf4j.Logger",
                     "com.google.gson.Gson", "org.apache.http.client.HttpClient", "org.codehaus.plexus.util.StringUtils"]:
            with self.subTest(name=name):
                # Asked through the notebook's own loader, as `import` and `new` would.
                found = self.text('var loader = Thread.currentThread().getContextClassLoader(); '
                                  'boolean found; try { Class.forName("%s", false, loader); found = true; } '
                                  'catch (ClassNotFoundException e) { found = false; } found' % name)
                self.assertEqual("false", found, name + " leaks from the kernel into notebook code")

    def test_libraryApiTypes_keepTheirOwnNames(self):
        # Tablesaw and XChart are what the library returns: notebooks name them, so they are never relocated.
        self.assertEqual("tech.tablesaw.api.Table", self.text("Iam.demo().users().getClass().getName()"))
        self.assertEqual("org.knowm.xchart.XYChart",
                         self.text('org.knowm.xchart.QuickChart.getChart("t", "x", "y", "s", '
                                   'new double[] {1, 2}, new double[] {3, 4}).getClass().getName()'))

    def test_mavenJackson_isTheVersionAskedForNotTheKernels(self):
        self.add_user_jackson()
        self.assertEqual(USER_JACKSON,
                         self.text("com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString()"))
        # An API added after 2.18 is absent: the notebook really compiles against the jar it asked for.
        reply, _ = self.run_cell('new com.fasterxml.jackson.databind.ObjectMapper().readTree("1").asOptional()')
        self.assertEqual("error", reply["status"])
        self.assertIn("cannot find symbol", reply["evalue"])
        self.assertIn("asOptional()", "\n".join(reply["traceback"]))

    def test_mavenJackson_treeRendersAsJson(self):
        self.add_user_jackson()
        self.ok('var tree = new com.fasterxml.jackson.databind.ObjectMapper()'
                '.readTree("{\\"Effect\\": \\"Deny\\", \\"n\\": [1, 2]}");')
        data = self.result_data("tree")
        self.assertEqual({"Effect": "Deny", "n": [1, 2]}, data["application/json"])
        self.assertIn('"Effect" : "Deny"', data["text/plain"])
        # Json.of and a record holding the notebook's tree go through the kernel's own (relocated) Jackson.
        shown = [m["content"]["data"] for m in self.ok("display(Json.of(tree.get(\"n\")));")
                 if m["msg_type"] == "display_data"]
        self.assertEqual([1, 2], shown[0]["application/json"])
        self.ok("record Holder(String name, com.fasterxml.jackson.databind.JsonNode doc) {}")
        self.assertEqual({"name": "p", "doc": {"Effect": "Deny", "n": [1, 2]}},
                         self.result_data('new Holder("p", tree)')["application/json"])

    def test_library_keepsWorkingBesideTheNotebooksJackson(self):
        # The library parses policies and snapshots with the kernel's Jackson, whatever the notebook loaded.
        self.add_user_jackson()
        self.ok('var acct = Iam.demo(); var dir = Files.createTempDirectory("iamnb-iso"); acct.save(dir);')
        self.assertEqual(self.text("acct.users().rowCount()"),
                         self.text("Iam.fromSnapshot(dir).users().rowCount()"))
        self.assertEqual(self.text("acct.policies().rowCount()"),
                         self.text("Iam.fromSnapshot(dir).policies().rowCount()"))


if __name__ == "__main__":
    unittest.main()
