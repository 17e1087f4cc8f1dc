#!/usr/bin/python3
"""Build, execute and re-check the runbook notebooks.

The notebooks are written as Markdown under notebooks/src/: prose becomes markdown cells and each
```java fenced block becomes one code cell (```java parameters marks the parameters cell). That keeps
review diffs readable; the committed .ipynb files next to them carry the outputs from the demo account.

  notebooks.py build   [NAME...]          Markdown -> notebooks/NAME.ipynb (outputs cleared)
  notebooks.py execute [NAME...] [--in-place] [--html DIR]
                                           run each notebook through the iamnb kernel; --in-place
                                           writes the outputs back into notebooks/NAME.ipynb, --html
                                           renders each to DIR/NAME.html; prints one line per notebook
  notebooks.py reproduce NOTEBOOK...       re-run a committed notebook and report, cell by cell, every
                                           output that differs from the committed one (timings ignored)

Runs with Debian's Python (/usr/bin/python3), which has nbclient, nbformat and nbconvert.
The kernel is found the usual way (jupyter kernelspec list); --kernel NAME picks another kernelspec.
"""

import argparse
import copy
import difflib
import json
import pathlib
import re
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
SOURCES = NOTEBOOKS / "src"
KERNEL = "iamnb"
CELL_TIMEOUT = 300

FENCE = re.compile(r"^```java(?P<tags>[^\n`]*)\n(?P<code>.*?)^```[ \t]*$\n?", re.S | re.M)

# What differs between two honest runs: durations, and memory addresses in default toString()s.
TIMING = re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:ns|µs|us|ms|s|sec|seconds|min)\b")
ADDRESS = re.compile(r"@[0-9a-f]{5,8}\b")
FINDINGS = re.compile(r"\b(\d+) (?:findings?|FAIL)\b")


# ---------------------------------------------------------------- build

def markdown_to_notebook(text, name):
    """Splits Markdown into markdown cells and ```java code cells, keeping their order."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Java (iamnb)", "language": "java"}
    nb.metadata["language_info"] = {"name": "java", "file_extension": ".jsh", "mimetype": "text/x-java-source",
                                    "codemirror_mode": "text/x-java", "pygments_lexer": "java"}
    position = 0
    for match in FENCE.finditer(text):
        prose = text[position:match.start()].strip()
        if prose:
            nb.cells.append(nbformat.v4.new_markdown_cell(prose))
        cell = nbformat.v4.new_code_cell(match.group("code").rstrip("\n"))
        tags = match.group("tags").split()
        if tags:
            cell.metadata["tags"] = tags
        nb.cells.append(cell)
        position = match.end()
    tail = text[position:].strip()
    if tail:
        nb.cells.append(nbformat.v4.new_markdown_cell(tail))
    if not any(c.cell_type == "code" for c in nb.cells):
        raise SystemExit(f"{name}: no ```java code block found")
    for index, cell in enumerate(nb.cells):
        cell["id"] = f"{name}-{index}"  # stable ids keep diffs of committed notebooks small
    return nb


def build(names):
    for source in sources(names):
        nb = markdown_to_notebook(source.read_text(encoding="utf-8"), source.stem)
        target = NOTEBOOKS / (source.stem + ".ipynb")
        nbformat.write(nb, target)
        print(f"built {target.relative_to(ROOT)}")


def sources(names):
    found = sorted(SOURCES.glob("*.md"))
    if names:
        wanted = {pathlib.Path(n).stem for n in names}
        found = [s for s in found if s.stem in wanted]
        missing = wanted - {s.stem for s in found}
        if missing:
            raise SystemExit("no such notebook source: " + ", ".join(sorted(missing)))
    return found


# ---------------------------------------------------------------- execute

def notebook_paths(names):
    if names:
        paths = []
        for n in names:
            p = pathlib.Path(n)
            if not p.suffix:
                p = NOTEBOOKS / (n + ".ipynb")
            if not p.exists():
                raise SystemExit(f"no such notebook: {n}")
            paths.append(p)
        return paths
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def run(nb, kernel, cwd):
    """Executes nb in place; returns (seconds, error or None). Never raises for a failing cell."""
    client = NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name=kernel, allow_errors=False,
                            resources={"metadata": {"path": str(cwd)}})
    start = time.monotonic()
    error = None
    try:
        client.execute()
    except CellExecutionError as e:
        error = str(e).strip().splitlines()[-1] if str(e).strip() else "cell failed"
    return time.monotonic() - start, error


def error_outputs(nb):
    return [(i, o) for i, c in enumerate(nb.cells) if c.cell_type == "code"
            for o in c.get("outputs", []) if o.get("output_type") == "error"]


def findings_count(nb):
    """Sums the 'N findings' and 'N FAIL' that audit tables and checklists announce in their first line."""
    total = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            text = out.get("data", {}).get("text/plain", "") if "data" in out else ""
            if isinstance(text, list):
                text = "".join(text)
            total += sum(int(n) for n in FINDINGS.findall((text or "").split("\n", 1)[0]))
    return total


def execute(names, in_place, html_dir, kernel):
    html_dir = pathlib.Path(html_dir).resolve() if html_dir else None
    if html_dir:
        html_dir.mkdir(parents=True, exist_ok=True)
    failures = 0
    for path in notebook_paths(names):
        nb = nbformat.read(path, as_version=4)
        seconds, error = run(nb, kernel, path.parent)
        errors = error_outputs(nb)
        if error or errors:
            failures += 1
        if in_place and not error:
            nbformat.write(nb, path)
        if html_dir:
            from nbconvert import HTMLExporter
            body, _ = HTMLExporter().from_notebook_node(nb)
            (html_dir / (path.stem + ".html")).write_text(body, encoding="utf-8")
        status = "ok" if not (error or errors) else f"FAILED: {error or 'error output in cell ' + str(errors[0][0])}"
        print(f"{path.stem:<32} {findings_count(nb):>4} findings  {seconds:6.1f} s  {status}", flush=True)
    if html_dir:
        print(f"HTML written to {html_dir}")
    return 1 if failures else 0


# ---------------------------------------------------------------- reproduce

def normalise(output):
    """The parts of one output that must be the same on every run, as comparable text lines."""
    kind = output.get("output_type")
    if kind == "stream":
        body = {"stream": output.get("name"), "text": output.get("text", "")}
    elif kind == "error":
        body = {"error": output.get("ename"), "value": output.get("evalue")}
    else:
        body = {"data": output.get("data", {})}
    text = json.dumps(body, indent=1, sort_keys=True, ensure_ascii=False)
    return ADDRESS.sub("@…", TIMING.sub("<time>", text)).splitlines()


def differences(committed, fresh):
    """Cells whose outputs differ between two executions of one notebook: [(index, unified diff lines)]."""
    found = []
    for index, (old, new) in enumerate(zip(committed.cells, fresh.cells)):
        if old.cell_type != "code":
            continue
        before = [line for o in old.get("outputs", []) for line in normalise(o)]
        after = [line for o in new.get("outputs", []) for line in normalise(o)]
        if before != after:
            diff = list(difflib.unified_diff(before, after, "committed", "re-run", lineterm="", n=1))
            found.append((index, diff))
    return found


def rerun(path, kernel):
    """Executes a copy of a committed notebook with its outputs cleared; returns (committed, fresh, seconds, error)."""
    committed = nbformat.read(path, as_version=4)
    fresh = copy.deepcopy(committed)
    for cell in fresh.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    seconds, error = run(fresh, kernel, path.parent)
    return committed, fresh, seconds, error


def reproduce(paths, kernel):
    failed = 0
    for path in notebook_paths(paths):
        committed, fresh, seconds, error = rerun(path, kernel)
        changed = differences(committed, fresh)
        for index, diff in changed:
            print(f"{path.name}: cell {index} (In [{committed.cells[index].get('execution_count')}]) differs:")
            for line in diff[:40]:
                print("    " + line)
        verdict = "reproduces" if not changed and not error else f"{len(changed)} cell(s) differ"
        if error:
            verdict += f"; execution failed: {error}"
        print(f"{path.name}: {verdict} ({seconds:.1f} s)")
        failed += 1 if (changed or error) else 0
    return 1 if failed else 0


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["build", "execute", "reproduce"])
    parser.add_argument("names", nargs="*")
    parser.add_argument("--in-place", action="store_true")
    parser.add_argument("--html")
    parser.add_argument("--kernel", default=KERNEL)
    args = parser.parse_intermixed_args(argv)
    if args.command == "build":
        build(args.names)
        return 0
    if args.command == "execute":
        return execute(args.names, args.in_place, args.html, args.kernel)
    if not args.names:
        parser.error("reproduce needs at least one notebook")
    return reproduce(args.names, args.kernel)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
