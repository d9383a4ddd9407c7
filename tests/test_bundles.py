"""Toolkit bundles end to end: what a partner downloads, unpacks and runs a session from."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest
from conftest import FIXTURES, make_project, run_cli
from pptx import Presentation
from pypdf import PdfReader

from toolkit_builder.manifest_schema import validate_manifest

PARTNERS = (FIXTURES / "partners" / "good.yml").read_text()
TOOLKIT = "downloads/constructs/en/constructs-en-toolkit.zip"
PARTNER_TOOLKIT = "downloads/constructs/en/constructs-en-demo-partner-toolkit.zip"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Build the constructs fixture with one partner holding a local session.

    Return the project root.
    """
    root = make_project(tmp_path_factory.mktemp("bundles"), "constructs",
                        files={"partners.yml": PARTNERS})
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return root


def members(path: Path) -> dict[str, bytes]:
    """Return a zip's files by name."""
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def pdf_text(data: bytes, pages: slice = slice(None)) -> str:
    """Return a PDF's text, spaces normalised."""
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages[pages])


def test_the_manifest_lists_bundles_with_members_and_validates(built):
    payload = json.loads((built / "site" / "manifest.json").read_text())
    validate_manifest(payload)
    kinds = {(a["partner"], a["kind"]) for a in payload["artifacts"]}
    assert ("", "toolkit") in kinds and ("demo-partner", "toolkit") in kinds
    for artifact in payload["artifacts"]:
        data = (built / "site" / artifact["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == artifact["sha256"]
        assert len(data) == artifact["bytes"]
        if artifact["kind"] == "toolkit":
            inside = members(built / "site" / artifact["path"])
            assert [m["name"] for m in artifact["members"]] == list(inside)
            assert all(hashlib.sha256(inside[m["name"]]).hexdigest() == m["sha256"]
                       for m in artifact["members"])


@pytest.mark.parametrize("path", [TOOLKIT, PARTNER_TOOLKIT])
def test_a_bundle_holds_exactly_what_its_readme_lists(built, path):
    files = members(built / "site" / path)
    top = Path(path).stem
    assert all(name.startswith(f"{top}/") for name in files)       # one folder named after the zip
    names = {name.removeprefix(f"{top}/") for name in files}
    readme = files[f"{top}/README.txt"].decode()
    listed = set()
    for line in readme.splitlines():
        if line.startswith("* "):
            listed.update(part.strip() for part in line[2:].split(" / "))
    documents = {n for n in names if "/" not in n}
    assert documents == listed - {"source/"}
    assert {n.split("/")[0] + "/" for n in names if "/" in n} == {"source/"}
    assert "source/index.md" in names and any(n.startswith("source/images/") for n in names)
    html = files[f"{top}/README.html"].decode()
    assert all(f"<code>{name}</code>" in html for name in documents - {"README.html", "README.txt"})


def test_every_document_in_a_bundle_is_the_one_published_beside_it(built):
    for path in (TOOLKIT, PARTNER_TOOLKIT):
        for name, data in members(built / "site" / path).items():
            beside = built / "site" / Path(path).parent / Path(name).name
            if Path(name).suffix in (".pdf", ".pptx") or name.endswith("offline-page.html"):
                assert beside.read_bytes() == data, name


def test_member_names_are_safe_everywhere(built):
    for path in (TOOLKIT, PARTNER_TOOLKIT):
        for name in members(built / "site" / path):
            assert unicodedata.normalize("NFC", name) == name
            assert not set(name) & set('<>:"\\|?*')
            assert all(part and len(part) <= 100 and not part.endswith((".", " "))
                       for part in name.split("/"))


def test_the_readme_has_the_checklist_and_the_local_session(built):
    files = members(built / "site" / PARTNER_TOOLKIT)
    readme = next(data for name, data in files.items() if name.endswith("README.txt")).decode()
    assert "Prepared for Demo Partner Org." in readme
    assert "Date: 6 May 2027, 13:15–14:15" in readme and "Venue: Room 4, Demo Town Hall" in readme
    for step in ("1. Before the session", "2. During the session", "3. After the session"):
        assert step in readme
    assert "13:15–13:35  Lists and text (20 min)" in readme                  # the local clock
    licence = next(data for name, data in files.items() if name.endswith("LICENCE.txt")).decode()
    assert "CC-BY-4.0" in licence and "creativecommons.org/licenses/by/4.0/" in licence


def test_the_partner_deck_shows_both_logos_and_the_local_session(built, tmp_path):
    path = built / "site/downloads/constructs/en/constructs-en-demo-partner-slides.pptx"
    title = Presentation(str(path)).slides[0]
    pictures = [shape for shape in title.shapes if shape.shape_type == 13]
    alts = {shape._element.nvPicPr.cNvPr.get("descr") for shape in pictures}
    assert alts == {"Bildungszentrum Hohenlauter", "Knowledge-transfer workshop toolkits",
                    "Co-funded by the European Union (ERDF, URBACT II)"}  # the funder's emblem
    text = " ".join(shape.text_frame.text.replace("\x0b", " ") for shape in title.shapes
                    if shape.has_text_frame)
    assert "6 May 2027 · 13:15–14:15 · Room 4, Demo Town Hall" in text
    # joined as English joins lists
    assert "Facilitators: Dana Demo and Eli Example" in text
    shutil.copy(path, tmp_path / "deck.pptx")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(tmp_path / "deck.pptx")], check=True, capture_output=True, timeout=180)
    rendered = subprocess.run(["pdftotext", "-f", "1", "-l", "2", str(tmp_path / "deck.pdf"), "-"],
                              capture_output=True, text=True, check=True).stdout
    assert "6 May 2027" in rendered and "Room 4, Demo Town Hall" in rendered
    assert "13:15" in rendered  # agenda on the local clock


def test_the_handout_cover_and_the_guide_show_the_venue_and_local_times(built):
    folder = built / "site/downloads/constructs/en"
    cover = pdf_text((folder / "constructs-en-demo-partner-handout.pdf").read_bytes(), slice(0, 1))
    assert "Room 4, Demo Town Hall" in cover and "6 May 2027" in cover and "13:15–14:15" in cover
    guide = pdf_text((folder / "constructs-en-demo-partner-facilitator-guide.pdf").read_bytes())
    assert "Room 4, Demo Town Hall" in guide and "13:15–13:35" in guide and "Dana Demo" in guide
    form = pdf_text((folder / "constructs-en-demo-partner-feedback-form.pdf").read_bytes())
    assert "6 May 2027" in form and "Room 4, Demo Town Hall" in form


def test_without_a_local_session_nothing_false_is_printed(built):
    folder = built / "site/downloads/constructs/en"
    for name in ("constructs-en-handout.pdf", "constructs-en-facilitator-guide.pdf",
                 "constructs-en-feedback-form.pdf"):
        text = pdf_text((folder / name).read_bytes())
        assert "2027" not in text and "Room 4" not in text and "Venue" not in text
    guide = pdf_text((folder / "constructs-en-facilitator-guide.pdf").read_bytes())
    assert "10:00–10:20" in guide  # the workshop's own start


def test_the_offline_page_opens_from_a_usb_stick_without_the_network(built, tmp_path):
    from site_helpers import chromium

    with zipfile.ZipFile(built / "site" / PARTNER_TOOLKIT) as archive:
        archive.extractall(tmp_path)
    page_file = next(tmp_path.rglob("*-offline-page.html"))
    requests: list[str] = []
    with chromium() as browser:
        page = browser.new_page()
        page.on("request", lambda request: requests.append(request.url))
        page.goto(page_file.as_uri())
        page.wait_for_load_state("load")
        assert page.title() == "Every construct"
        assert page.locator("h1").inner_text() == "Every construct"
        assert page.locator("table.agenda tbody tr").count() == 4
        images = page.evaluate(
            "[...document.images].map(i => [i.complete && i.naturalWidth > 0, i.alt])")
    assert images and all(ok for ok, _ in images), images
    assert [url for url in requests if not url.startswith(("file:", "data:"))] == []


def test_two_builds_in_two_places_give_byte_identical_bundles(built, tmp_path):
    other = make_project(tmp_path, "constructs", files={"partners.yml": PARTNERS})
    assert run_cli(other, "build").returncode == 0
    for path in (TOOLKIT, PARTNER_TOOLKIT):
        assert (other / "site" / path).read_bytes() == (built / "site" / path).read_bytes(), path


def test_the_html_readme_escapes_what_partners_wrote_and_names_the_registration(built):
    files = members(built / "site" / PARTNER_TOOLKIT)
    html = next(data for name, data in files.items() if name.endswith("README.html")).decode()
    assert "Dana Demo &lt;dana@demo.example&gt;" in html and "<dana@demo.example>" not in html
    assert "https://demo.example/register" in html
    page = next(data for name, data in files.items() if name.endswith("offline-page.html")).decode()
    assert 'href="https://demo.example/register"' in page
    assert "Facilitator notes" in page            # notes say whom they are for
