"""Executes every runbook notebook on the iamnb kernel with nbclient and checks what a reader sees.

For each notebook under notebooks/ that has a Markdown source in notebooks/src/:
  * it runs top to bottom on the demo account with no error output;
  * the tables, charts and decisions it promises are there (by mime type), with the demo account's planted
    problems named in them;
  * its outputs are the ones committed in the repository (timings and object addresses aside), so a
    reviewer re-running it on the same snapshot gets the same answers;
  * no output carries anything that looks like a secret access key.
"""
import os
import pathlib
import re
import sys
import unittest

from kernel_harness import KERNEL_NAME, REPO, kernelspec_dir

sys.path.insert(0, os.path.join(REPO, "install"))
import notebooks  # noqa: E402  (install/notebooks.py, the same code install.sh and reproduce.sh use)

NOTEBOOKS = pathlib.Path(REPO, "notebooks")
SECRET = re.compile(r"(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])")

# notebook -> (mime types that must appear, texts that must appear somewhere in its outputs)
EXPECTED = {
    "00-start-here": ({"text/html", "image/png", "text/markdown"},
                      ["123456789012", "sha256", "hello from JShell", "jordan.admin", "DenyUnencryptedUploads",
                       "%maven"]),
    "01-investigation": ({"text/html", "image/png"},
                         ["jordan.admin", "group:admins", "svc-deploy", "Access key age", "Last use"]),
    "10-admin-audit": ({"text/html", "text/markdown"},
                       ["jordan.admin", "temp-admin", "break-fix-2025", "dev-carol-test", "AdministratorAccess",
                        "partner-readonly"]),
    "11-unused-principals": ({"text/html", "image/png"},
                             ["former-contractor", "intern-2025", "app-legacy-batch", "app-reports-old"]),
    "12-access-denied": ({"text/html", "text/markdown"},
                         ["DenyUnencryptedUploads", "prod-data", "c0ffee00-0001", "aws:kms", "carol"]),
    "13-cross-account-role": ({"text/html", "text/markdown"},
                              ["public-debug-role", "partner-readonly", "444455556666", "iam:CreateRole",
                               "prod-deploy-2024", "aws iam create-role"]),
    "14-break-glass": ({"text/html"},
                       ["break-glass-admin", "PASS", "aws:MultiFactorAuthPresent", "3600", "AssumeRole"]),
    "15-key-rotation": ({"text/html", "image/png"},
                        ["svc-deploy", "AKIAOLD123456EXAMPLE", "iam:CreateAccessKey", "iam:UpdateAccessKey",
                         "iam:DeleteAccessKey", "old-jenkins"]),
    "16-conditional-mfa": ({"text/html", "text/markdown"},
                           ["aws:MultiFactorAuthPresent", "ec2:TerminateInstances", "pat.analyst",
                            "iam:CreatePolicy"]),
    "17-s3-bucket-policy": ({"text/html", "text/markdown"},
                            ["my-bucket", "arn:aws:s3:::my-bucket", "s3:GetObject", "s3:ListBucket"]),
    "18-eks-irsa": ({"text/html"},
                    ["my-app-role-v2", "wrong-sa", "system:serviceaccount:default:my-app-sa", "FAIL", "PASS"]),
    "19-dev-sandbox-boundaries": ({"text/html"},
                                  ["dev-carol-test", "dev-sandbox-boundary", "iam:PermissionsBoundary",
                                   "admin + boundary"]),
    "20-organization": ({"text/html", "image/png"},
                        ["o-a1b2c3d4e5", "sandbox-dev", "ORG-TRUST-MEMBER-ROOT", "ORG-TRUST-OUTSIDE", "555566667777",
                         "dev-sam (333333333333) → build-runner (111111111111) → cross-account-deploy (222222222222)",
                         "ToolsCiRoles", "account=111111111111/part-0.parquet"]),
}


def runbook_notebooks():
    return sorted(NOTEBOOKS / (src.stem + ".ipynb") for src in (NOTEBOOKS / "src").glob("*.md"))


def outputs_of(nb):
    return [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]


def readable_text(output):
    """Everything a reader sees in one output, images excepted."""
    if output.get("output_type") == "stream":
        return output.get("text", "")
    if output.get("output_type") == "error":
        return output.get("ename", "") + ": " + output.get("evalue", "")
    data = output.get("data", {})
    parts = []
    for mime, value in data.items():
        if mime.startswith("image/"):
            continue
        parts.append(value if isinstance(value, str) else "".join(value) if isinstance(value, list) else str(value))
    return "\n".join(parts)


class RunbookNotebookTests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        kernelspec_dir()

    def test_everyRunbookNotebook_hasExpectations(self):
        names = {p.stem for p in runbook_notebooks()}
        self.assertEqual(set(EXPECTED), names, "every notebook source needs an entry in EXPECTED, and back")

    def test_runbookNotebooks_whenExecutedOnDemo_thenPromisedOutputsAndSameAsCommitted(self):
        for path in runbook_notebooks():
            with self.subTest(notebook=path.name):
                self.assertTrue(path.exists(), f"{path.name} is not built: run install/notebooks.py build")
                committed, fresh, seconds, error = notebooks.rerun(path, KERNEL_NAME)
                self.assertIsNone(error, f"{path.name} failed to execute: {error}")
                outputs = outputs_of(fresh)
                errors = [readable_text(o) for o in outputs if o.get("output_type") == "error"]
                self.assertEqual([], errors, f"{path.name} has error outputs")

                mimes = {m for o in outputs for m in o.get("data", {})}
                wanted_mimes, wanted_texts = EXPECTED[path.stem]
                self.assertLessEqual(wanted_mimes, mimes, f"{path.name}: missing mime types")
                text = "\n".join(readable_text(o) for o in outputs)
                for wanted in wanted_texts:
                    self.assertIn(wanted, text, f"{path.name}: no output mentions {wanted!r}")
                self.assertIn("as of 2026-11-01", readable_text(outputs[0]),
                              f"{path.name}: the first output must name the source, digest and instant")
                self.assertIn("sha256", readable_text(outputs[0]))

                self.assertIsNone(SECRET.search(text), f"{path.name}: an output looks like a secret access key")

                changed = notebooks.differences(committed, fresh)
                report = "\n".join(f"cell {i}:\n" + "\n".join(d[:20]) for i, d in changed)
                self.assertEqual([], [i for i, _ in changed],
                                 f"{path.name}: outputs differ from the committed notebook "
                                 f"(re-run install/notebooks.py execute --in-place if the change is intended):\n{report}")


if __name__ == "__main__":
    unittest.main()
