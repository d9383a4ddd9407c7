"""Contact sheets: every page of some decks and PDFs as numbered thumbnails on one PNG each.

    .venv/bin/python tools/contact_sheet.py OUT_DIR FILE.pptx FILE.pdf ...

Decks are rendered to PDF with LibreOffice first; pages are drawn with pdftoppm. The tests write
the sheets of every sample deck and PDF to tests/artifacts/sheets/ for a reviewer to look at.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw

COLUMNS = 6          # thumbnails per row
THUMB = 260          # the longer side of a thumbnail, in pixels
PAD = 14             # gap around thumbnails, and the height of the number under each


def pdf_of(path: Path, work: Path) -> Path:
    """Return a PDF of a deck (rendered by LibreOffice) or the PDF itself."""
    if path.suffix.lower() == ".pdf":
        return path
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{work}/lo",
                    "--convert-to", "pdf", "--outdir", str(work), str(path)],
                   check=True, capture_output=True, timeout=300)
    return work / f"{path.stem}.pdf"


def pages(pdf: Path, work: Path) -> list[Path]:
    """Return PNG files of a PDF's pages, in order."""
    prefix = work / pdf.stem
    subprocess.run(["pdftoppm", "-scale-to", str(THUMB), "-png", str(pdf), str(prefix)],
                   check=True, capture_output=True, timeout=300)
    return sorted(work.glob(f"{pdf.stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def sheet(images: list[Path]) -> Image.Image:
    """Return the thumbnails laid out in a grid, each numbered under it."""
    thumbs = [Image.open(p).convert("RGB") for p in images]
    cell_w = max(t.width for t in thumbs) + PAD
    cell_h = max(t.height for t in thumbs) + 2 * PAD
    rows = -(-len(thumbs) // COLUMNS)
    out = Image.new("RGB", (cell_w * min(COLUMNS, len(thumbs)) + PAD, cell_h * rows + PAD),
                    "#d9dde3")
    draw = ImageDraw.Draw(out)
    for index, thumb in enumerate(thumbs):
        x = PAD + (index % COLUMNS) * cell_w
        y = PAD + (index // COLUMNS) * cell_h
        out.paste(thumb, (x, y))
        draw.text((x, y + thumb.height + 2), str(index + 1), fill="#1d2430")
    return out


def contact_sheet(path: Path, out_dir: Path) -> Path:
    """Write the contact sheet of one deck or PDF into a folder and return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        target = out_dir / f"{path.stem}.png"
        sheet(pages(pdf_of(path, work), work)).save(target, optimize=True)
    return target


def main(argv: list[str]) -> int:
    """Write a contact sheet for each file named on the command line."""
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out_dir = Path(argv[0])
    for name in argv[1:]:
        print(contact_sheet(Path(name), out_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
