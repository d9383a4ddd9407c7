"""The main job: check, render every artifact (cached, in parallel), build the site, swap it in.

The pipeline prints nothing: it reports progress as events to a callback and returns a
`BuildResult`; the command line decides how to show them.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from concurrent.futures import as_completed
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from .artifacts import Registry, read_manifest
from .cache import (
    Cache,
    NoCache,
    code_fingerprint,
    context_key,
    document_key,
    package_key,
    prune,
)
from .config import load_settings
from .diagnostics import Reporter
from .errors import BuildError, ToolkitError
from .kinds import checked_kinds
from .lock import build_lock, sigterm_as_interrupt
from .model import SourcePos, Workshop
from .partners import Partner
from .plan import Job, Plan, plan_build
from .processes import map_in_workers, worker_pool
from .project import Project, load_project
from .publish import (
    clean_leftovers,
    make_readable,
    published,
    shown,
    staged,
    swap_into_place,
    write_staging,
)
from .suggest import did_you_mean
from .theme import load_theme
from .unchanged import last_key, remember, site_key
from .writers import Context, Rendered, load


@dataclass(frozen=True)
class Progress:
    """An event: one artifact is ready, made now or reused from the cache."""

    path: str
    done: int
    total: int
    reused: bool


@dataclass
class BuildResult:
    """What a build did: its findings, counts, time, and why it stopped if it did."""

    project: Project
    reporter: Reporter
    ok: bool = False
    built: int = 0
    reused: int = 0
    seconds: float = 0.0
    stopped: str = ""            # why the previous site/ was left in place
    skipped: list[str] = field(default_factory=list)   # unselected artifacts no earlier build made
    site_dir: Path | None = None
    unchanged: bool = False      # nothing changed since the last build: site/ was left as it was


Listener = Callable[[Progress], None]


@dataclass(frozen=True)
class Selection:
    """What to build now (`build --workshop --partner --lang`); empty means everything."""

    workshops: frozenset[str] = frozenset()
    partners: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.workshops or self.partners or self.languages)

    def matches(self, job: Job) -> bool:
        """Return whether a job is selected.

        A partner selection leaves out the project's own edition.
        """
        return ((not self.workshops or job.workshop.slug in self.workshops)
                and (not self.partners or job.partner_slug in self.partners)
                and (not self.languages or job.workshop.lang in self.languages))

    def problems(self, project: Project) -> list[str]:
        """Return a message for every selected name the project does not have."""
        known = {"workshop": set(project.workshops), "partner": {p.slug for p in project.partners},
                 "language": {w.lang for w in project.all()}}
        wanted = {"workshop": self.workshops, "partner": self.partners, "language": self.languages}
        return [f"no {what} '{name}'{did_you_mean(name, known[what])}"
                for what in wanted for name in sorted(wanted[what] - known[what])]


def make_context(project: Project, partner: Partner | None = None) -> Context:
    """Return the writers' context for the project's own documents or for a partner's."""
    settings = project.settings
    brand = project.theme or load_theme(settings.themes_dir, settings.theme)
    theme = load_theme(settings.themes_dir, partner.theme) if partner else brand
    return Context(theme=theme, site_url=settings.site_url,
                   default_language=settings.default_language, languages=settings.languages,
                   partner=partner, brand=brand if partner else None,
                   site_names=settings.site_names,
                   markdown=repr((settings.extensions, settings.extension_configs)))


def plan_of(project: Project) -> Plan:
    """Return the artifact plan of a project."""
    return plan_build(project.all(), tuple(project.partners))


def with_facts(job: Job, context: Context) -> Context:
    """Return the context with the shared facts the job's writer needs (the deck's outline)."""
    if not job.kind.needs_outline:
        return context
    from .slides.plan import deck_outline  # the planner is the one source of slide numbers

    return replace(context, outline=deck_outline(job.workshop, context))


def run_job(job: Job, context: Context, inputs: list[tuple[str, bytes]] | None = None) -> Rendered:
    """Render one job (in a worker process).

    A writer's crash becomes a message naming the source.
    """
    try:
        writer = load(job.kind.writer)
        if inputs is not None:
            return writer(job.workshop, context, inputs)
        return writer(job.workshop, with_facts(job, context))
    except ToolkitError:
        raise
    except Exception as exc:  # a writer bug or an input the checks missed: report it, no traceback
        raise BuildError(f"{job.workshop.source.path}:{job.workshop.source.line}: error: could not "
                         f"write {job.path}: {type(exc).__name__}: {exc}") from None


def render_document(kind: str, workshop, context: Context) -> Rendered:
    """Render one document of a registered kind, with the shared facts its writer needs."""
    from .kinds import kind as kind_of
    from .plan import job

    return run_job(job(kind_of(kind), workshop, context.partner), context)


@dataclass
class _Run:
    """The state of one rendering pass: contexts by partner, cache, results and progress."""

    project: Project
    cache: Cache
    listener: Listener
    total: int
    contexts: dict[str, Context] = field(default_factory=dict)
    hashes: dict[str, str] = field(default_factory=dict)
    results: dict[str, Rendered] = field(default_factory=dict)
    reused: int = 0
    code: str = field(default_factory=code_fingerprint)
    selection: Selection = field(default_factory=Selection)
    previous: Path | None = None     # the site/ of the last build, whose files unselected jobs keep
    skipped: list[str] = field(default_factory=list)
    previous_items: dict | None = None
    # Where finished artifacts go at once: the parent then holds no file's bytes (a project's
    # downloads are hundreds of MB), only what each writer reported.
    registry: Registry | None = None

    def context(self, job: Job) -> Context:
        """Return (once per partner) the context a job renders in."""
        slug = job.partner_slug
        if slug not in self.contexts:
            self.contexts[slug] = make_context(self.project, job.partner)
            self.hashes[slug] = context_key(self.code, self.contexts[slug])
        return self.contexts[slug]

    def done(self, job: Job, rendered: Rendered, reused: bool) -> None:
        """Record a finished job (writing its file if the run has a registry); tell the listener."""
        if self.registry is not None:
            self.registry.write(job.workshop.slug, job.workshop.lang, job.kind.name, job.path,
                                rendered.data, job.partner_slug)
            rendered = Rendered(b"", rendered.diagnostics)
        self.results[job.path] = rendered
        self.reused += reused
        self.listener(Progress(job.path, len(self.results), self.total, reused))

    def data(self, path: str) -> bytes:
        """Return the bytes of a finished artifact."""
        if self.registry is not None:
            return (self.registry.site_dir / path).read_bytes()
        return self.results[path].data


def render_documents(run: _Run, jobs: tuple[Job, ...]) -> None:
    """Render phase one: documents from the model, cached, in parallel worker processes."""
    keys, todo = {}, []
    for job in jobs:
        run.context(job)
        keys[job.path] = document_key(job.kind.name, job.path, run.hashes[job.partner_slug],
                                      job.workshop, job.partner)
        hit = run.cache.get(keys[job.path], job.path)
        if hit is not None:
            run.done(job, hit, True)
        elif run.selection.matches(job):
            todo.append(job)
        else:
            keep_previous(run, job)
    workers = min(len(todo), os.cpu_count() or 1)
    if workers > 1:
        with worker_pool(workers) as pool:
            futures = {pool.submit(run_job, job, run.context(job)): job for job in todo}
            for future in as_completed(futures):
                # popped: a finished future holds its file's bytes for as long as it is kept
                _finish(run, futures.pop(future), future.result(), keys)
    else:
        for job in todo:
            _finish(run, job, run_job(job, run.context(job)), keys)


def _finish(run: _Run, job: Job, rendered: Rendered, keys: dict[str, str]) -> None:
    """Store a freshly rendered document and record it."""
    run.cache.put(keys[job.path], rendered)
    run.done(job, rendered, False)


def render_packages(run: _Run, jobs: tuple[Job, ...]) -> None:
    """Make phase two: packages from phase one's bytes, never rendering a document again."""
    for job in jobs:
        if any(path not in run.results for path in job.inputs):
            # a document it packs was not built: never pack a partial bundle
            keep_previous(run, job)
            continue
        inputs = [(path, run.data(path)) for path in job.inputs]
        key = package_key(job.kind.name, job.path, run.hashes.get(job.partner_slug) or
                          context_key(run.code, run.context(job)), job.workshop, inputs,
                          job.partner)
        hit = run.cache.get(key, job.path)
        if hit is None and not run.selection.matches(job):
            keep_previous(run, job)
            continue
        if hit is None:
            rendered = run_job(job, run.context(job), inputs)
            run.cache.put(key, rendered)
        run.done(job, hit or rendered, hit is not None)


def keep_previous(run: _Run, job: Job) -> None:
    """Reuse an unselected job's file from the last build's site.

    The job is left out if there is none.
    """
    if run.previous_items is None:
        run.previous_items = ({a.path: a for a in read_manifest(run.previous)}
                              if run.previous else {})
    artifact = run.previous_items.get(job.path)
    path = run.previous / job.path if artifact else None
    if path is not None and path.is_file() and path.stat().st_size == artifact.bytes:
        run.done(job, Rendered(path.read_bytes()), True)
    else:
        run.skipped.append(job.path)


def render_all(project: Project, plan: Plan, cache: Cache, listener: Listener,
               selection: Selection = Selection(), previous: Path | None = None,
               staging: Path | None = None) -> _Run:
    """Return the finished run of both phases of a plan (its files written into `staging` as
    they finish, if given)."""
    run = _Run(project, cache, listener, len(plan.jobs), selection=selection, previous=previous,
               registry=Registry(staging) if staging is not None else None)
    render_documents(run, plan.documents)
    render_packages(run, plan.packages)
    return run


def writer_checks(project: Project, cached: bool = True) -> Reporter:
    """Return what the writers' own checks find (e.g. slides that must be split), each workshop's
    kept in the artifact cache by the same key inputs as its documents; the checks not in the
    cache run in worker processes when there are many."""
    reporter = Reporter()
    context = make_context(project)
    cache = Cache(project.settings.root / ".cache" / "artifacts") if cached else None
    context_hash = context_key(code_fingerprint(), context)
    keys, jobs, results = [], [], []
    for workshop in project.all():
        for kind in checked_kinds():
            keys.append(document_key(f"check:{kind.name}", "", context_hash, workshop))
            jobs.append((kind.checker, workshop))
            results.append(cache.get(keys[-1]) if cache else None)
    todo = [i for i, hit in enumerate(results) if hit is None]
    fresh = map_in_workers(partial(_run_checker, context=context), [jobs[i] for i in todo])
    for i, rendered in zip(todo, fresh, strict=True):
        results[i] = rendered
        if cache:
            try:
                cache.put(keys[i], rendered)
            except OSError:
                pass  # a read-only or full disk: check goes on without its cache
    for rendered in results:
        for item in rendered.diagnostics:
            reporter.add(item.level, item.pos, item.message, item.code)
    return reporter


def _run_checker(job: tuple[str, Workshop], context: Context) -> Rendered:
    """Return one writer check's findings (`job`: the checker's name and the workshop)."""
    checker, workshop = job
    return Rendered(b"", tuple(load(checker)(workshop, context)))


def precheck(workshop: Workshop, settings, theme) -> None:
    """Run the writers' checks of a freshly read model into the artifact cache (in the process
    that read it), for `writer_checks` to find; a check that fails is left to it to report."""
    if theme is None:
        return
    context = make_context(Project(settings, theme=theme))
    cache = Cache(settings.root / ".cache" / "artifacts")
    if id(theme) not in _PRECHECK:
        _PRECHECK[id(theme)] = theme, context_key(code_fingerprint(), context)
    context_hash = _PRECHECK[id(theme)][1]
    for kind in checked_kinds():
        key = document_key(f"check:{kind.name}", "", context_hash, workshop)
        if cache.record(key) is not None:
            continue
        try:
            cache.put(key, _run_checker((kind.checker, workshop), context))
        except Exception:  # noqa: BLE001 - writer_checks runs it again and reports what fails
            continue


# Context hashes by theme object, per process (the theme is kept so that its id stays its own).
_PRECHECK: dict[int, tuple[object, str]] = {}


def check_project(root: Path, cached: bool = True) -> Project:
    """Return the project with every finding of `check`: the sources' and the writers' own."""
    project = load_project(root, cached=cached, after=precheck if cached else None)
    if not project.reporter.errors and project.workshops:
        project.reporter.extend(writer_checks(project, cached))
    return project


def build(root: Path, strict: bool = False, listener: Listener = lambda event: None,
          selection: Selection = Selection(), cached: bool = True,
          waiting: Callable[[str], None] = lambda message: None) -> BuildResult:
    """Build site/ as `_build` does, holding the project's lock (`waiting` hears of a wait)."""
    settings = load_settings(root)
    with sigterm_as_interrupt(), build_lock(settings.root / ".cache", waiting):
        notes = clean_leftovers(settings.site_dir, settings.root)
        result = _build(root, strict, listener, selection, cached, notes)
    result.reporter.extend(notes)  # after the verdict: a rebuilt cache entry fails no build
    return result


def _build(root: Path, strict: bool, listener: Listener, selection: Selection, cached: bool,
           notes: Reporter) -> BuildResult:
    """Check, then build site/ and the selected artifacts in a staging folder and swap it in."""
    started, wall_start = time.monotonic(), time.time()
    project = load_project(root, cached=cached)
    result = BuildResult(project, Reporter(list(project.reporter.items)))
    if project.reporter.failed(strict):
        result.stopped = "fix the errors above; the previous site/ is untouched"
        return result
    unknown = selection.problems(project)
    if unknown:
        result.stopped = "; ".join(unknown)
        return result
    site_dir, root = project.settings.site_dir, project.settings.root
    plan = plan_of(project)
    cache_dir = root / ".cache"
    cache = Cache(cache_dir / "artifacts", notes) if cached else NoCache()
    contexts = lambda job: make_context(project, job.partner)  # noqa: E731
    if not selection and cached:
        probe = site_key(project, plan, cache, contexts)
        if probe is not None and probe[0] == last_key(cache_dir, site_dir) and \
                not Reporter(result.reporter.items + list(probe[1])).failed(strict):
            # Nothing changed since the last build: site/ stays as it is, MkDocs is not run.
            result.reporter.extend(Reporter(list(probe[1])))
            result.ok, result.site_dir, result.unchanged = True, site_dir, True
            result.reused = len(plan.jobs)
            result.seconds = time.monotonic() - started
            return result
    with staged(site_dir, root) as staging:
        run = render_all(project, plan, cache, listener, selection,
                         site_dir if selection else None, staging)
        result.reporter.extend(write_staging(run, plan, staging))
        from .site.run import build as build_site

        build_site(root, staging, project)
        result.reused, result.skipped = run.reused, run.skipped
        result.built = len(plan.jobs) - run.reused - len(run.skipped)
        if result.reporter.failed(strict):
            result.stopped = "the writers reported problems; the previous site/ is untouched"
            return result
        make_readable(staging)
        name = f"{shown(site_dir, root)}/"
        for problem in swap_into_place(staging, published(site_dir), name):
            notes.warning(SourcePos(name), problem, "leftover")
        if not selection and cached:
            probe = site_key(project, plan, cache, contexts)
            if probe is not None:
                remember(cache_dir, probe[0])
            prune(cache_dir, wall_start)
    result.ok, result.site_dir = True, site_dir
    result.seconds = time.monotonic() - started
    return result


def serve_url(root: Path, dev_addr: str) -> str:
    """Return the address the preview serves the site on (under site_url's path, as MkDocs)."""
    path = urlsplit(load_settings(root).site_url or "/").path or "/"
    return f"http://{dev_addr}{path}"


def serve(root: Path, dev_addr: str, before_build: Callable[[], None] = lambda: None) -> None:
    """Serve the site with live reload on `dev_addr`, calling `before_build` before every build."""
    from mkdocs.commands import serve as mkdocs_serve

    from .site.run import serve as serve_site

    build_site = mkdocs_serve.build  # what MkDocs' preview calls on every (re)build

    def build_after_report(config, **options):
        """Call `before_build`, then build the site as MkDocs would."""
        before_build()
        return build_site(config, **options)

    mkdocs_serve.build = build_after_report
    try:
        serve_site(root, dev_addr)
    finally:
        mkdocs_serve.build = build_site
