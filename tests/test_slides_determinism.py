"""Decks are byte-identical on rebuild, without patching python-pptx for the rest of the process."""

from __future__ import annotations

import ast
import datetime
import io
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from pptx import Presentation
from pptx.opc.package import OpcPackage
from pptx.opc.serialized import _ZipPkgWriter

from toolkit_builder.artifacts import ZIP_EPOCH
from toolkit_builder.pipeline import make_context
from toolkit_builder.project import load_project
from toolkit_builder.slides import render
from toolkit_builder.slides.package import ENTRY_MODE, fixed_zip

SLIDES = ROOT / "toolkit_builder" / "slides"


@pytest.fixture(scope="module")
def deck():
    """A sample workshop, its context and its rendered deck."""
    project = load_project(ROOT)
    context = make_context(project)
    workshop = project.workshops["responsive-training"]["en"]
    return workshop, context, render(workshop, context).data


def saved_by_python_pptx() -> bytes:
    """Return a one-slide deck saved by python-pptx alone."""
    prs = Presentation()
    prs.slides.add_slide(prs.slide_layouts[0]).shapes.title.text = "plain python-pptx"
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def test_rendering_twice_gives_the_same_bytes(deck):
    workshop, context, data = deck
    assert render(workshop, context).data == data


def test_every_entry_is_dated_2000_and_content_types_come_first(deck):
    entries = zipfile.ZipFile(io.BytesIO(deck[2])).infolist()
    assert entries[0].filename == "[Content_Types].xml"
    for entry in entries:
        assert entry.date_time == ZIP_EPOCH == (2000, 1, 1, 0, 0, 0), entry.filename
        assert entry.compress_type == zipfile.ZIP_DEFLATED
        assert entry.external_attr == ENTRY_MODE and entry.create_system == 3


def test_fixed_zip_equals_rewriting_every_entry_through_zipfile():
    original = saved_by_python_pptx()
    source = zipfile.ZipFile(io.BytesIO(original))
    rewritten = io.BytesIO()
    with zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = ENTRY_MODE
            target.writestr(info, source.read(entry))
    fixed = fixed_zip(original)
    assert fixed == rewritten.getvalue()
    assert zipfile.ZipFile(io.BytesIO(fixed)).testzip() is None


def test_python_pptx_is_left_unpatched(deck):
    render(deck[0], deck[1])
    assert _ZipPkgWriter.write.__module__ == "pptx.opc.serialized"
    assert _ZipPkgWriter.write.__qualname__ == "_ZipPkgWriter.write"
    assert OpcPackage.next_partname.__qualname__ == "OpcPackage.next_partname"
    now = datetime.datetime.now()
    for entry in zipfile.ZipFile(io.BytesIO(saved_by_python_pptx())).infolist():
        stamped = datetime.datetime(*entry.date_time)
        assert entry.date_time != ZIP_EPOCH and abs(stamped - now) < datetime.timedelta(days=1)


def private_attributes(path: Path) -> list[str]:
    """Return `obj._name` uses in a module, but for self, cls and lxml's `etree._Element`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [f"{path.name}:{node.lineno} .{node.attr}" for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and not (isinstance(node.value, ast.Name)
                     and node.value.id in ("self", "cls", "etree"))]


def test_private_python_pptx_attributes_are_used_in_one_module_only():
    found = [use for path in sorted(SLIDES.glob("*.py")) if path.name != "pptx_private.py"
             for use in private_attributes(path)]
    assert found == []
    assert private_attributes(SLIDES / "pptx_private.py")  # the module the check would miss
