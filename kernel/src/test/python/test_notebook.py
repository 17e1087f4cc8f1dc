"""Executes a notebook headless with `jupyter nbconvert --execute` on the iamnb kernel."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

from kernel_harness import KERNEL_NAME, REPO, kernelspec_dir

NOTEBOOK = os.path.join(REPO, "notebooks", "00-kernel-smoke.ipynb")


class NotebookTests(unittest.TestCase):

    def test_nbconvertExecute_whenSmokeNotebook_thenEveryCellHasItsOutput(self):
        kernelspec_dir()
        jupyter = shutil.which("jupyter") or "/usr/bin/jupyter"
        with tempfile.TemporaryDirectory() as out:
            done = subprocess.run(
                [jupyter, "nbconvert", "--to", "notebook", "--execute", NOTEBOOK,
                 "--ExecutePreprocessor.kernel_name=" + KERNEL_NAME, "--ExecutePreprocessor.timeout=120",
                 "--output-dir", out, "--output", "executed.ipynb"],
                capture_output=True, text=True, timeout=300, env=os.environ)
            self.assertEqual(done.returncode, 0, done.stderr[-3000:])
            with open(os.path.join(out, "executed.ipynb")) as f:
                notebook = json.load(f)
        outputs = [c.get("outputs", []) for c in notebook["cells"] if c["cell_type"] == "code"]
        texts = ["".join(o.get("text", "")) + json.dumps(o.get("data", {})) for cell in outputs for o in cell]
        joined = "\n".join(texts)
        self.assertIn("kernel smoke: 42", joined)
        self.assertIn("Tablesaw", joined)
        self.assertTrue(all(o["output_type"] != "error" for cell in outputs for o in cell))


if __name__ == "__main__":
    unittest.main()
