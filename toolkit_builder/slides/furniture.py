"""The deck's furniture: the title and closing slides, logos, the funder line, footers, progress
markers and activity durations (mixed into the Emitter, which owns the presentation)."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

import segno
from PIL import Image as PILImage
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR
from pptx.util import Emu, Pt

from ..i18n import text
from ..model import Run
from .drawing import WHITE
from .layout import BADGE_WIDTH, INDENT, INSET_X, MARKER_WIDTH, SAFETY, balance, shorten
from .pptx_private import append_shape, free_shape_id, set_alt_text, text_body
from .specs import ClosingSlide, TitleSlide
from .template import CONTENT, TITLE, TITLE_ONLY, Box
from .xml import bullet_xml, paragraph_xml, placeholder_xml, replace_paragraphs, run_xml

TITLE_SLIDE_SIZE = 40                # the title slide's title (tools/make_pptx_template.py)
SUBTITLE_SIZES = (22, 18)            # title slide: the subtitle, then the origin line
LOGO_HEIGHT = 56                     # title slide logos: their height (each keeps its shape)
LOGO_RIGHT, LOGO_TOP = 46, 30        # the logo row's right margin and top
LOGO_GAP = 24                        # between a partner's logo and the project's
PLATE_PAD = 10                       # white margin of the plate the logos sit on
SESSION_SIZE = 16                    # the local session's lines under the subtitle
BADGE_GAP = 10                       # between the title and what stands beside it
BADGE_SIZE = 40                      # size of that duration
DURATION_SIZE = 66                   # size of the duration beside an activity's instructions
MATERIALS_SIZE = 18                  # size of the materials list under it
QR_MAX = 200.0                       # side of a QR code on the closing slide, at most
QR_ROOM = 90                         # body height a QR code leaves free below it, at least
QR_BLOCK = 80                        # height added to a QR code's when centring it with its caption
QR_SCALE, QR_BORDER = 8, 2           # QR code pixels per module, and quiet zone in modules
CAPTION_GAP, CAPTION_HEIGHT = 8, 70  # the caption box under a QR code: its gap and height
CAPTION_SIZE, ADDRESS_SIZE = 20, 14  # the caption, and the address under it
FOOTER_SIZE = 11                     # the master's footer size (tools/make_pptx_template.py)
FOOTER_FIT = 0.92                    # share of its placeholder the footer text may fill
MARKER_SIZE = 14                     # the progress marker on a section's first slide
FUNDER_HEIGHT, FUNDER_SIZE = 30, 12  # the funder's emblem and acknowledgement
FUNDER_BOTTOM = 62                   # their distance from the slide's bottom edge
SLIDE_NUMBER = ('<a:fld id="{{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}}" type="slidenum">'
                '<a:rPr dirty="0"/><a:t>{number}</a:t></a:fld>')
FOOTER_TYPES = {PP_PLACEHOLDER.DATE: "dt", PP_PLACEHOLDER.FOOTER: "ftr",
                PP_PLACEHOLDER.SLIDE_NUMBER: "sldNum"}


class Furniture:
    """What every deck has besides its content slides, drawn in the theme's colours."""

    def footer_texts(self) -> dict[str, str]:
        """Return the footer placeholders' texts: the licence, the workshop (cut at a word to
        fit) with the partner's name, by placeholder type."""
        ftr = next(shape for shape in self.layouts[CONTENT].placeholders
                   if shape.placeholder_format.type == PP_PLACEHOLDER.FOOTER)
        width = (Emu(ftr.width).pt - 2 * INSET_X) * FOOTER_FIT
        partner = self.context.partner
        suffix = f" · {partner.name}" if partner is not None else ""
        title = shorten(self.workshop.meta.title, FOOTER_SIZE,
                        width - self.metrics.width(suffix, "regular", FOOTER_SIZE), self.metrics)
        return {"dt": self.workshop.meta.licence, "ftr": title + suffix}

    def marker(self, spec) -> None:
        """Write the progress marker right of a section's first title: block number and time."""
        if not getattr(spec, "marker", ""):
            return
        counter, _, when = spec.marker.partition("\n")
        box = self.beside_title(MARKER_WIDTH)
        paras = [paragraph_xml(run_xml(Run(counter, strong=True), MARKER_SIZE,
                                       colour=self.colours["primary"]), align="r")]
        if when:
            paras.append(paragraph_xml(run_xml(Run(when), MARKER_SIZE,
                                               colour=self.colours["muted"]), align="r"))
        replace_paragraphs(text_body(box.text_frame), paras)

    def beside_title(self, width: float):
        """Return a text box at the right end of the title, which gives up that width."""
        title = self.placeholders[0]
        left, top, full, height = title.left, title.top, title.width, title.height
        box = self.slide.shapes.add_textbox(left + full - Pt(width), top, Pt(width), height)
        self.plain_frame(box.text_frame)
        box.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        # Setting one dimension of an inherited placeholder resets the others, so set all four.
        title.left, title.top = left, top
        title.width, title.height = full - Pt(width + BADGE_GAP), height
        return box

    def slide_title(self, spec: TitleSlide) -> None:
        """Write the title slide: title, subtitle, origin line, the local session and the logos,
        with lines balanced so that none is left with a single word."""
        self.new_slide(TITLE, spec.title)
        title = self.placeholders[0]
        width = Emu(title.width).pt - 2 * INSET_X
        lines = balance(spec.title, TITLE_SLIDE_SIZE, width, self.metrics, bold=True)
        replace_paragraphs(text_body(title.text_frame), [paragraph_xml(
            "<a:br/>".join(run_xml(Run(line), None) for line in lines), align=None)])
        rows = [(line, SUBTITLE_SIZES[min(i, 1)], False) for i, line in enumerate(spec.subtitle)]
        rows += [(line, SESSION_SIZE, i == 0) for i, line in enumerate(spec.session)]
        if rows:
            width = Emu(self.placeholders[1].width).pt - 2 * INSET_X
            paras = [paragraph_xml("<a:br/>".join(
                run_xml(Run(part, strong=bold), size)
                for part in balance(line, size, width, self.metrics, bold=bold)))
                for line, size, bold in rows]
            replace_paragraphs(text_body(self.placeholders[1].text_frame), paras)
        else:
            self.drop(1)
        self.logos()
        self.funder(dark=True)

    def funder(self, dark: bool) -> None:
        """Add the funder's emblem and acknowledgement at the bottom left (on a white plate on
        the coloured title slide), if the theme names a funder."""
        theme = self.context.brand or self.theme
        line = theme.funder_text(self.workshop.lang)
        if not line:
            return
        left = self.body.left
        top = Emu(self.prs.slide_height).pt - FUNDER_BOTTOM
        width = FUNDER_HEIGHT * picture_aspect(theme.funder_logo) if theme.funder_logo else 0.0
        words = self.metrics.width(line, "regular", FUNDER_SIZE) / SAFETY + 2 * INSET_X
        if dark:
            self.plate(left - PLATE_PAD, top - PLATE_PAD / 2, width + LOGO_GAP / 2 + words
                       + 2 * PLATE_PAD, FUNDER_HEIGHT + PLATE_PAD)
        if theme.funder_logo:
            emblem = self.slide.shapes.add_picture(str(theme.funder_logo), Pt(left), Pt(top),
                                                   Pt(width), Pt(FUNDER_HEIGHT))
            set_alt_text(emblem, line)
            left += width + LOGO_GAP / 2
        box = self.slide.shapes.add_textbox(Pt(left), Pt(top), Pt(words), Pt(FUNDER_HEIGHT))
        self.plain_frame(box.text_frame)
        box.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        replace_paragraphs(text_body(box.text_frame), [paragraph_xml(run_xml(
            Run(line), FUNDER_SIZE, colour=self.colours["text"]))])

    def plate(self, left: float, top: float, width: float, height: float) -> None:
        """Add a white rounded plate for logos drawn for white paper, on a coloured slide."""
        plate = self.slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, Pt(left), Pt(top),
                                            Pt(width), Pt(height))
        plate.fill.solid()
        plate.fill.fore_color.rgb = RGBColor.from_string(WHITE.lstrip("#"))
        plate.line.fill.background()
        plate.shadow.inherit = False

    def logos(self) -> None:
        """Place the logos top right, the partner's first, then the project's.

        Each logo gets its own shape.
        """
        themes = [self.theme] + ([self.context.brand] if self.context.brand is not None else [])
        shown = [t for t in themes if t.logo_png]
        widths = [LOGO_HEIGHT * picture_aspect(t.logo_png) for t in shown]
        if not shown:
            return
        # Logos are drawn for white paper; on the coloured title slide they sit on a white plate.
        total = sum(widths) + LOGO_GAP * (len(shown) - 1)
        right = Emu(self.prs.slide_width).pt - LOGO_RIGHT
        self.plate(right - total - PLATE_PAD, LOGO_TOP - PLATE_PAD, total + 2 * PLATE_PAD,
                   LOGO_HEIGHT + 2 * PLATE_PAD)
        for theme, width in zip(reversed(shown), reversed(widths), strict=True):
            right -= width
            logo = self.slide.shapes.add_picture(str(theme.logo_png), Pt(right), Pt(LOGO_TOP),
                                                 Pt(width), Pt(LOGO_HEIGHT))
            project = theme is (self.context.brand or self.theme)
            alt = self.context.project_name(self.workshop.lang) if project else theme.name
            set_alt_text(logo, alt)
            right -= LOGO_GAP

    def duration_badge(self, duration: str) -> None:
        """Write an activity's duration beside its title, for instructions at full width."""
        badge = self.beside_title(BADGE_WIDTH - BADGE_GAP)
        run = run_xml(Run(duration, strong=True), BADGE_SIZE, colour=self.colours["accent"])
        replace_paragraphs(text_body(badge.text_frame), [paragraph_xml(run, align="r")])

    def duration_panel(self, duration: str, materials: tuple[str, ...]) -> None:
        """Write an activity's duration, large, and its materials in the right-hand placeholder."""
        frame = self.placeholders[2].text_frame
        self.plain_frame(frame)
        accent = self.colours["accent"]
        run = run_xml(Run(duration, strong=True), DURATION_SIZE, colour=accent)
        paras = [paragraph_xml(run, align="ctr")]
        if materials:
            label = Run(text(self.workshop.lang, "Materials"), strong=True)
            paras.append(paragraph_xml(run_xml(label, MATERIALS_SIZE), space_before=MATERIALS_SIZE))
            bullet = bullet_xml("•", accent)
            paras += [paragraph_xml(run_xml(Run(item), MATERIALS_SIZE), margin=INDENT,
                                    indent=-INDENT, bullet=bullet) for item in materials]
        replace_paragraphs(text_body(frame), paras)

    def slide_closing(self, spec: ClosingSlide) -> None:
        """Write the closing slide: a QR code per link, with its caption and address, centred."""
        title = f"{spec.title} · {spec.subtitle[0]}" if spec.subtitle else spec.title
        self.new_slide(TITLE_ONLY, title, spec.title_size)
        body = self.body
        size = min(QR_MAX, body.height - QR_ROOM)
        top = body.top + (body.height - size - QR_BLOCK) / 2
        step = body.width / len(spec.links)
        for index, (caption, url) in enumerate(spec.links):
            left = body.left + step * index
            self.qr_code(url, Box(left + (step - size) / 2, top, size, size))
            box = self.slide.shapes.add_textbox(Pt(left), Pt(top + size + CAPTION_GAP), Pt(step),
                                                Pt(CAPTION_HEIGHT))
            self.plain_frame(box.text_frame)
            link = run_xml(Run(caption, strong=True, href=url), CAPTION_SIZE, link=self.link)
            address = Run(url.split("://")[-1].rstrip("/"))
            replace_paragraphs(text_body(box.text_frame), [
                paragraph_xml(link, align="ctr"),
                paragraph_xml(run_xml(address, ADDRESS_SIZE, colour=self.colours["muted"]),
                              align="ctr")])
        self.funder(dark=False)

    def qr_code(self, url: str, box: Box) -> None:
        """Add a QR code for an address, in the theme's text colour."""
        data = io.BytesIO()
        segno.make(url, error="m").save(data, kind="png", scale=QR_SCALE, border=QR_BORDER,
                                        dark=self.colours["text"])
        data.seek(0)
        picture = self.slide.shapes.add_picture(data, Pt(box.left), Pt(box.top), Pt(box.width),
                                                Pt(box.height))
        set_alt_text(picture, f"QR code: {url}")

    def footer(self) -> None:
        """Add the layout's footer placeholders: the licence, the workshop and partner, and an
        automatic slide number; their place and style are the master's, to edit once."""
        shape_id = free_shape_id(self.slide)
        for kind, idx in self.footer_slots(self.slide.slide_layout):
            if kind == "sldNum":
                runs = SLIDE_NUMBER.format(number=len(self.prs.slides))
            elif self.footers.get(kind):
                # The theme's body font by reference: LibreOffice otherwise sets a footer in serif.
                runs = (f'<a:r><a:rPr dirty="0"><a:latin typeface="+mn-lt"/></a:rPr>'
                        f'<a:t>{escape(self.footers[kind])}</a:t></a:r>')
            else:
                continue
            append_shape(self.slide, placeholder_xml(shape_id, kind, idx,
                                                     paragraph_xml(runs, align=None)))
            shape_id += 1

    def footer_slots(self, layout) -> list[tuple[str, int]]:
        """Return a layout's footer placeholders as (kind, idx), read once per layout."""
        slots = self._footer_slots.get(layout.name)
        if slots is None:
            slots = self._footer_slots[layout.name] = [
                (FOOTER_TYPES[shape.placeholder_format.type], shape.placeholder_format.idx)
                for shape in layout.placeholders
                if shape.placeholder_format.type in FOOTER_TYPES]
        return slots


def picture_aspect(path) -> float:
    """Return an image file's width over its height."""
    with PILImage.open(path) as picture:
        return picture.width / max(picture.height, 1)
