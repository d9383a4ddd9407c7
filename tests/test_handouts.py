"""The PDF handouts as printed.

Text, contents, metadata, margins, long content, reproducibility and safety.
"""

from __future__ import annotations

import dataclasses
import functools
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
from conftest import ROOT, make_project
from PIL import Image
from pypdf import PdfReader

from toolkit_builder.model import Notes, Only, Paragraph, plain, walk
from toolkit_builder.pipeline import make_context
from toolkit_builder.pipeline import render_document as render_pdf
from toolkit_builder.project import load_project
from toolkit_builder.resolve import schedule

KINDS = ("handout", "facilitator-guide", "feedback-form")
MM = 72 / 25.4  # PDF points per millimetre
SIDE_MARGIN_MM = 20  # the text column's side margins
EDGE_MM = 10  # nothing prints this close to an edge


def load(root: Path, slug: str, lang: str = "en", site_url: str = "https://ktw.example.org/"):
    """Return a workshop of a project and a writers' context with a site address."""
    project = load_project(root, only={slug})
    assert not project.reporter.errors, [d.format() for d in project.reporter.items]
    context = dataclasses.replace(make_context(project), site_url=site_url)
    return project.workshops[slug][lang], context


@pytest.fixture(scope="session")
def samples():
    """Render the three documents of the responsive-training sample once.

    Each is rendered in English and in Norwegian.
    """
    out = {}
    for lang in ("en", "nb"):
        workshop, context = load(ROOT, "responsive-training", lang)
        for kind in KINDS:
            rendered = render_pdf(kind, workshop, context)
            assert rendered.diagnostics == (), rendered.diagnostics
            out[lang, kind] = rendered.data
    return out


@pytest.fixture(scope="session")
def workshop():
    return load(ROOT, "responsive-training")[0]


@pytest.fixture(scope="session")
def fixture_pdfs(tmp_path_factory):
    """Render the handouts of the long-table and huge-image fixtures (the images are made here)."""
    root = make_project(tmp_path_factory.mktemp("long"), "long-table", "huge-image")
    images = root / "workshops/huge-image/images"
    images.mkdir()
    big_picture(6000, 4000).save(images / "huge.png", compress_level=1)
    big_picture(1000, 6000).save(images / "tall.png", compress_level=1)
    return {slug: render_pdf("handout", *load(root, slug)) for slug in ("long-table", "huge-image")}


def big_picture(width: int, height: int) -> Image.Image:
    """Return a picture with a dark frame that touches every edge, so that any cut shows."""
    image = Image.new("RGB", (width, height), "#1f4e79")
    image.paste(Image.new("RGB", (width - 400, height - 400), "#eef3f8"), (200, 200))
    image.paste(Image.new("RGB", (width // 3, height // 3), "#2a9d8f"), (width // 3, height // 3))
    return image


@functools.lru_cache(maxsize=16)
def pages_text(data: bytes) -> list[str]:
    """Return the text of each page."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def one_line(text: str) -> str:
    """Return text with every run of whitespace as one space."""
    return re.sub(r"\s+", " ", text)


@functools.lru_cache(maxsize=16)
def heading_pages(data: bytes, min_size: float = 15) -> dict[str, int]:
    """Return the 1-based page of each large heading line, by its text."""
    found: dict[str, int] = {}
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            big = page.filter(
                lambda obj: obj.get("object_type") == "char" and obj["size"] >= min_size)
            for line in (big.extract_text() or "").splitlines():
                found.setdefault(line.strip(), number)
    return found


def ink_outside_margins(data: bytes, dpi: int = 36) -> list[str]:
    """Return where a page has ink near its edges or in the side margins.

    The pages are rendered with pdftoppm.
    """
    problems = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        count = len(pdf.pages)
    for page in range(1, count + 1):
        command = ["pdftoppm", "-r", str(dpi), "-gray", "-png",
                   "-f", str(page), "-l", str(page), "-"]
        png = subprocess.run(command, input=data, capture_output=True, check=True).stdout
        image = Image.open(io.BytesIO(png)).convert("L")
        width, height = image.size
        px = dpi / 25.4
        side, edge = int((SIDE_MARGIN_MM - 1) * px), int(EDGE_MM * px)
        strips = {"left": (0, 0, side, height), "right": (width - side, 0, width, height),
                  "top": (0, 0, width, edge), "bottom": (0, height - edge, width, height)}
        for name, box in strips.items():
            darkest = image.crop(box).getextrema()[0]
            if darkest < 235:
                problems.append(f"page {page}: ink in the {name} margin")
    return problems


def test_handout_has_every_section_and_no_facilitator_notes(samples, workshop):
    text = one_line(" ".join(pages_text(samples["en", "handout"])))
    for section in workshop.sections:
        assert section.title in text
    notes = [plain(b.runs) for s in workshop.sections for n in s.notes for b in walk(n.blocks)
             if isinstance(b, Paragraph)]
    slides_only = [plain(b.runs) for s in workshop.sections for o in walk(s.blocks)
                   if isinstance(o, Only) and o.target == "slides"
                   for b in o.blocks if isinstance(b, Paragraph)]
    assert notes and slides_only
    for words in notes + slides_only:
        assert one_line(words)[:40] not in text
    assert "Further reading" in text


def test_guide_has_the_facilitator_notes(samples, workshop):
    text = one_line(" ".join(pages_text(samples["en", "facilitator-guide"])))
    notes = [plain(b.runs) for n in walk(tuple(b for s in workshop.sections for b in s.blocks))
             if isinstance(n, Notes) for b in n.blocks if isinstance(b, Paragraph)]
    assert len(notes) >= 10
    for words in notes:
        assert one_line(words)[:40] in text


def test_toc_page_numbers_point_at_the_section_pages(samples, workshop):
    data = samples["en", "handout"]
    toc_page = pages_text(data)[1]
    listed = dict((m.group(1).strip(), int(m.group(2)))
                  for m in re.finditer(r"^(.+?)\s+(\d+)$", toc_page, re.M))
    starts = heading_pages(data)
    for section in workshop.sections:
        assert listed[section.title] == starts[section.title], section.title
    assert listed["Key take-aways"] == starts["Key take-aways"] == len(pages_text(data))


def test_run_of_show_clock_times(samples, workshop):
    text = " ".join(pages_text(samples["en", "facilitator-guide"]))
    expected = ["09:30–09:40", "09:40–09:55", "09:55–10:25", "10:25–10:45", "10:45–11:00",
                "11:00–11:15", "11:15–11:35", "11:35–12:05", "12:05–12:15", "12:15–12:30"]
    assert [f"{slot.start}–{slot.end}" for slot in schedule(workshop)] == expected
    for times in expected + ["09:30–12:30"]:
        assert times in text, times


def test_feedback_form_has_one_rating_row_per_objective(samples):
    for lang in ("en", "nb"):
        workshop = load(ROOT, "responsive-training", lang)[0]
        with pdfplumber.open(io.BytesIO(samples[lang, "feedback-form"])) as pdf:
            assert len(pdf.pages) <= 2
            page = pdf.pages[0]
            rows = {}
            for word in page.extract_words():
                rows.setdefault(round(word["top"]), []).append(word["text"])
            scale_rows = [top for top, texts in rows.items()
                          if texts[-5:] == ["1", "2", "3", "4", "5"]]
            text = one_line(page.extract_text())
        # the header row, one row per objective, and the overall rating
        assert len(scale_rows) == len(workshop.meta.objectives) + 2
        for objective in workshop.meta.objectives:
            assert text.count(objective[:30]) == 1


def test_metadata_bookmarks_tags_and_fonts(samples, workshop):
    reader = PdfReader(io.BytesIO(samples["en", "handout"]))
    info = reader.metadata
    assert info.title == f"{workshop.meta.title} – Participant handout"
    assert info.author == ", ".join(workshop.meta.facilitators)
    assert info["/CreationDate"].startswith("D:20131001")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en" and "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    sections = [s.title for s in workshop.sections]
    assert outline == ["Contents", "About this workshop"] + sections + ["Key take-aways"]
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width / MM), round(height / MM)) == (210, 297)
    assert PdfReader(io.BytesIO(samples["nb", "handout"])).trailer["/Root"]["/Lang"] == "nb"


def test_no_ink_outside_the_margins(samples, fixture_pdfs):
    for key in (("en", "handout"), ("en", "facilitator-guide"), ("nb", "feedback-form")):
        assert ink_outside_margins(samples[key]) == [], key
    for slug, rendered in fixture_pdfs.items():
        assert ink_outside_margins(rendered.data) == [], slug


def test_long_table_breaks_across_pages_with_its_header(fixture_pdfs):
    rendered = fixture_pdfs["long-table"]
    assert rendered.diagnostics == ()
    pages = pages_text(rendered.data)
    text = " ".join(pages)
    assert all(f"Row {i} Employer {i} " in text for i in range(1, 201))
    table_pages = [p for p in pages if re.search(r"Row \d+ Employer", p)]
    assert len(table_pages) >= 4
    assert all("Number Employer Apprentices Trains now" in p for p in table_pages)
    assert "After the table." in text


def test_huge_images_shrink_to_the_text_column(fixture_pdfs):
    rendered = fixture_pdfs["huge-image"]
    assert rendered.diagnostics == ()
    with pdfplumber.open(io.BytesIO(rendered.data)) as pdf:
        placed = [(page.width, page.height, image) for page in pdf.pages for image in page.images]
    assert len(placed) == 2
    for width, height, image in placed:
        assert image["x0"] >= SIDE_MARGIN_MM * MM - 1
        assert image["x1"] <= width - SIDE_MARGIN_MM * MM + 1
        assert image["top"] >= 20 * MM and image["bottom"] <= height - 20 * MM
    (_, _, wide), (_, _, tall) = placed
    assert wide["width"] >= 165 * MM and tall["height"] >= 150 * MM  # shrunk to fit, not cropped
    assert wide["width"] / wide["height"] == pytest.approx(1.5, rel=0.01)
    assert tall["height"] / tall["width"] == pytest.approx(6, rel=0.01)
    assert wide["srcsize"][0] < 6000  # resampled to 300 dpi for print
    assert "The end." in " ".join(pages_text(rendered.data))


def test_rebuilds_are_byte_identical_in_another_place_and_process(tmp_path):
    (tmp_path / "one").mkdir()
    first = make_project(tmp_path / "one", "constructs")
    (tmp_path / "two").mkdir()
    second = make_project(tmp_path / "two", "constructs")
    here = [render_pdf(kind, *load(first, "constructs")).data for kind in KINDS]
    again = [render_pdf(kind, *load(first, "constructs")).data for kind in KINDS]
    assert here == again
    script = ("import sys, dataclasses\nfrom pathlib import Path\n"
              "from toolkit_builder.project import load_project\n"
              "from toolkit_builder.pipeline import make_context\n"
              "from toolkit_builder.pipeline import render_document as render_pdf\n"
              "p = load_project(Path(sys.argv[1]))\n"
              "c = dataclasses.replace(make_context(p), site_url='https://ktw.example.org/')\n"
              "w = p.workshops['constructs']['en']\n"
              "sys.stdout.buffer.write(render_pdf('handout', w, c).data)\n")
    elsewhere = subprocess.run([sys.executable, "-c", script, str(second)], capture_output=True,
                               check=True, cwd=ROOT).stdout
    assert elsewhere == here[0]


def test_fetcher_refuses_files_outside_and_the_network(tmp_path):
    from toolkit_builder.handouts.render import write_pdf

    (tmp_path / "w").mkdir()
    html = ('<html lang="en"><body><p>x</p><img src="file:///etc/passwd" alt="a">'
            '<img src="http://127.0.0.1:9/x.png" alt="b">'
            '<img src="ktw://workshop-w/../../etc/hostname" alt="c">'
            '<style>@import url(file:///etc/passwd);</style></body></html>')
    data, messages = write_pdf(html, {"workshop-w": (tmp_path / "w").resolve()})
    assert data.startswith(b"%PDF")
    refused = sum("refused to load" in m or "disallowed protocol" in m for m in messages)
    assert refused >= 3, messages


def test_pipeline_writes_the_three_pdfs_into_the_manifest(project):
    from toolkit_builder.artifacts import Registry
    from toolkit_builder.cache import Cache
    from toolkit_builder.pipeline import plan_of, render_all
    from toolkit_builder.plan import Plan

    root = project("constructs")
    loaded = load_project(root)
    plan = plan_of(loaded)
    plan = Plan(tuple(job for job in plan.documents if job.kind.name in KINDS), ())
    events = []
    run = render_all(loaded, plan, Cache(root / ".cache"), events.append)
    registry = Registry(root / "site")
    for job in plan.jobs:
        assert run.results[job.path].diagnostics == ()
        registry.write(job.workshop.slug, job.workshop.lang, job.kind.name, job.path,
                       run.results[job.path].data)
    manifest = json.loads(registry.write_manifest().read_text())
    assert run.reused == 0 and [e.done for e in events] == [1, 2, 3]
    assert sorted(a["path"] for a in manifest["artifacts"]) == sorted(
        f"downloads/constructs/en/constructs-en-{kind}.pdf" for kind in KINDS)
    for artifact in manifest["artifacts"]:
        assert (root / "site" / artifact["path"]).read_bytes().startswith(b"%PDF")
