"""The command line as a new user meets it: entry points, messages, exit codes, published modes.

Each test runs the real command in a subprocess, in a throw-away project.
"""

from __future__ import annotations

import ast
import os
import queue
import re
import shutil
import socket
import stat
import subprocess
import sys
import threading
import time
import tomllib
from pathlib import Path

import pytest
from conftest import ROOT, make_project, run_cli

PACKAGE = ROOT / "toolkit_builder"
COMMAND = "./build.py"
SYSTEM_PYTHON = Path("/usr/bin/python3")


def test_pyproject_installs_the_ktw_script_and_only_the_builds_needs():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert data["project"]["scripts"]["ktw"] == "toolkit_builder.cli:main"
    assert isinstance(data["project"]["license"], str)  # the SPDX form: no deprecation warning
    assert "setuptools>=77" in data["build-system"]["requires"]
    assert not any(name.startswith(("pytest", "playwright")) for name in
                   data["project"]["dependencies"])


def test_make_build_installs_the_runtime_dependencies_only():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    installs = re.findall(r"pip install[^\n]*", makefile.replace("$(PIP)", "pip"))
    assert any(line.rstrip().endswith("-e .") for line in installs)
    assert "--quiet -e" not in makefile and "check: setup" in makefile and "serve:" in makefile


def test_the_ktw_script_runs_check(tmp_path):
    root = make_project(tmp_path, "constructs")
    ktw = Path(sys.executable).parent / "ktw"
    assert ktw.is_file(), "no ktw script beside the venv's python: run 'make build' again"
    result = subprocess.run([str(ktw), "--root", str(root), "check"], capture_output=True,
                            text=True, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 workshop, " in result.stdout and ": 0 errors" in result.stdout


def test_build_py_is_an_executable_script_that_finds_the_venv():
    script = ROOT / "build.py"
    assert script.read_text(encoding="utf-8").startswith("#!/usr/bin/env python3\n")
    assert os.access(script, os.X_OK), "chmod +x build.py (and commit the mode)"
    if not SYSTEM_PYTHON.exists() or not (ROOT / ".venv" / "bin" / "python").exists():
        pytest.skip("needs /usr/bin/python3 and the project's .venv/")
    env = {**os.environ, "PATH": f"{SYSTEM_PYTHON.parent}:/bin"}  # `env python3` finds Debian's
    env.pop("VIRTUAL_ENV", None)
    for command in ([str(SYSTEM_PYTHON), str(script), "--help"], [COMMAND, "--help"]):
        result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(f"usage: {COMMAND} ") and "serve" in result.stdout


def docstrings(tree: ast.AST) -> set[int]:
    """Return the ids of the docstring nodes of a module's tree."""
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant):
            found.add(id(body[0].value))
    return found


OTHER_SPELLING = re.compile(r"python3?\s+(\./)?build\.py|(?<!\./)\bbuild\.py|"
                            r"\bktw\s+(check|build|serve|new)\b|-m\s+toolkit_builder")


def test_every_message_names_the_command_one_way():
    from toolkit_builder.cli import COMMAND as spelt

    assert spelt == COMMAND
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and id(node) not in skip and OTHER_SPELLING.search(node.value):
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    assert not wrong, f"say '{COMMAND} …' in every message:\n" + "\n".join(wrong)


def test_new_names_the_next_command_as_it_is_run(tmp_path):
    result = run_cli(make_project(tmp_path), "new", "Reading the room")
    assert result.returncode == 0, result.stderr
    assert f"run '{COMMAND} check' next" in result.stdout


def test_dump_model_into_a_pipe_that_closes_early_is_no_traceback(tmp_path):
    root = make_project(tmp_path)  # the largest sample: its model is larger than a pipe's buffer
    sample = max(ROOT.glob("workshops/*/index.md"), key=lambda path: path.stat().st_size).parent
    shutil.copytree(sample, root / "workshops" / sample.name)
    line = (f"set -o pipefail; {sys.executable} {ROOT / 'build.py'} --root {root} "
            f"check --dump-model {sample.name} | head -1")
    result = subprocess.run(["bash", "-c", line], capture_output=True, text=True, cwd=root)
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    assert result.stdout == "{\n" and result.returncode in (0, 141), result.stderr


def test_an_unknown_slug_lists_the_workshops(tmp_path):
    root = make_project(tmp_path, "constructs", "materials")
    result = run_cli(root, "check", "--dump-model", "construct")
    assert result.returncode == 2
    assert ("error: no workshop 'construct' (did you mean 'constructs'?); "
            "the workshops are: constructs, materials") in result.stderr


def test_new_rejects_a_bad_slug_at_once(tmp_path):
    root = make_project(tmp_path)
    result = run_cli(root, "new", "Bad slug", "--slug", "Bad_Slug")
    assert result.returncode == 2 and not result.stdout
    assert result.stderr.strip() == (
        "error: --slug 'Bad_Slug' must be lowercase letters, digits and hyphens: "
        "a-z and 0-9 in words joined by single hyphens, e.g. 'bad-slug'")
    assert not list((root / "workshops").iterdir())


def unreadable(site: Path) -> list[str]:
    """Return what in `site` (the folder included) others could not read or enter."""
    wrong = []
    for path in [site, *site.rglob("*")]:
        mode = path.lstat().st_mode
        want = 0o755 if stat.S_ISDIR(mode) else 0o444
        if mode & want != want:
            wrong.append(f"{path.relative_to(site.parent)} {stat.filemode(mode)}")
    return wrong


def test_the_published_site_is_world_readable_whatever_the_umask(tmp_path):
    root = make_project(tmp_path, "constructs")
    for umask in ("022", "077"):  # the second build reuses the first one's cache
        shutil.rmtree(root / "site", ignore_errors=True)
        line = f"umask {umask}; exec {sys.executable} {ROOT / 'build.py'} --root {root} build"
        result = subprocess.run(["sh", "-c", line], capture_output=True, text=True, cwd=root)
        assert result.returncode == 0, result.stdout + result.stderr
        assert (root / "site" / "index.html").is_file()
        assert not unreadable(root / "site"), (umask, unreadable(root / "site")[:5])


def free_port() -> int:
    """Return a TCP port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Lines:
    """The output lines of a running process, read in a thread so that a test can wait for one."""

    def __init__(self, process: subprocess.Popen):
        self.queue: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, args=(process.stdout,), daemon=True).start()

    def _read(self, stream) -> None:
        """Put every line of the stream on the queue."""
        for line in stream:
            self.queue.put(line.rstrip("\n"))

    def wait_for(self, text: str, seconds: float) -> str | None:
        """Return the next line containing `text`, or None if none comes in time."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self.queue.get(timeout=left)
            except queue.Empty:
                return None
            self.seen.append(line)
            if text in line:
                return line
        return None


def test_serve_prints_its_address_and_every_located_error_on_each_build(tmp_path):
    root = make_project(tmp_path, "constructs", "invalid-yaml")
    port = free_port()
    server = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--root", str(root),
                               "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              cwd=root, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    lines = Lines(server)
    located = ("workshops/invalid-yaml/index.md:3: error: invalid YAML in front matter: "
               "expected ',' or ']', but got ':'")
    try:
        first = lines.wait_for("http://", 5)
        assert first is not None and f"http://127.0.0.1:{port}/" in first, lines.seen
        assert lines.seen == [first], "the address comes first"
        assert lines.wait_for(located, 20) == located, lines.seen
        assert lines.wait_for(": 1 error, 0 warnings", 5), lines.seen  # check's summary line
        assert lines.wait_for(f"Serving on http://127.0.0.1:{port}/", 20), lines.seen
        source = root / "workshops" / "invalid-yaml" / "index.md"
        source.write_text(source.read_text(encoding="utf-8") + "\nMore text.\n", encoding="utf-8")
        assert lines.wait_for(located, 20) == located, lines.seen  # printed again on the rebuild
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert not any("Traceback" in line for line in lines.seen), lines.seen
