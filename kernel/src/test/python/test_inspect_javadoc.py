"""Shift-Tab (inspect_request) and `?` show Javadoc, for the library (its sources travel in the kernel jar) and for
the JDK when its sources are installed (JAVA_HOME/lib/src.zip; Debian: openjdk-17-source, Temurin ships it).

The expected text is read from the sources themselves, so these tests follow the Javadoc as it is edited."""
import glob
import os
import re
import shutil
import unittest
import zipfile

from kernel_harness import REPO, Client, start_kernel

LIBRARY_SOURCES = os.path.join(REPO, "library", "src", "main", "java")


def first_words(comment, count=8):
    """The first `count` words of a Javadoc comment's text, inline tags and HTML reduced to their words."""
    text = re.sub(r"^\s*\*", " ", comment, flags=re.M)
    text = re.sub(r"\{@(?:code|link|linkplain|literal)\s+([^}]*)\}", r"\1", text)
    text = re.sub(r"<[^>]+>", " ", text)
    return " ".join(text.split()[:count])


def javadoc_before(source, declaration):
    """The Javadoc comment right before the first match of the regex `declaration` in `source`."""
    match = re.search(r"/\*\*((?:(?!\*/).)*)\*/\s*(?:@\w+(?:\([^)]*\))?\s*)*" + declaration, source, re.S)
    if not match:
        raise AssertionError("no Javadoc before %r" % declaration)
    return match.group(1)


def library_javadoc(declaration, in_file="**/*.java"):
    """The first words of the Javadoc of what `declaration` (a regex) declares in the library's sources."""
    for path in glob.glob(os.path.join(LIBRARY_SOURCES, in_file), recursive=True):
        with open(path, encoding="utf-8") as f:
            source = f.read()
        if re.search(declaration, source):
            return first_words(javadoc_before(source, declaration))
    raise AssertionError("no library source declares %r" % declaration)


def java_home_under_test():
    configured = os.environ.get("IAMNB_TEST_JAVA_HOME")
    if configured:
        return configured
    return os.path.dirname(os.path.dirname(os.path.realpath(shutil.which("java"))))


def flat(text):
    return " ".join(text.split())


class JavadocTests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_kernel()
        cls.client = Client(cls.km, cls.kc)
        reply, _ = cls.client.execute("var acct = Iam.demo();")
        assert reply["content"]["status"] == "ok", reply["content"]

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=False)

    def inspect_text(self, code):
        reply = self.client.request("inspect", code, len(code))
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertTrue(reply["content"]["found"], "nothing found for %r" % code)
        return reply["content"]["data"]

    def test_helpQuery_whenLibraryMethod_thenPagerShowsItsJavadoc(self):
        expected = library_javadoc(r"public\s+static\s+[\w.]*Account\s+demo\(\)", "iamnb/Iam.java")
        reply, _ = self.client.execute("?Iam.demo")
        pages = [p for p in reply["content"]["payload"] if p["source"] == "page"]
        self.assertEqual(len(pages), 1, reply["content"])
        self.assertIn(expected, flat(pages[0]["data"]["text/plain"]))
        self.assertIn("demo()", pages[0]["data"]["text/plain"], "the signature comes first")

    def test_inspect_whenMethodOfAVariable_thenJavadocOfTheDeclaringClass(self):
        expected = library_javadoc(r"public\s+[\w.]*Audit\s+audit\(\)")
        data = self.inspect_text("acct.audit")
        self.assertIn(expected, flat(data["text/plain"]))
        self.assertNotIn("{@", data["text/plain"], "inline tags are shown as their text")
        self.assertIn("<code>", data["text/html"], "{@code ...} becomes <code> in HTML")

    def test_inspect_whenLibraryClass_thenClassJavadoc(self):
        expected = library_javadoc(r"public\s+(?:final\s+)?(?:class|record)\s+Findings\b")
        data = self.inspect_text("iamnb.audit.Findings")
        self.assertIn(expected, flat(data["text/plain"]))

    def test_helpQuery_whenJdkClassAndJdkSourcesInstalled_thenItsJavadoc(self):
        src_zip = os.path.join(java_home_under_test(), "lib", "src.zip")
        if not os.path.isfile(src_zip):
            self.skipTest("the JDK's sources are not installed (%s; Debian package openjdk-17-source), so JShell "
                          "has no JDK Javadoc to show" % src_zip)
        with zipfile.ZipFile(src_zip) as z:
            source = z.read("java.base/java/lang/String.java").decode("utf-8")
        expected = first_words(javadoc_before(source, r"public\s+final\s+class\s+String\b"))
        reply, _ = self.client.execute("String?")
        page = [p for p in reply["content"]["payload"] if p["source"] == "page"][0]
        self.assertIn(expected, flat(page["data"]["text/plain"]))


if __name__ == "__main__":
    unittest.main()
