"""Builds that meet each other, get killed, or meet a file system that refuses: one build at a time,
no debris, no orphaned workers, site/ intact, and a clear message instead of a traceback."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, make_project, run_cli

from toolkit_builder import cli
from toolkit_builder.artifacts import Registry
from toolkit_builder.pipeline import build

WAITING = re.compile(r"waiting for the build that started at \d\d:\d\d:\d\d \(pid \d+\) to finish")


def tree(folder: Path) -> str:
    """Return a hash of every file under a folder: its path and bytes."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def debris(*folders: Path) -> list[str]:
    """Return what builds may leave beside site/: staging folders and an old site/."""
    return sorted(p.name for f in folders for p in f.iterdir()
                  if p.name.startswith(".site-") or p.name.endswith(".old"))


def start(root: Path, *args: str) -> subprocess.Popen:
    """Start build.py in a project folder without waiting for it."""
    return subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--root", str(root), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=root)


def children(pid: int) -> list[str]:
    """Return the pids of a process's children."""
    found = subprocess.run(["ps", "--ppid", str(pid), "-o", "pid="], capture_output=True,
                           text=True)
    return found.stdout.split()


def living(pids: list[str]) -> list[str]:
    """Return which of these processes still run (zombies, dead but not reaped, do not count)."""
    if not pids:
        return []
    found = subprocess.run(["ps", "-o", "pid=,stat=", "-p", ",".join(pids)], capture_output=True,
                           text=True)
    return [line.split()[0] for line in found.stdout.splitlines()
            if not line.split()[1].startswith("Z")]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """Return a project built once (the reference: copy it, do not change it)."""
    root = make_project(tmp_path_factory.mktemp("built"), "constructs")
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return root


def copy_of(built: Path, tmp_path: Path) -> Path:
    """Return a copy of the built project whose next build makes site/ again (from the cache)."""
    root = tmp_path / "copy"
    shutil.copytree(built, root, symlinks=True)
    (root / ".cache" / "site.key").unlink()
    return root


def test_concurrent_builds_take_turns_and_give_one_complete_site(built, tmp_path):
    root = make_project(tmp_path, "constructs")
    builds = [start(root, "build") for _ in range(3)]
    outputs = [b.communicate(timeout=300) for b in builds]
    for process, (out, err) in zip(builds, outputs, strict=True):
        assert process.returncode == 0, out + err
        assert "Traceback" not in err
    assert sum(bool(WAITING.search(err)) for _, err in outputs) == 2, outputs
    reference = json.loads((built / "site" / "manifest.json").read_text())
    assert json.loads((root / "site" / "manifest.json").read_text()) == reference
    for entry in reference["artifacts"]:
        data = (root / "site" / entry["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
    assert debris(root) == []


def test_builds_killed_at_random_points_leave_site_alone_and_the_next_cleans_up(built, tmp_path):
    root = copy_of(built, tmp_path)
    before = tree(root / "site")
    seed = random.randrange(1 << 30)
    delays = [round(random.Random(seed + n).uniform(0.5, 9.0), 2) for n in range(3)]
    for delay in delays:
        process = start(root, "build", "--no-cache")
        time.sleep(delay)
        workers = children(process.pid)
        process.kill()
        process.communicate(timeout=30)
        time.sleep(2)
        assert living(workers) == [], f"orphaned workers after a kill at {delay} s (seed {seed})"
        assert tree(root / "site") == before, f"site/ changed by a kill at {delay} s (seed {seed})"
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert debris(root) == [], f"delays {delays}"
    assert tree(root / "site") == before


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_sigterm_and_ctrl_c_stop_a_build_at_once_and_take_its_workers(built, tmp_path, signum,
                                                                      status):
    root = copy_of(built, tmp_path)
    before = tree(root / "site")
    process = start(root, "build", "--no-cache")
    line = process.stdout.readline()
    while line and not line.startswith("["):  # the first artifact: the workers are busy
        line = process.stdout.readline()
    assert line, process.communicate()
    workers = children(process.pid)
    sent = time.monotonic()
    process.send_signal(signum)
    _, err = process.communicate(timeout=30)
    assert time.monotonic() - sent < 2
    assert process.returncode == status, err
    assert "build interrupted; site/ is unchanged" in err and "Traceback" not in err
    time.sleep(2)
    assert workers and living(workers) == []
    assert tree(root / "site") == before
    assert debris(root) == []


def chattr(flag: str, path: Path) -> None:
    """Set or clear a file's immutable attribute (`+i`, `-i`), or skip where that is refused."""
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed: permissions alone do not stop root")
    done = subprocess.run(["chattr", flag, str(path)], capture_output=True, text=True)
    if done.returncode and flag == "+i":
        pytest.skip(f"chattr +i is refused here: {done.stderr.strip()}")


def test_a_site_the_file_system_refuses_to_replace_gives_a_message_not_a_traceback(built,
                                                                                  tmp_path):
    root = copy_of(built, tmp_path)
    before = tree(root / "site")
    try:
        chattr("+i", root)  # no folder can be made beside site/
        result = run_cli(root, "build")
        chattr("-i", root)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert result.stderr.startswith("site/: error: could not make a folder beside it for "
                                        "the new site: Operation not permitted"), result.stderr
        chattr("+i", root / "site")  # site/ itself cannot be moved
        result = run_cli(root, "build")
        chattr("-i", root / "site")
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert result.stderr.startswith("site/: error: could not replace it: Operation not "
                                        "permitted"), result.stderr
        assert "the previous site/ is untouched" in result.stderr
        assert tree(root / "site") == before and debris(root) == []
        chattr("+i", root / "site" / "downloads")  # a part of the old site cannot be deleted
        result = run_cli(root, "build")
        assert result.returncode == 0 and "Traceback" not in result.stderr
        kept = re.compile(r"^site/: warning: could not delete the previous site, left in "
                          r"\.site-\w+/: Operation not permitted", re.M)
        assert kept.search(result.stdout), result.stdout
        assert (root / "site" / "manifest.json").is_file()
        left = root / debris(root)[0]
        chattr("-i", left / "downloads")
    finally:
        for path in (root, root / "site", root / "site" / "downloads",
                     *(root / name / "downloads" for name in debris(root))):
            if path.exists():
                subprocess.run(["chattr", "-i", str(path)], capture_output=True)
    (root / ".cache" / "site.key").unlink(missing_ok=True)
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert debris(root) == [] and tree(root / "site") == before


def test_a_full_disk_gives_a_message_and_leaves_site_alone(built, tmp_path, monkeypatch, capsys):
    root = copy_of(built, tmp_path)
    before = tree(root / "site")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(Registry, "write", full)
    assert cli.main(["--root", str(root), "build"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == ("site/: error: could not write the new site: No space left on device; "
                           "the previous site/ is untouched")
    assert tree(root / "site") == before and debris(root) == []


def test_a_symlinked_site_has_its_target_replaced_and_stays_a_link(built, tmp_path):
    root = copy_of(built, tmp_path)
    public = tmp_path / "public"
    public.mkdir()
    (root / "site").rename(public / "site")
    (public / "site" / "stale.txt").write_text("from an older build")
    (root / "site").symlink_to(Path("..", "public", "site"))
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (root / "site").is_symlink() and (root / "site").resolve() == public / "site"
    assert not (public / "site" / "stale.txt").exists()
    assert (public / "site" / "manifest.json").is_file()
    assert debris(root) == [] and debris(public) == []
    again = run_cli(root, "build")  # a later build finds the site through the link as well
    assert again.returncode == 0, again.stdout + again.stderr
    assert (root / "site").is_symlink() and debris(root) == [] and debris(public) == []


def test_a_damaged_cache_entry_is_rebuilt_with_a_warning(built, tmp_path, capsys):
    root = copy_of(built, tmp_path)
    started = time.time() - 1
    assert build(root).ok  # in this process: the same code fingerprint as the build below
    cache = root / ".cache" / "artifacts"
    entries = sorted(p for p in cache.glob("*.json") if p.stat().st_mtime >= started)  # used
    damaged = entries[0].with_suffix(".bin")
    damaged.write_bytes(damaged.read_bytes()[:-10] + b"0123456789")
    stored = entries[1].with_suffix(".bin")
    entries[1].unlink()  # data without its record: a build died between the two, not damage
    shutil.rmtree(root / "site")
    assert cli.main(["--root", str(root), "build"]) == 0
    out = capsys.readouterr().out
    warned = re.findall(r"^(\.cache/artifacts/(\w+)\.bin): warning: cache entry for (\S+) was "
                        r"damaged; rebuilt$", out, re.M)
    assert [w[1] for w in warned] == [damaged.stem], out
    assert (root / "site" / warned[0][2]).is_file()
    assert "built 2 artifacts, reused 10 from cache" in out, out
    record = json.loads(entries[0].read_text())
    assert hashlib.sha256(damaged.read_bytes()).hexdigest() == record["sha256"]
    assert entries[1].is_file() and stored.is_file()
