"""Opens every shipped notebook in the classic Jupyter Notebook under headless Chromium, untrusted (as a clone is)
and trusted (as install.sh leaves the notebooks it reproduced), and checks what a reader sees there: computed
styles, not markup.

  * severity and verdict badges still look like badges: a background that is not the page's;
  * text columns are left-aligned, number columns right-aligned;
  * columns of long text (findings, evidence, reasons) are not squeezed into narrow strips.

The server is Debian's classic notebook (python3 -m notebook) on a free port of 127.0.0.1 with a token and its own
config, data and runtime folders, so trust is decided here: untrusted first, then signed with
`python3 -m nbformat.sign` in that data folder, as install.sh does. Kernels start from the temporary kernelspec of
kernel_harness (the built jar). Chromium is Debian's, driven by playwright-core (kernel/src/test/browser, installed
by install/test.sh with `npm ci`). Screenshots: kernel/target/browser-notebooks/{untrusted,trusted}/NAME.png.
"""
import json
import os
import pathlib
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request

from kernel_harness import REPO, kernelspec_dir

NOTEBOOKS = pathlib.Path(REPO, "notebooks")
BROWSER = pathlib.Path(REPO, "kernel", "src", "test", "browser")
SHOTS = pathlib.Path(REPO, "kernel", "target", "browser-notebooks")
CHROMIUM = "/usr/bin/chromium"
PYTHON = "/usr/bin/python3"

LEFT = {"left", "start", "-webkit-left"}
RIGHT = {"right", "end", "-webkit-right"}
NUMBER = r"^[-+]?[\d,]+(\.\d+)?%?$"
# A 12-digit AWS account id is an identifier, text in a text column (organization tables), read left to right.
ACCOUNT_ID = r"^\d{12}$"
MIN_TEXT_COLUMN_PX = 120     # a cell of long text narrower than this reads as a strip, a few words a line
LONG_TEXT = 60


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def missing_tools():
    problems = []
    if not os.access(CHROMIUM, os.X_OK):
        problems.append("Debian's chromium (%s; apt-get install chromium)" % CHROMIUM)
    if not (BROWSER / "node_modules" / "playwright-core").is_dir():
        problems.append("playwright-core (cd %s && npm ci)" % BROWSER)
    if not shutil.which("node"):
        problems.append("node (apt-get install nodejs)")
    return problems


class ClassicNotebookServer:
    """`python3 -m notebook` with its own config/data/runtime folders, serving a copy of the shipped notebooks."""

    def __init__(self):
        self.home = pathlib.Path(tempfile.mkdtemp(prefix="iamnb-browser-"))
        self.root = self.home / "notebooks"
        shutil.copytree(NOTEBOOKS, self.root, ignore=shutil.ignore_patterns("src", ".ipynb_checkpoints"))
        self.env = dict(os.environ, JUPYTER_CONFIG_DIR=str(self.home / "config"),
                        JUPYTER_DATA_DIR=str(self.home / "data"), JUPYTER_RUNTIME_DIR=str(self.home / "runtime"),
                        JUPYTER_PATH=kernelspec_dir(), PYDEVD_DISABLE_FILE_VALIDATION="1")
        self.token = secrets.token_hex(16)
        self.port = free_port()
        self.url = "http://127.0.0.1:%d" % self.port
        self.log = open(self.home / "server.log", "w")
        self.process = subprocess.Popen(
            [PYTHON, "-m", "notebook", "--no-browser", "--ip=127.0.0.1", "--port=%d" % self.port,
             "--port-retries=0", "--NotebookApp.token=" + self.token, "--NotebookApp.allow_root=True",
             "--notebook-dir=" + str(self.root)],
            env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        self._wait_until_up()

    def _wait_until_up(self, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("jupyter notebook exited: " + (self.home / "server.log").read_text())
            try:
                urllib.request.urlopen("%s/api/status?token=%s" % (self.url, self.token), timeout=2).read()
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("jupyter notebook did not answer within %ss" % timeout)

    def notebooks(self):
        return sorted(p.name for p in self.root.glob("*.ipynb"))

    def trust_all(self):
        """What install.sh does for the notebooks it reproduced: sign them in this server's data folder."""
        subprocess.run([PYTHON, "-m", "nbformat.sign"] + [str(self.root / n) for n in self.notebooks()],
                       env=self.env, check=True, stdout=subprocess.DEVNULL)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()
        shutil.rmtree(self.home, ignore_errors=True)


def look_at(server, state):
    """Runs notebook_views.js on every notebook; returns its facts, one dict per notebook."""
    shots = SHOTS / state
    shutil.rmtree(shots, ignore_errors=True)
    done = subprocess.run(["node", str(BROWSER / "notebook_views.js"), "--url", server.url, "--token", server.token,
                           "--shots", str(shots)] + server.notebooks(),
                          cwd=str(BROWSER), capture_output=True, text=True, timeout=240)
    if done.returncode != 0:
        raise AssertionError("notebook_views.js failed:\n" + done.stderr[-4000:])
    print("\n" + state + ": " + " · ".join(done.stderr.split("\n")), file=sys.stderr)
    return json.loads(done.stdout)


@unittest.skipIf(os.environ.get("IAMNB_SKIP_BROWSER_TEST") == "1", "IAMNB_SKIP_BROWSER_TEST=1")
class BrowserNotebooksTest(unittest.TestCase):
    server = None

    @classmethod
    def setUpClass(cls):
        problems = missing_tools()
        if problems:
            raise RuntimeError("the browser test needs " + "; ".join(problems) + " (install/test.sh installs them)")
        cls.started = time.time()
        cls.server = ClassicNotebookServer()

    @classmethod
    def tearDownClass(cls):
        if cls.server:
            cls.server.stop()
        print("\nbrowser test: %.0f s, screenshots in %s" % (time.time() - cls.started, SHOTS), file=sys.stderr)

    def check_reads_well(self, facts, trusted):
        for nb in facts:
            name = nb["notebook"]
            with self.subTest(notebook=name):
                self.assertEqual(trusted, nb["trusted"], "%s: trusted state" % name)
                page = "rgb(255, 255, 255)"
                for badge in nb["badges"]:
                    self.assertTrue(badge["visible"], "%s: badge %s not visible" % (name, badge["text"]))
                    self.assertNotIn(badge["background"], (page, "rgba(0, 0, 0, 0)"),
                                     "%s: badge %s has no background of its own (screenshot %s)"
                                     % (name, badge["text"], nb["screenshot"]))
                    self.assertNotEqual(badge["background"], badge["color"], "%s: badge %s unreadable" % (name, badge["text"]))
                for cell in nb["cells"]:
                    where = "%s table %d column %d %r" % (name, cell["table"], cell["column"], cell["text"][:50])
                    if re.match(ACCOUNT_ID, cell["text"]):
                        self.assertIn(cell["align"], LEFT, where + ": an account id is text, left-aligned")
                    elif re.match(NUMBER, cell["text"]):
                        self.assertIn(cell["align"], RIGHT, where + ": a number must be right-aligned")
                    elif re.search(r"[A-Za-z]{3}", cell["text"]):
                        self.assertIn(cell["align"], LEFT, where + ": text must be left-aligned")
                        # Geometry agrees: text narrower than its cell hugs the left edge.
                        if cell["rightGap"] > 8:
                            self.assertLessEqual(cell["leftGap"], 2, where + ": text drawn away from the left edge")
                    if cell["length"] > LONG_TEXT:
                        self.assertGreaterEqual(cell["width"], MIN_TEXT_COLUMN_PX,
                                                where + ": long text squeezed into a %d px strip" % cell["width"])

    def test_1_untrusted_notebooks_keep_badges_alignment_and_column_widths(self):
        facts = look_at(self.server, "untrusted")
        self.assertEqual(len(self.server.notebooks()), len(facts))
        self.assertGreater(sum(len(nb["badges"]) for nb in facts), 20, "the findings notebooks show badges")
        self.check_reads_well(facts, trusted=False)

    def test_2_trusted_notebooks_keep_badges_alignment_and_column_widths(self):
        self.server.trust_all()
        facts = look_at(self.server, "trusted")
        self.check_reads_well(facts, trusted=True)


if __name__ == "__main__":
    unittest.main()
