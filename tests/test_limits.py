"""Issue 16, the reading side: `check` refuses what the builds cannot take, fast and located."""

from __future__ import annotations

import io
import os
import random
import time

import pytest
from conftest import run_cli
from PIL import Image

from toolkit_builder import limits

HEAD = "---\ntitle: T\n---\n\n"  # the body's first `##` heading is then on line 5


def check(root, seconds: float = 10):
    """Run `check` and return its findings, asserting it ends fast without a traceback."""
    started = time.monotonic()
    result = run_cli(root, "check")
    elapsed = time.monotonic() - started
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert elapsed < seconds, f"check took {elapsed:.1f} s"
    return result, [line for line in result.stdout.splitlines()
                    if ": error: " in line or ": warning: " in line]


def refused(root, *expected: str, seconds: float = 10) -> None:
    """Assert `check` exits 1 with exactly these findings."""
    result, found = check(root, seconds)
    assert result.returncode == 1, result.stdout
    assert found == list(expected)
    assert all(len(line) < 400 for line in result.stdout.splitlines())


# 4. YAML alias bombs and unbounded values in messages


def test_alias_bomb_is_refused_at_once(project):
    refused(project("limit-alias-bomb"),
            "workshops/limit-alias-bomb/index.md:6: error: front matter holds more than 2,000 "
            "values once its aliases (*name) are expanded; write the values out", seconds=5)


def test_an_alias_where_a_number_is_expected_is_shown_cut(project):
    text = ("---\ntitle: T\nlist: &a [" + ", ".join(["'word'"] * 50) + "]\n"
            "duration: *a\n---\n\n## One\n\nText.\n")
    result, found = check(project(files={"workshops/w/index.md": text}))
    assert "workshops/w/index.md:4: error: 'duration' must be minutes (180) or hours and " \
           "minutes (3h, 2h30), not ['word', 'word', 'word', 'word', ...]" in found


def test_a_huge_value_is_cut_in_its_message(project):
    text = "---\ntitle: T\nstart: '" + "9" * 20_000 + "'\n---\n\n## One\n\nText.\n"
    refused(project(files={"workshops/w/index.md": text}),
            "workshops/w/index.md:3: error: 'start' must be a clock time such as \"09:30\", "
            "not '" + "9" * 27 + "..." + "9" * 28 + "'")


# 14. Deep structures


def test_yaml_nested_600_deep_is_refused(project):
    refused(project("limit-yaml-deep"),
            "workshops/limit-yaml-deep/index.md:4: error: front matter is nested more than "
            "10 levels deep")


def test_a_list_100_levels_deep_is_refused(project):
    items = "\n".join("    " * level + f"- level {level + 1}" for level in range(100))
    refused(project(files={"workshops/w/index.md": HEAD + "## Deep\n\n" + items + "\n"}),
            "workshops/w/index.md:13: error: list item is nested 7 levels deep (indented 24); "
            "lists may nest at most 6 levels")


def test_quotes_nested_10_deep_are_refused(project):
    quotes = "\n".join(">" * depth + " quoted" for depth in range(1, 11))
    refused(project(files={"workshops/w/index.md": HEAD + "## Deep\n\n" + quotes + "\n"}),
            "workshops/w/index.md:11: error: block quote is nested 5 deep; quotes may nest "
            "at most 4 levels")


# 8. Text too long for its format


def test_a_20_kb_title_is_refused(project):
    text = "---\ntitle: " + "Long " * 4_000 + "\n---\n\n## One\n\nText.\n"
    refused(project(files={"workshops/w/index.md": text}),
            "workshops/w/index.md:2: error: 'title' is 19,999 characters long; "
            "it may have at most 200")


def test_ten_facilitators_overflow_the_deck_author(project):
    refused(project("limit-facilitators"),
            "workshops/limit-facilitators/index.md:3: error: 'facilitators' together are 293 "
            "characters long; the slide deck's 'author' property holds at most 255")


def test_a_long_objective_is_refused_at_its_item(project):
    text = "---\ntitle: T\nobjectives:\n  - Short\n  - " + "x" * 500 + "\n---\n\n## One\n\nT.\n"
    refused(project(files={"workshops/w/index.md": text}),
            "workshops/w/index.md:5: error: item 2 of 'objectives' is 500 characters long; "
            "it may have at most 400")


# 9. Inputs that took minutes


def test_5000_sections_are_refused(project):
    body = "".join(f"## Part {n}\n\nText.\n\n" for n in range(5_000))
    refused(project(files={"workshops/w/index.md": HEAD + body}),
            f"workshops/w/index.md:{5 + 4 * 60}: error: section 61: a workshop may have at most "
            "60 sections ('##' headings)")


def test_too_many_slides_in_a_section(project):
    body = "## Many\n\n" + "Slide.\n\n---\n\n" * 45
    refused(project(files={"workshops/w/index.md": HEAD + body}),
            "workshops/w/index.md:5: error: section 'Many' has 46 slides ('---' breaks); "
            "a section may have at most 40")


def test_a_source_over_the_size_limit_is_refused(project):
    body = "## One\n\n" + ("Words words words.\n\n" * 40_000)
    refused(project(files={"workshops/w/index.md": HEAD + body}),
            "workshops/w/index.md:1: error: file is 781 KiB; sources are limited to 512 KiB: "
            "split the workshop")


def test_too_many_words_are_refused_where_they_pass_the_limit(project):
    paragraph = " ".join(["word"] * 10)
    body = "## One\n\n" + f"{paragraph}\n\n" * 4_100  # 41,000 words, 230 KB
    crossing = 7 + 2 * 3_999  # the heading's 2 words and 4,000 paragraphs pass 40,000
    refused(project(files={"workshops/w/index.md": HEAD + body}),
            f"workshops/w/index.md:{crossing}: error: the workshop passes 40,000 words here; "
            "split it into two workshops")


def test_a_long_line_and_a_long_paragraph(project):
    body = ("## One\n\n" + "x" * 5_000 + "\n\nIntro.\n\n"
            + "\n".join(" ".join(["word"] * 10) for _ in range(210)) + "\n")
    refused(project(files={"workshops/w/index.md": HEAD + body}),
            "workshops/w/index.md:7: error: line is 5,000 characters long; lines may have at "
            "most 4,000",
            "workshops/w/index.md:11: error: paragraph has more than 2,000 words; split it")


def test_a_long_section_title(project):
    body = "## " + "Title " * 50 + "\n\nText.\n"
    refused(project(files={"workshops/w/index.md": HEAD + body}),
            "workshops/w/index.md:5: error: section title is 299 characters long; "
            "it may have at most 200")


# 10. Corrupt images, 7. SVG bombs


def noise_png(size: int = 120) -> bytes:
    """Return a PNG of random pixels (so that half of it cannot be decoded)."""
    rng = random.Random(16)
    picture = Image.frombytes("RGB", (size, size), bytes(rng.randrange(256)
                                                         for _ in range(size * size * 3)))
    out = io.BytesIO()
    picture.save(out, "PNG")
    return out.getvalue()


def test_a_truncated_png_is_an_error_at_its_reference(project):
    data = noise_png()
    text = HEAD + "## Pictures\n\nText.\n\n![A cut picture](images/cut.png)\n"
    root = project(files={"workshops/w/index.md": text,
                          "workshops/w/images/cut.png": data[: len(data) // 2],
                          "workshops/w/images/whole.png": data})
    refused(root, "workshops/w/index.md:9: error: image 'images/cut.png' is damaged "
                  "(Truncated File Read): export it again")


def test_a_whole_png_passes(project):
    text = HEAD + "## Pictures\n\n![A whole picture](images/whole.png)\n"
    root = project(files={"workshops/w/index.md": text,
                          "workshops/w/images/whole.png": noise_png()})
    result, found = check(root)
    assert (result.returncode, found) == (0, [])


def test_svg_use_fan_out_is_refused(project):
    refused(project("limit-svg-bomb"),
            "workshops/limit-svg-bomb/index.md:9: error: image 'images/bomb.svg' draws more than "
            "20,000 elements once its <use> references are expanded; simplify it", seconds=5)


@pytest.mark.parametrize(("svg", "problem"), [
    ('<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
     "declares XML entities (<!ENTITY>); export it again without them"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><g id="a"><use href="#a"/></g></svg>',
     "has a <use> element that refers to itself or an element holding it"),
    ('<svg xmlns="http://www.w3.org/2000/svg">' + "<g>" * 40 + "</g>" * 40 + "</svg>",
     "nests elements 41 deep; SVG images may nest at most 32"),
    ('<svg xmlns="http://www.w3.org/2000/svg">' + "<rect/>" * 6_000 + "</svg>",
     "has 6,001 elements; SVG images may have at most 5,000"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><rect', "is not a readable SVG file ("
     "Couldn't find end of Start Tag rect line 1, line 1, column 46)"),
])
def test_unsafe_svgs_are_refused(project, svg, problem):
    text = HEAD + "## Diagram\n\n![A diagram](d.svg)\n"
    root = project(files={"workshops/w/index.md": text, "workshops/w/d.svg": svg})
    refused(root, f"workshops/w/index.md:7: error: image 'd.svg' {problem}")


# 1. Symbolic links that would publish outside files


def test_links_leaving_the_workshop_are_refused(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.txt").write_text("secret", encoding="utf-8")
    (outside / "index.md").write_text(HEAD + "## One\n\nText.\n", encoding="utf-8")
    root = project(files={"workshops/w/index.md": HEAD + "## One\n\nText.\n",
                          "workshops/w/images/ok.txt": "inside"})
    os.symlink(outside / "secret.txt", root / "workshops/w/notes.txt")
    os.symlink(outside, root / "workshops/w/images/more")
    os.symlink(root / "workshops/w/images/ok.txt", root / "workshops/w/fine.txt")
    os.symlink(outside, root / "workshops/linked")
    _, found = check(root)
    assert found == [
        f"workshops/linked/index.md:1: error: workshop folder 'workshops/linked' is a symbolic "
        f"link to '{limits.cut(outside, 80)}', outside its workshop folder: the site would "
        "publish what it points at; replace the link with a copy",
        f"workshops/w/index.md:1: error: file 'workshops/w/images/more' is a symbolic link to "
        f"'{limits.cut(outside, 80)}', outside its workshop folder: the site would publish what "
        "it points at; replace the link with a copy",
        f"workshops/w/index.md:1: error: file 'workshops/w/notes.txt' is a symbolic link to "
        f"'{limits.cut(outside / 'secret.txt', 80)}', outside its workshop folder: the site "
        "would publish what it points at; replace the link with a copy"]


# 19. Real lines, 17. raw HTML


def test_a_nul_byte_is_reported_at_its_line(project):
    text = (HEAD + "## One\n\nText with a \x00 in it.\n").encode()
    refused(project(files={"workshops/w/index.md": text}),
            "workshops/w/index.md:7: error: NUL byte (\\0) in the text: delete it (it is "
            "invisible in most editors; retype the line)")


def test_raw_html_text_is_a_warning_at_its_line(project):
    result, found = check(project("limit-raw-html"))
    assert result.returncode == 0
    assert found == ["workshops/limit-raw-html/index.md:9: warning: raw HTML is shown on the site "
                     "only; the PDF and slides leave out the text of this <div>: write it in "
                     "Markdown (or <div markdown>)"]


def test_the_samples_stay_well_inside_the_limits():
    from conftest import ROOT

    for path in (ROOT / "workshops").glob("*/index*.md"):
        text = path.read_text(encoding="utf-8")
        assert len(text.encode()) * 5 < limits.MAX_SOURCE_BYTES
        assert len(text.split()) * 5 < limits.MAX_WORDS
        assert text.count("\n## ") * 5 < limits.MAX_SECTIONS
