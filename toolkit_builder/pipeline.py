"""The main job: check, render every artifact (cached, in parallel), build the site, swap it in."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .artifacts import Registry, download_path
from .cli import failed, print_findings, summary
from .diagnostics import Diagnostic, Reporter, plural
from .errors import BuildError, ToolkitError
from .model import SourcePos, Workshop
from .project import Project, load_project
from .theme import load_theme
from .writers import CHECKERS, WRITERS, Context, Rendered, load

PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Job:
    """One artifact to render: a writer kind applied to one workshop in one language."""

    kind: str
    workshop: Workshop
    path: str


def make_context(project: Project) -> Context:
    """Return the writers' context for a project."""
    settings = project.settings
    theme = load_theme(settings.themes_dir, settings.theme)
    return Context(theme=theme, site_url=settings.site_url, default_language=settings.default_language,
                   languages=settings.languages)


def plan_jobs(project: Project) -> list[Job]:
    """Return every artifact of every workshop and language, in a stable order."""
    return [Job(kind, workshop, download_path(workshop.slug, workshop.lang, kind))
            for workshop in project.all() for kind in WRITERS]


def code_fingerprint() -> str:
    """Return a hash of the package's code and templates, so that a new version invalidates the cache."""
    digest = hashlib.sha256()
    for path in sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def job_key(job: Job, context_key: str) -> str:
    """Return the cache key of a job: its inputs' hashes."""
    digest = hashlib.sha256(f"{job.kind}\0{job.path}\0{context_key}\0{job.workshop.sha256}".encode())
    for image in job.workshop.images:
        if image.path and image.path.is_file():
            digest.update(image.path.read_bytes())
    return digest.hexdigest()


def run_job(job: Job, context: Context) -> Rendered:
    """Render one job (in a worker process); a writer's crash becomes a message naming the source."""
    try:
        return load(WRITERS[job.kind])(job.workshop, context)
    except ToolkitError:
        raise
    except Exception as exc:  # a writer bug or an input the checks missed: report it, no traceback
        raise BuildError(f"{job.workshop.source.path}: error: could not write {job.path}: "
                         f"{type(exc).__name__}: {exc}") from None


class Cache:
    """Rendered artifacts by key, in .cache/artifacts/ of the project."""

    def __init__(self, folder: Path):
        self.folder = folder

    def get(self, key: str) -> Rendered | None:
        """Return a cached rendering, or None."""
        data, meta = self.folder / f"{key}.bin", self.folder / f"{key}.json"
        if not (data.is_file() and meta.is_file()):
            return None
        found = [Diagnostic(SourcePos(**d["pos"]), d["level"], d["message"], d["code"])
                 for d in json.loads(meta.read_text())]
        return Rendered(data.read_bytes(), tuple(found))

    def put(self, key: str, rendered: Rendered) -> None:
        """Store a rendering."""
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / f"{key}.bin").write_bytes(rendered.data)
        items = [{"pos": {"path": d.pos.path, "line": d.pos.line}, "level": d.level, "message": d.message,
                  "code": d.code} for d in rendered.diagnostics]
        (self.folder / f"{key}.json").write_text(json.dumps(items))


def render_all(jobs: list[Job], context: Context, cache: Cache, out) -> tuple[dict[str, Rendered], int]:
    """Return every job's rendering, from the cache or rendered in parallel; and the reuse count."""
    context_key = hashlib.sha256((code_fingerprint() + context.theme.fingerprint() + repr(
        (context.site_url, context.default_language, sorted(context.languages.items())))).encode()).hexdigest()
    keys = {job.path: job_key(job, context_key) for job in jobs}
    results = {job.path: hit for job in jobs if (hit := cache.get(keys[job.path])) is not None}
    todo = [job for job in jobs if job.path not in results]
    workers = min(len(todo), os.cpu_count() or 1)
    done = 0
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            futures = {pool.submit(run_job, job, context): job for job in todo}
            for future in futures:
                job = futures[future]
                results[job.path] = future.result()
                done += 1
                print(f"[{done}/{len(todo)}] {job.path}", file=out, flush=True)
    else:
        for job in todo:
            results[job.path] = run_job(job, context)
            done += 1
            print(f"[{done}/{len(todo)}] {job.path}", file=out, flush=True)
    for job in todo:
        cache.put(keys[job.path], results[job.path])
    return results, len(jobs) - len(todo)


def build_site(root: Path, site_dir: Path) -> None:
    """Build the MkDocs site cleanly and move it into `site_dir`, beside the artifacts and manifest there."""
    from .site.run import build as build_mkdocs_site

    build_mkdocs_site(root, site_dir)


def swap_into_place(new: Path, target: Path) -> None:
    """Replace `target` by `new` so that a reader never sees a half-built folder for long."""
    old = target.with_name(f".{target.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    new.rename(target)
    if old.exists():
        shutil.rmtree(old)


def writer_checks(project: Project, context: Context) -> Reporter:
    """Return what the writers' own checks find (e.g. slides that must be split)."""
    reporter = Reporter()
    for workshop in project.all():
        for dotted in CHECKERS.values():
            for item in load(dotted)(workshop, context):
                reporter.add(item.level, item.pos, item.message, item.code)
    return reporter


def build(root: Path, strict: bool = False, out=sys.stdout) -> int:
    """Check, then build site/ and every artifact; return the exit status."""
    started = time.monotonic()
    project = load_project(root)
    print_findings(project.reporter, out)
    if failed(project.reporter, strict):
        print(summary(project, project.reporter), file=out)
        print("build stopped: fix the errors above; the previous site/ is untouched", file=out)
        return 1
    context = make_context(project)
    site_dir = project.settings.site_dir
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        jobs = plan_jobs(project)
        results, reused = render_all(jobs, context, Cache(project.settings.root / ".cache" / "artifacts"), out)
        registry = Registry(staging)
        found = Reporter()
        for job in jobs:
            rendered = results[job.path]
            registry.write(job.workshop.slug, job.workshop.lang, job.kind, job.path, rendered.data)
            for item in rendered.diagnostics:
                found.add(item.level, item.pos, item.message, item.code)
        registry.write_manifest()
        build_site(project.settings.root, staging)
        print_findings(found, out)
        reporter = Reporter(list(project.reporter.items))
        reporter.extend(found)
        if failed(reporter, strict):
            print(summary(project, reporter), file=out)
            print("build stopped: the writers reported problems; the previous site/ is untouched", file=out)
            return 1
        swap_into_place(staging, site_dir)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    print(summary(project, reporter), file=out)
    print(f"built {plural(len(jobs) - reused, 'artifact')}, reused {reused} from cache, "
          f"site in {site_dir.relative_to(project.settings.root)}/ in {time.monotonic() - started:.1f} s",
          file=out)
    return 0


def serve(root: Path, dev_addr: str) -> int:
    """Serve the site with live reload on `dev_addr` (sources, images and themes are watched)."""
    from .site.run import serve as serve_site

    serve_site(root, dev_addr)
    return 0
