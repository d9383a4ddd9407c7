"""Decks as facilitators see them: rendered by LibreOffice with the theme's font installed, and
with it hidden (most laptops lack it), read back from the PDF and drawn on contact sheets."""

from __future__ import annotations

import importlib.util
import io
import os
import re
import shutil
import subprocess

import pytest
from conftest import ROOT
from pptx import Presentation

from toolkit_builder.pipeline import make_context
from toolkit_builder.project import load_project
from toolkit_builder.slides import render
from toolkit_builder.slides.plan import plan_deck

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None,
                                reason="LibreOffice is installed by `make test`")

SHEETS = ROOT / "tests" / "artifacts" / "sheets"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
MARGIN = 14          # points every character keeps from the page's edges
FOOTER_BAND = 496    # points from the top below which only footer text may stand
# Hides the theme's font from LibreOffice: it then falls back as on a laptop without it.
HIDDEN = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont>
    <pattern><patelt name="family"><string>{family}</string></patelt></pattern>
  </rejectfont></selectfont>
</fontconfig>
"""


def contact_sheets():
    """Return tools/contact_sheet.py as a module (tools/ is not a package)."""
    spec = importlib.util.spec_from_file_location("contact_sheet",
                                                  ROOT / "tools" / "contact_sheet.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """Every sample deck as pptx, and as PDF from LibreOffice with and without the theme font."""
    project = load_project(ROOT)
    context = make_context(project)
    work = tmp_path_factory.mktemp("decks")
    decks = []
    for workshop in project.all():
        name = f"{workshop.slug}-{workshop.lang}"
        data = render(workshop, context).data
        (work / f"{name}.pptx").write_bytes(data)
        decks.append((name, workshop, plan_deck(workshop, context),
                      Presentation(io.BytesIO(data))))
    family = project.theme.body_font
    (work / "hidden.conf").write_text(HIDDEN.format(family=family), encoding="utf-8")
    pdfs = {}
    for label, env in (("font", {}), ("no-font", {"FONTCONFIG_FILE": str(work / "hidden.conf")})):
        out = work / label
        out.mkdir()
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{work}/lo-{label}",
                        "--convert-to", "pdf", "--outdir", str(out),
                        *[str(work / f"{name}.pptx") for name, *_ in decks]],
                       check=True, capture_output=True, timeout=600, env={**os.environ, **env})
        pdfs[label] = {name: out / f"{name}.pdf" for name, *_ in decks}
    return decks, pdfs, family


def words(value: str) -> set[str]:
    """Return the folded words of a text; hyphenated words also as their parts."""
    found = {w.casefold() for w in WORD.findall(value)}
    return found | {part for w in found for part in w.split("-")}


def vocabulary(prs) -> set[str]:
    """Return every word the deck's slides hold."""
    out: set[str] = set()
    for slide in prs.slides:
        for element in slide.shapes._spTree.iter(f"{A}t"):
            out |= words(element.text or "")
    return out


def test_every_slide_renders_inside_its_page_with_and_without_the_theme_font(rendered):
    import pdfplumber

    decks, pdfs, family = rendered
    for label in ("font", "no-font"):
        for name, _, deck, _ in decks:
            with pdfplumber.open(pdfs[label][name]) as doc:
                assert len(doc.pages) == len(deck.slides), (label, name)
                fonts = {c["fontname"] for page in doc.pages for c in page.chars}
                theme_font = any(family.replace(" ", "") in f for f in fonts)
                assert theme_font == (label == "font"), (label, name, fonts)
                for number, page in enumerate(doc.pages, 1):
                    for char in page.chars:
                        if char["text"].strip():
                            where = (label, name, number, char["text"])
                            assert MARGIN <= char["x0"] and char["x1"] <= page.width - MARGIN, \
                                where
                            assert MARGIN <= char["top"] and \
                                char["bottom"] <= page.height - MARGIN, where


def test_no_word_breaks_and_nothing_runs_into_the_footer_without_the_theme_font(rendered):
    import pdfplumber

    decks, pdfs, _ = rendered
    for name, _workshop, deck, prs in decks:
        known = vocabulary(prs)
        footer = words(" ".join(
            shape.text_frame.text for slide in prs.slides for shape in slide.placeholders
            if shape.placeholder_format.type in (13, 15, 16)))  # number, footer, date
        with pdfplumber.open(pdfs["no-font"][name]) as doc:
            for number, page in enumerate(doc.pages, 1):
                for word in page.extract_words(keep_blank_chars=False, use_text_flow=True):
                    found = words(word["text"])
                    broken = {w for w in found if w not in known and not w.isdigit()}
                    assert not broken, (name, number, word["text"])  # "Baselin" of "Baseline"
                    if word["top"] > FOOTER_BAND and deck.slides[number - 1].kind != "title":
                        assert found <= footer | {str(n) for n in range(200)}, \
                            (name, number, word["text"])


def test_contact_sheets_of_every_deck(rendered):
    decks, pdfs, _ = rendered
    sheets = contact_sheets()
    SHEETS.mkdir(parents=True, exist_ok=True)
    for label in ("font", "no-font"):
        for name, *_ in decks:
            pdf = pdfs[label][name]
            work = pdf.parent / f"{name}-pages"
            work.mkdir(exist_ok=True)
            pages = sheets.pages(pdf, work)
            target = SHEETS / f"{name}-slides-{label}.png"
            sheets.sheet(pages).save(target)
            assert target.stat().st_size > 10_000 and len(pages) > 10
