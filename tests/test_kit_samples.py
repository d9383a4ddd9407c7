"""The facilitator's kit for every sample workshop and partner.

Each document is built, read back and kept off the paper's edges.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import unicodedata

import pytest
from conftest import ROOT, run_cli
from PIL import Image
from pypdf import PdfReader

from toolkit_builder.project import load_project

NEW_KINDS = ("activity-materials", "sign-in-sheet", "session-report", "needs-questionnaire",
             "certificate", "name-badges")
EDGE_MM = 5          # nothing of a printed page may come this close to the paper's edge


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Build a copy of the repository's samples and partners; return its root and its project."""
    root = tmp_path_factory.mktemp("samples")
    for name in ("mkdocs.yml", "partners.yml"):
        shutil.copy(ROOT / name, root / name)
    for folder in ("workshops", "themes"):
        shutil.copytree(ROOT / folder, root / folder)
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return root, load_project(root)


def artifacts(root, kind: str) -> list[dict]:
    """Return the manifest entries of one kind."""
    entries = json.loads((root / "site" / "manifest.json").read_text())["artifacts"]
    return [a for a in entries if a["kind"] == kind]


def key(text: str) -> str:
    """Return text for comparing with a PDF's: ligatures undone, spaces and hyphens (which line
    breaks add or split) dropped."""
    return re.sub(r"[\s\-\u00ad]+", "", unicodedata.normalize("NFKC", text))


def text_of(data: bytes) -> str:
    """Return a PDF's text as a comparison key (see key)."""
    return key(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages))


def ink_near_edges(data: bytes, dpi: int = 30) -> list[str]:
    """Return the pages with ink within EDGE_MM of the paper's edge."""
    out = subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-"], input=data,
                         capture_output=True, check=True).stdout
    problems, page = [], 0
    for chunk in out.split(b"\x89PNG")[1:]:
        page += 1
        image = Image.open(io.BytesIO(b"\x89PNG" + chunk)).convert("L")
        width, height = image.size
        edge = int(EDGE_MM * dpi / 25.4)
        strips = {"left": (0, 0, edge, height), "right": (width - edge, 0, width, height),
                  "top": (0, 0, width, edge), "bottom": (0, height - edge, width, height)}
        for name, box in strips.items():
            if image.crop(box).getextrema()[0] < 235:
                problems.append(f"page {page}: ink at the {name} edge")
    return problems


@pytest.mark.parametrize("kind", NEW_KINDS)
def test_every_edition_has_the_document_with_its_key_content(built, kind):
    root, project = built
    entries = artifacts(root, kind)
    editions = {(w.slug, w.lang, "") for w in project.all()}
    editions |= {(w.slug, w.lang, p.slug) for w in project.all() for p in project.partners
                 if p.runs(w.slug, w.lang)}
    assert {(a["workshop"], a["language"], a["partner"]) for a in entries} == editions
    for entry in entries:
        workshop = project.workshops[entry["workshop"]][entry["language"]]
        partner = next((p for p in project.partners if p.slug == entry["partner"]), None)
        session = partner.session(workshop.slug, workshop.lang) if partner else None
        data = (root / "site" / entry["path"]).read_bytes()
        text = text_of(data)
        if kind == "activity-materials":
            for material in workshop.materials:
                assert key(material.title) in text, material.title
                assert key(material.quantity) in text, material.quantity
        if kind in ("sign-in-sheet", "certificate") and session and session.venue:
            assert key(session.venue) in text, entry["path"]
        if kind == "session-report":
            for item in workshop.meta.agenda:
                assert key(item.title) in text, (entry["path"], item.title)
        if kind == "needs-questionnaire":
            for objective in workshop.meta.objectives:
                assert key(objective) in text, (entry["path"], objective)
        assert ink_near_edges(data) == [], entry["path"]


@pytest.mark.parametrize("kind", ("session-report", "needs-questionnaire"))
def test_the_fillable_pdfs_have_form_fields(built, kind):
    root, _ = built
    for entry in artifacts(root, kind):
        fields = PdfReader(root / "site" / entry["path"]).get_fields() or {}
        assert len(fields) >= 20, entry["path"]


def test_every_bundle_lists_the_new_documents_in_its_readme(built):
    import zipfile

    root, _ = built
    for entry in artifacts(root, "toolkit"):
        with zipfile.ZipFile(root / "site" / entry["path"]) as archive:
            name = next(n for n in archive.namelist() if n.endswith("README.txt"))
            readme = archive.read(name).decode()
        for kind in NEW_KINDS:
            assert f"-{kind}.pdf" in readme, (entry["path"], kind)


def test_contact_sheets_of_every_sample_pdf(built):
    """Write a contact sheet of every PDF of every edition (no partner) for a reviewer."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("contact_sheet",
                                                  ROOT / "tools" / "contact_sheet.py")
    sheets = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sheets)
    root, project = built
    out = ROOT / "tests" / "artifacts" / "sheets"
    pdfs = [p for p in sorted((root / "site" / "downloads").rglob("*.pdf"))
            if not any(f"-{partner.slug}-" in p.name for partner in project.partners)]
    assert len(pdfs) >= 7 * 9
    for pdf in pdfs:
        target = sheets.contact_sheet(pdf, out)
        assert target.stat().st_size > 5_000, pdf.name
