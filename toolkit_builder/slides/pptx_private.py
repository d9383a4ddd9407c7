"""The few places the slides reach below python-pptx's public API, each saying why.

Every use of a python-pptx private attribute or of its XML element classes lives here, so that a
python-pptx upgrade is checked in one file. Nothing here changes python-pptx itself: each function
acts on one object of one presentation.
"""

from __future__ import annotations

from pptx.opc.packuri import PackURI


def text_body(frame):
    """Return the `p:txBody` element of a text frame."""
    # TextFrame has no public element; paragraphs are written as prepared DrawingML strings,
    # which is many times faster than building them run by run through the object API.
    return frame._txBody


def replace_table(frame, tbl) -> None:
    """Replace the `a:tbl` element of a table's graphic frame by a prepared one."""
    # Table has no public element; the table is written as XML in one go (cell fills, margins and
    # row heights included), which the object API could do only cell by cell, far more slowly.
    old = frame.table._tbl
    old.getparent().replace(old, tbl)


def free_shape_id(slide) -> int:
    """Return the first shape id not yet used on a slide."""
    # The highest id in use is known only to the shape tree's XML element class.
    return slide.shapes.element.max_shape_id + 1


def append_shape(slide, element) -> None:
    """Append a prepared shape element (a `p:sp`) to a slide's shape tree."""
    # python-pptx adds a text box only as an object, styled afterwards property by property: three
    # footer boxes a slide took a fifth of a deck's time. The shape tree is its public `element`.
    slide.shapes.element.append(element)


def remove_shape(shape) -> None:
    """Remove a shape (an unused placeholder) from its slide."""
    # python-pptx has no way to delete a shape; its element is taken out of the shape tree.
    shape.element.getparent().remove(shape.element)


def set_alt_text(picture, text: str) -> None:
    """Set a picture's alternative text (`descr`), read by screen readers."""
    # python-pptx has no property for alt text; it is an attribute of the picture's `p:cNvPr`.
    picture.element.nvPicPr.cNvPr.set("descr", text)


def count_partnames(package) -> None:
    """Give one package a part namer that counts, instead of rescanning every part for each name."""
    # python-pptx finds the next free name (slide12.xml, notesSlide12.xml) by walking the whole part
    # graph each time, which makes a deck quadratic in its slides: half the time of 100 slides.
    # There is no option for it, so this package object (not the class) gets its own namer.
    taken = {str(part.partname) for part in package.iter_parts()}
    last: dict[str, int] = {}

    def next_partname(template: str) -> PackURI:
        number = last.get(template, 0) + 1
        while template % number in taken:
            number += 1
        last[template] = number
        return PackURI(template % number)

    package.next_partname = next_partname
