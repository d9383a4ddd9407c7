#!/usr/bin/env python3
"""Seconds per deck: this builder against python-pptx's floor and pandoc, side by side in one run.

    .venv/bin/python bench/slides.py [--runs 5]

The floor is a minimal python-pptx script writing the same number of title-and-bullets slides
with notes (no template work, no measuring). pandoc runs as a process on the same Markdown
(its time includes process start-up, ours does not: read its column as an upper bound).
Target: within 2x the floor and faster than pandoc.
"""

from __future__ import annotations

import argparse
import io
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pptx import Presentation  # noqa: E402

from toolkit_builder.model import plain  # noqa: E402
from toolkit_builder.pipeline import make_context  # noqa: E402
from toolkit_builder.project import load_project  # noqa: E402
from toolkit_builder.slides import render  # noqa: E402
from toolkit_builder.slides.plan import plan_deck  # noqa: E402


def generated_workshop(folder: Path, sections: int = 98) -> None:
    """Write a workshop of `sections` one-slide sections (plus title and closing: 100 slides)."""
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "themes", folder / "themes")
    lines = ["---", "title: A generated hundred-slide workshop", "licence: CC-BY-4.0", "---", ""]
    for number in range(1, sections + 1):
        lines += [f"## Topic {number}: what partners learned", ""]
        lines += [f"- Point {i}: local partners agree on **one** shared goal and report on it"
                  for i in range(1, 6)]
        lines += ["", "??? notes", f"    Ask the room for an example of topic {number}.", ""]
    (folder / "workshops" / "generated").mkdir(parents=True)
    (folder / "workshops" / "generated" / "index.md").write_text("\n".join(lines), encoding="utf-8")


def floor(titles: list[str], bullets: list[list[str]], notes: list[str]) -> bytes:
    """Write title-and-bullets slides with notes with python-pptx and nothing else."""
    prs = Presentation()
    layout = prs.slide_layouts[1]
    for title, items, note in zip(titles, bullets, notes, strict=True):
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = title
        frame = slide.placeholders[1].text_frame
        frame.text = items[0] if items else ""
        for item in items[1:]:
            frame.add_paragraph().text = item
        slide.notes_slide.notes_text_frame.text = note
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def median_time(action, runs: int) -> float:
    """Return the median seconds of an action over several runs, after one warm-up."""
    action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def pandoc_time(source: Path, folder: Path, runs: int) -> float | None:
    """Return pandoc's median seconds to turn the same Markdown into .pptx.

    Return None without pandoc.
    """
    if not shutil.which("pandoc"):
        return None
    target = source.with_suffix(".pandoc.pptx")
    command = ["pandoc", "-f", "markdown", "-t", "pptx", f"--resource-path={folder}", str(source),
               "-o", str(target)]
    return median_time(lambda: subprocess.run(command, check=True, capture_output=True), runs)


def cases(runs: int, scratch: Path):
    """Yield (name, slides, ours, floor, pandoc) for every sample and the generated workshop."""
    generated_workshop(scratch)
    for root in (ROOT, scratch):
        project = load_project(root)
        context = make_context(project)
        for workshop in project.all():
            deck = plan_deck(workshop, context)
            titles = [s.title for s in deck.slides]
            bullets = [[plain(p.runs) for p in s.paras] for s in deck.slides]
            notes = [s.notes for s in deck.slides]
            ours = median_time(partial(render, workshop, context), runs)
            base = median_time(partial(floor, titles, bullets, notes), runs)
            original = workshop.lang == context.default_language
            name = "index.md" if original else f"index.{workshop.lang}.md"
            source = workshop.folder / name
            copy = scratch / f"{workshop.slug}-{workshop.lang}.md"
            shutil.copy(source, copy)
            pandoc = pandoc_time(copy, workshop.folder, max(1, runs // 2))
            yield f"{workshop.slug}/{workshop.lang}", len(deck.slides), ours, base, pandoc


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"{'deck':36} {'slides':>6} {'ours s':>8} {'floor s':>8} {'ratio':>6} {'pandoc s':>9}")
    with tempfile.TemporaryDirectory() as scratch:
        for name, slides, ours, base, pandoc in cases(args.runs, Path(scratch)):
            pandoc_text = f"{pandoc:9.3f}" if pandoc is not None else "      n/a"
            print(f"{name:36} {slides:6d} {ours:8.3f} {base:8.3f} {ours / base:6.2f} {pandoc_text}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process (every deck rendered {args.runs + 1} times): "
          f"{peak:.0f} MiB")


if __name__ == "__main__":
    main()
