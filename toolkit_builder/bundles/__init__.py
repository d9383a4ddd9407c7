"""Toolkit bundles: one zip per workshop, language and partner, packed from phase one's bytes."""

from __future__ import annotations

from pathlib import PurePosixPath

from ..artifacts import deterministic_zip
from ..model import Workshop
from ..resolve import image_files
from ..writers import Context, Rendered
from .readme import REPORT_NAME, SOURCES, licence, readmes
from .report_template import report_markdown


def folder_name(workshop: Workshop, context: Context) -> str:
    """Return the one top-level folder of the zip, named after the zip.

    Unpacking the zip then makes no mess.
    """
    middle = f"-{context.partner.slug}" if context.partner else ""
    return f"{workshop.slug}-{workshop.lang}{middle}-toolkit"


def source_files(workshop: Workshop) -> list[tuple[str, bytes]]:
    """Return the workshop's source in this language, its images and their editable sources
    (SVG), so that a partner can adapt and translate them."""
    source = workshop.folder / PurePosixPath(workshop.source.path).name
    files = [(f"{SOURCES}/{source.name}", source.read_bytes())]
    for image in image_files(workshop):
        name = image.relative_to(workshop.folder).as_posix()
        files.append((f"{SOURCES}/{name}", image.read_bytes()))
    return files


def render_toolkit(workshop: Workshop, context: Context,
                   inputs: list[tuple[str, bytes]]) -> Rendered:
    """Return the toolkit zip: the documents, README.html/.txt, the licence and the sources."""
    documents = [(PurePosixPath(path).name, data) for path, data in inputs]
    report = (REPORT_NAME, report_markdown(workshop, context).encode("utf-8"))
    files = [*documents, *readmes(workshop, context, [name for name, _ in documents]),
             report, licence(workshop), *source_files(workshop)]
    top = folder_name(workshop, context)
    return Rendered(deterministic_zip([(f"{top}/{name}", data) for name, data in files]))
