"""The editors' command line: check, new, build, serve, clean. The only module that prints."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TextIO

from .diagnostics import Reporter, plural
from .dump import as_data
from .errors import Terminated, ToolkitError
from .project import Project
from .suggest import did_you_mean
from .translations import table

COMMAND = "./build.py"  # the one spelling every message uses (`ktw` runs the same code)


def summary(project: Project, reporter: Reporter) -> str:
    """Return the one-line summary of a check."""
    count = len(project.workshops)
    return (f"{plural(count, 'workshop')}, {plural(project.files, 'file')}: "
            f"{plural(len(reporter.errors), 'error')}, {plural(len(reporter.warnings), 'warning')}")


def print_findings(reporter: Reporter, out: TextIO = sys.stderr) -> None:
    """Print every finding, one line each, ordered by file and line."""
    for item in reporter.sorted():
        print(item.format(), file=out)


class ProgressView:
    """Shows build progress: a live bar on a terminal, one line per artifact otherwise (CI logs)."""

    def __init__(self, out: TextIO):
        self.out = out
        self.bar = None
        self.live = out.isatty()

    def __call__(self, event) -> None:
        """Show one finished artifact."""
        if not self.live:
            how = "reused" if event.reused else "built"
            print(f"[{event.done}/{event.total}] {how} {event.path}", file=self.out, flush=True)
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=event.total, file=self.out, unit="file", leave=False,
                            bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} {postfix}")
        self.bar.set_postfix_str(Path(event.path).name, refresh=False)
        self.bar.update(1)

    def close(self) -> None:
        """Remove the bar before the summary is printed."""
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def cmd_check(args: argparse.Namespace) -> int:
    """Validate every workshop; print findings and a summary."""
    from .pipeline import check_project

    project = check_project(args.root, cached=not args.no_cache)
    print_findings(project.reporter, sys.stdout)
    if args.dump_model:
        langs = project.workshops.get(args.dump_model)
        if not langs:
            known = ", ".join(sorted(project.workshops)) or "none"
            print(f"error: no workshop '{args.dump_model}'"
                  f"{did_you_mean(args.dump_model, project.workshops)}; the workshops are: {known}",
                  file=sys.stderr)
            return 2
        data = {lang: as_data(w, project.settings.root) for lang, w in sorted(langs.items())}
        print(json.dumps(data, indent=2, ensure_ascii=False))
    if args.translations:
        print_table(table(project.workshops, list(project.settings.languages)))
    print(summary(project, project.reporter))
    return 1 if project.reporter.failed(args.strict) else 0


def print_table(rows: list[list[str]]) -> None:
    """Print rows as a plain-text table with aligned columns."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for index, row in enumerate(rows):
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        print("  ".join(cells).rstrip())
        if index == 0:
            print("  ".join("-" * width for width in widths))


def cmd_new(args: argparse.Namespace) -> int:
    """Scaffold a workshop folder."""
    from .config import load_settings
    from .scaffold import scaffold, slug_problem

    if args.slug is not None and slug_problem(args.slug):
        print(f"error: {slug_problem(args.slug)}", file=sys.stderr)
        return 2
    settings = load_settings(args.root)
    folder = scaffold(settings.docs_dir, args.title, args.lang or settings.default_language,
                      args.slug)
    print(f"created {folder.relative_to(settings.root)}/index.md; run '{COMMAND} check' next")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    """Check the sources, then build the site and every artifact."""
    from .pipeline import Selection, build

    view = ProgressView(sys.stdout)
    selection = Selection(frozenset(args.workshop or ()), frozenset(args.partner or ()),
                          frozenset(args.lang or ()))
    try:
        result = build(args.root, strict=args.strict, listener=view, selection=selection,
                       cached=not args.no_cache, waiting=say)
    except KeyboardInterrupt:
        view.close()
        print("build interrupted; site/ is unchanged", file=sys.stderr, flush=True)
        raise
    finally:
        view.close()
    print_findings(result.reporter, sys.stdout)
    print(summary(result.project, result.reporter))
    if not result.ok:
        print(f"build stopped: {result.stopped}")
        return 1
    where = result.site_dir.relative_to(result.project.settings.root)
    left = (f", left out {len(result.skipped)} never built "
            "(build without a selection to make them)" if result.skipped else "")
    if result.unchanged:
        print(f"nothing changed since the last build: {where}/ is up to date "
              f"({plural(result.reused, 'artifact')} in the cache; {result.seconds:.1f} s)")
        return 0
    print(f"built {plural(result.built, 'artifact')}, reused {result.reused} from cache{left}, "
          f"site in {where}/ in {result.seconds:.1f} s")
    return 0


def say(message: str) -> None:
    """Print a message about the build's progress on stderr at once (e.g. that it waits)."""
    print(message, file=sys.stderr, flush=True)


def cmd_clean(args: argparse.Namespace) -> int:
    """Delete the cache (with --all also site/) and what interrupted builds left behind."""
    from .publish import clean

    removed = clean(args.root, everything=args.all,
                    waiting=lambda message: print(message, file=sys.stderr, flush=True))
    root = args.root.resolve()
    for path in removed:
        print(f"removed {path.relative_to(root) if path.is_relative_to(root) else path}/")
    if not removed:
        print("nothing to remove")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the site with live reload; print its address, then every build's findings."""
    from .pipeline import serve, serve_url

    show_site_log()
    print(f"serving the site on {serve_url(args.root, args.dev_addr)} as soon as it is built; "
          "it rebuilds and reloads on every change (Ctrl+C stops)", flush=True)
    serve(args.root, args.dev_addr, before_build=lambda: report_sources(args.root))
    return 0


def report_sources(root: Path) -> None:
    """Print every finding of the sources and the summary, as check does."""
    from .pipeline import check_project

    try:
        project = check_project(root)
    except ToolkitError as exc:  # the site build reports it too; the preview goes on
        print(str(exc), file=sys.stderr, flush=True)
        return
    print_findings(project.reporter, sys.stdout)
    print(summary(project, project.reporter), flush=True)


PREVIEW_LOGS = ("mkdocs.commands.serve", "mkdocs.livereload")  # building, serving, reloading


def show_site_log() -> None:
    """Show MkDocs' warnings and the preview's own steps (building, serving, reloading)."""
    import logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler.addFilter(lambda r: r.levelno >= logging.WARNING or r.name in PREVIEW_LOGS)
    site_log = logging.getLogger("mkdocs")
    site_log.addHandler(handler)
    site_log.setLevel(logging.INFO)


def parser() -> argparse.ArgumentParser:
    """Return the argument parser."""
    main_parser = argparse.ArgumentParser(
        prog=COMMAND, description="Check the workshops, build site/ and every artifact, or preview "
        "the site. Run without a command, it builds.")
    main_parser.add_argument("--root", type=Path, default=Path.cwd(),
                             help="project folder (holds mkdocs.yml)")
    sub = main_parser.add_subparsers(dest="command")
    check = sub.add_parser("check", help="validate every workshop and translation")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument("--dump-model", metavar="SLUG",
                       help="print the document model of a workshop as JSON")
    check.add_argument("--translations", action="store_true",
                       help="print which workshop exists in which language")
    check.add_argument("--no-cache", action="store_true",
                       help="read every workshop again, ignoring .cache/")
    check.set_defaults(func=cmd_check)
    new = sub.add_parser("new", help="scaffold a new workshop")
    new.add_argument("title")
    new.add_argument("--lang", help="language of the new workshop (default: the site's)")
    new.add_argument("--slug", help="folder name: lowercase letters, digits and hyphens "
                     "(default: from the title)")
    new.set_defaults(func=cmd_new)
    build = sub.add_parser("build", help="check, then build site/ and every artifact (the default)")
    build.add_argument("--strict", action="store_true", help="fail on warnings too")
    build.add_argument("--workshop", action="append", metavar="SLUG",
                       help="build only this workshop's artifacts (repeatable; the rest is reused)")
    build.add_argument("--partner", action="append", metavar="SLUG",
                       help="build only this partner's editions (repeatable)")
    build.add_argument("--lang", action="append", metavar="CODE",
                       help="build only this language (repeatable)")
    build.add_argument("--no-cache", action="store_true",
                       help="render everything anew, neither reading nor writing .cache/")
    build.set_defaults(func=cmd_build)
    clean = sub.add_parser("clean", help="delete .cache/ and leftovers of interrupted builds")
    clean.add_argument("--all", action="store_true", help="also delete the built site/")
    clean.set_defaults(func=cmd_clean)
    serve = sub.add_parser("serve", help="live preview on http://127.0.0.1:8000")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT",
                       help="where to serve (default: 127.0.0.1:8000)")
    serve.set_defaults(func=cmd_serve)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    args = parser().parse_args(argv)
    if args.command is None:
        args = parser().parse_args([*argv, "build"])
    try:
        status = args.func(args)
        sys.stdout.flush()  # a reader that left shows here, not as a traceback at exit
        return status
    except ToolkitError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM during a build
        return 143 if isinstance(exc, Terminated) else 130
    except BrokenPipeError:  # the reader left (`| head`): stop quietly, as `cat` does
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
