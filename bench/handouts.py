"""Seconds per participant handout: ours, WeasyPrint's floor, and pandoc --pdf-engine=weasyprint.

    .venv/bin/python bench/handouts.py [--repeat 3]

"ours" is the whole writer (model → plan → Jinja2 → WeasyPrint); the floor is WeasyPrint alone on
the same final HTML with the same fetcher, options and warm caches, so the ratio is what our own
work costs. Each is run --repeat times, alternating, and the fastest run counts (the least disturbed
by other load). pandoc reads the same Markdown file and calls the `weasyprint` command (a fresh
process each time).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toolkit_builder.handouts import allowed_folders, build_html  # noqa: E402
from toolkit_builder.handouts.plan import handout  # noqa: E402
from toolkit_builder.handouts.render import write_pdf  # noqa: E402
from toolkit_builder.pipeline import make_context  # noqa: E402
from toolkit_builder.pipeline import render_document as render_pdf  # noqa: E402
from toolkit_builder.project import load_project  # noqa: E402

LONG_SECTIONS = 40


def long_workshop() -> str:
    """Return the source of a long generated workshop.

    It has 40 sections with text, lists, tables, notes and activities.
    """
    agenda = "\n".join(f"  - Part {i}: 6" for i in range(1, LONG_SECTIONS + 1))
    head = (f"---\ntitle: A long generated workshop\nsubtitle: Forty sections for the benchmark\n"
            f"duration: {6 * LONG_SECTIONS}\nstart: \"08:00\"\n"
            f"objectives:\n  - Measure the writer\nagenda:\n{agenda}\n"
            f"licence: CC-BY-4.0\ntakeaways:\n  - Fast enough\n---\n\nAn introduction.\n")
    parts = []
    for i in range(1, LONG_SECTIONS + 1):
        rows = "\n".join(f"| Item {i}.{r} | {r * 3} | A short remark on row {r} |"
                         for r in range(1, 9))
        items = "\n".join(f"- Point {p} of part {i}, with **bold** and *italic* words"
                          for p in range(1, 7))
        activity = (f"\n!!! activity \"Exercise {i} (6 min)\"\n    Work in pairs.\n\n"
                    f"    1. Read.\n    2. Discuss.\n\n"
                    f"    **Materials:** cards (1 per pair), pens\n") if i % 5 == 0 else ""
        parts.append(f"\n## Part {i}\n\nA paragraph of part {i} with a "
                     f"[link](https://example.org/{i}) and some "
                     f"text that runs over more than one line so that the paragraph wraps.\n\n"
                     f"{items}\n\n---\n\n"
                     f"| Name | Count | Remark |\n|---|--:|---|\n{rows}\n{activity}\n??? notes\n"
                     f"    Notes for part {i}.\n")
    return head + "".join(parts)


def make_long_project(folder: Path) -> Path:
    """Return a throw-away project holding the generated long workshop."""
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "themes", folder / "themes")
    target = folder / "workshops" / "long-generated"
    target.mkdir(parents=True)
    (target / "index.md").write_text(long_workshop(), encoding="utf-8")
    return folder


def timed(function) -> float:
    """Return the seconds one call takes."""
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def side_by_side(ours, floor, repeat: int) -> tuple[float, float]:
    """Return the fastest of `repeat` runs of each.

    The runs alternate, so that load on the machine hits both.
    """
    mine, base = [], []
    for _ in range(repeat):
        mine.append(timed(ours))
        base.append(timed(floor))
    return min(mine), min(base)


def pandoc(workshop, out: Path) -> float | str:
    """Return seconds for pandoc + weasyprint on the workshop's Markdown, or why it failed."""
    if not shutil.which("pandoc"):
        return "pandoc not installed"
    name = "index.md" if workshop.lang == "en" else f"index.{workshop.lang}.md"
    source = Path(workshop.folder) / name
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    env = dict(os.environ, PATH=path)
    command = ["pandoc", str(source), "-f", "markdown", "-s", "--pdf-engine=weasyprint",
               f"--resource-path={workshop.folder}", "--metadata", "title=bench", "-o", str(out)]
    started = time.perf_counter()
    # pandoc leaves html2pdf*.html temporaries in its working folder: keep them out of workshops/
    done = subprocess.run(command, cwd=out.parent, env=env, capture_output=True, text=True)
    spent = time.perf_counter() - started
    if done.returncode != 0:
        return "failed: " + (done.stderr.strip().splitlines() or ["?"])[-1][:60]
    return spent


def pages(data: bytes) -> int:
    """Return the page count of a PDF."""
    import io

    import pypdf

    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def main() -> int:
    """Run the benchmark and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        samples = load_project(ROOT)
        long_project = load_project(make_long_project(Path(tmp)))
        cases = [(w, make_context(samples)) for w in samples.all()]
        cases += [(w, make_context(long_project)) for w in long_project.all()]
        started = time.perf_counter()
        render_pdf("handout", *cases[0])  # the first document registers the fonts: reported apart
        cold = time.perf_counter() - started
        print(f"first handout of the process (fonts registered): {cold:.2f} s\n")
        print(f"{'workshop':<28}{'pages':>6}{'ours s':>9}{'floor s':>9}{'ratio':>7}"
              f"{'pandoc s':>10}")
        ratios = []
        for workshop, context in cases:
            html = build_html("handout", handout, workshop, context)
            allowed = allowed_folders(workshop, context)
            ours, floor = side_by_side(partial(render_pdf, "handout", workshop, context),
                                       partial(write_pdf, html, allowed), args.repeat)
            other = pandoc(workshop, Path(tmp) / "pandoc.pdf")
            ratios.append(ours / floor)
            shown = f"{other:>10.2f}" if isinstance(other, float) else f"  {other}"
            name = f"{workshop.slug}/{workshop.lang}"
            count = pages(render_pdf("handout", workshop, context).data)
            print(f"{name:<28}{count:>6}{ours:>9.2f}{floor:>9.2f}{ours / floor:>7.2f}{shown}")
        print(f"\nworst ratio ours/floor: {max(ratios):.2f} (target ≤ 1.30)")
    return 0 if max(ratios) <= 1.3 else 1


if __name__ == "__main__":
    sys.exit(main())
