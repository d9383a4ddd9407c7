#!/usr/bin/env python3
"""Project-scale benchmark: whole builds of N generated workshops against the floors and pandoc.

    .venv/bin/python bench/project.py [--workshops 10,50] [--runs 3] [--check-workshops 1000]
                                      [--quick]

It writes a throw-away project (the repo's mkdocs.yml and themes/, N workshops in English and
Norwegian with 18 sections, tables, an image, notes and two activities each, and a partners.yml
whose one partner runs one workshop) and times `./build.py --root DIR build` as a whole process,
median of --runs: cold (no site/, no .cache/), no-op, one workshop edited, the theme changed, the
partner's session date changed; `check` cold and warm; the peak memory of the cold build (the sum
of the resident memory of the build and its worker processes, sampled ten times a second). Each
figure is given in wall-clock and CPU seconds. The builds run a copy of build.py and the package
taken at the start, so that others' edits to the working tree cannot empty the cache meanwhile.

Floors, on the same sources, each timed inside a fresh process (interpreter start and imports left
out, so they are strict): python-pptx alone writing every deck's slides as title-and-bullets with
notes (bench/slides.py's floor), WeasyPrint alone printing every PDF once from the HTML our writer
hands it (its first draft; with the builder's fetcher and options, as bench/handouts.py), and MkDocs
alone: the project's mkdocs.yml (mkdocs-material, the i18n plugin, the same Markdown extensions)
without the toolkit's hooks, so plain pages of the same Markdown files, no catalogue, partner
pages or downloads. The pandoc route runs `pandoc -t pptx` and `pandoc --pdf-engine=weasyprint`
per workshop and language, one process each, serially, and sums them. See bench/README.md for the
targets.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
# The code the benchmark runs: a snapshot of the working tree taken at its start (see snapshot()).
CODE = Path(os.environ.get("KTW_BENCH_CODE") or ROOT)
BUILD = CODE / "build.py"
PYTHON = sys.executable
LANGS = ("en", "nb")
PARTNER_WORKSHOP = 1      # the workshop the partner runs (in English)
EDITED_WORKSHOP = 2       # the workshop whose index.md the "one workshop edited" step changes
PAGE = os.sysconf("SC_PAGE_SIZE")

# Section titles (English, Norwegian); agenda items name the first section of their block.
SECTIONS = (
    ("Welcome and introductions", "Velkommen og presentasjon"),
    ("Why it matters", "Hvorfor det er viktig"),
    ("The local context", "Den lokale situasjonen"),
    ("The model in practice", "Modellen i praksis"),
    ("Who does what", "Hvem gjør hva"),
    ("Activity: mapping partners", "Aktivitet: kartlegging av partnere"),
    ("The evidence", "Kunnskapsgrunnlaget"),
    ("A first case", "Et første eksempel"),
    ("A second case", "Et andre eksempel"),
    ("What the data says", "Hva tallene sier"),
    ("Costs and benefits", "Kostnader og gevinster"),
    ("Activity: planning a first step", "Aktivitet: planlegge et første steg"),
    ("Lessons learned", "Erfaringer"),
    ("Common pitfalls", "Vanlige fallgruver"),
    ("What we can borrow", "Hva vi kan låne"),
    ("Next steps", "Neste steg"),
    ("Further reading", "Mer å lese"),
    ("Wrap-up and feedback", "Oppsummering og tilbakemelding"),
)
AGENDA = ((0, 10), (1, 15), (3, 20), (5, 20), (None, 15), (6, 20), (9, 15), (11, 25), (12, 15),
          (15, 10), (17, 15))      # (section, minutes); None is the break: 180 minutes in all
TABLES, IMAGE, SPLIT = {2, 9}, 3, {1, 4, 7, 10, 13}   # sections with a table, the image, a `---`
ACTIVITIES = {5: 0, 11: 1}

WORDS = {
    "en": {
        "title": "Local cooperation, case {n:02d}: what partners learned abroad",
        "subtitle": "A generated workshop for the project benchmark",
        "summary": "How a local authority, employers and training providers can work together, "
                   "told through case {n} of the transnational workshops.",
        "audience": "Local authority staff, employers, training providers",
        "objectives": ["Explain how the partners of case {n} share the work",
                       "Name three local organisations that could join",
                       "Agree on one next step for your own organisation"],
        "facilitators": ["Local coordinator", "Training adviser"],
        "takeaways": ["Cooperation works when every partner has a clear role",
                      "Start small, with one shared goal, and report on it"],
        "place": "Bergen, Norway", "break": "Break", "tags": "[cooperation, employers, case {n}]",
        "para": "In case {n}, section {s}, the partners met **every month** and kept *one* shared "
                "list of goals; the [report](https://example.org/case-{n}/{s}) tells the story "
                "in more detail than we can today.",
        "items": ["The municipality convenes the partners and keeps the minutes",
                  "Employers say which skills they lack, every year",
                  "Training providers adapt a course within one term",
                  "Everyone reports on the **same** three figures"],
        "nested": "for example the number of trainees who find a job",
        "more": ["What worked: a named contact in every organisation",
                 "What did not: long meetings without decisions",
                 "What we would change: fewer goals, measured more often"],
        "header": "| Partner | Role | Time a month |", "rows": ["Municipality | convenes | 2 days",
                                                          "Employers | host trainees | 4 days",
                                                          "School | teaches | 3 days"],
        "alt": "Diagram of case {n}: the partners around one shared goal",
        "notes": "Ask the room for a local example of section {s} of case {n}; two or three "
                 "examples are enough. Keep to time.",
        "act_intro": "The groups try the idea on their own area.",
        "activities": [("Mapping partners", [("List the organisations of your area", 5),
                                             ("Mark who already works with whom", 10),
                                             ("Each table presents its map", 5)],
                        "flipchart paper, marker pens, partner mapping worksheet "
                        "(1 per participant)"),
                       ("Planning a first step", [("Each person writes one step", 10),
                                                  ("Pairs sharpen each other's step", 10),
                                                  ("Three steps are read out", 5)],
                        "sticky notes, pens")],
        "materials": "Materials", "groups": "Groups", "groups_text": "tables of four",
        "material": "Partner mapping worksheet (A4 worksheet, 1 per participant)",
        "material_head": "| Organisation | Sector | Works with |",
    },
    "nb": {
        "title": "Lokalt samarbeid, eksempel {n:02d}: hva partnerne lærte ute",
        "subtitle": "En generert workshop for prosjektets ytelsestest",
        "summary": "Hvordan en kommune, arbeidsgivere og opplæringstilbydere kan samarbeide, "
                   "fortalt gjennom eksempel {n} fra de transnasjonale workshopene.",
        "audience": "Ansatte i kommunen, arbeidsgivere, opplæringstilbydere",
        "objectives": ["Forklare hvordan partnerne i eksempel {n} deler arbeidet",
                       "Nevne tre lokale organisasjoner som kunne bli med",
                       "Bli enige om ett neste steg for egen organisasjon"],
        "facilitators": ["Lokal koordinator", "Opplæringsrådgiver"],
        "takeaways": ["Samarbeid virker når hver partner har en tydelig rolle",
                      "Start i det små, med ett felles mål, og rapporter på det"],
        "place": "Bergen, Norge", "break": "Pause",
        "tags": "[samarbeid, arbeidsgivere, eksempel {n}]",
        "para": "I eksempel {n}, del {s}, møttes partnerne **hver måned** og førte *én* felles "
                "liste over mål; [rapporten](https://example.org/case-{n}/{s}) forteller mer "
                "enn vi rekker i dag.",
        "items": ["Kommunen kaller inn partnerne og skriver referat",
                  "Arbeidsgiverne sier hvilken kompetanse de mangler, hvert år",
                  "Opplæringstilbyderne tilpasser et kurs i løpet av ett semester",
                  "Alle rapporterer på de **samme** tre tallene"],
        "nested": "for eksempel hvor mange lærlinger som får jobb",
        "more": ["Hva som virket: en navngitt kontakt i hver organisasjon",
                 "Hva som ikke virket: lange møter uten vedtak",
                 "Hva vi ville endret: færre mål, målt oftere"],
        "header": "| Partner | Rolle | Tid i måneden |", "rows": ["Kommunen | kaller inn | 2 dager",
                                                           "Arbeidsgivere | tar inn lærlinger | "
                                                           "4 dager",
                                                           "Skolen | underviser | 3 dager"],
        "alt": "Diagram over eksempel {n}: partnerne rundt ett felles mål",
        "notes": "Be salen om et lokalt eksempel på del {s} av eksempel {n}; to eller tre "
                 "eksempler er nok. Hold tiden.",
        "act_intro": "Gruppene prøver ideen på sitt eget område.",
        "activities": [("Kartlegging av partnere", [("List opp organisasjonene i området", 5),
                                                    ("Marker hvem som samarbeider med hvem", 10),
                                                    ("Hvert bord legger fram kartet sitt", 5)],
                        "tavlepapir, tusjer, arbeidsark for partnerkartlegging (1 per deltaker)"),
                       ("Planlegge et første steg", [("Hver person skriver ett steg", 10),
                                                     ("Parvis skjerper dere hverandres steg", 10),
                                                     ("Tre steg leses opp", 5)],
                        "lapper, penner")],
        "materials": "Materiell", "groups": "Grupper", "groups_text": "bord på fire",
        "material": "Arbeidsark for partnerkartlegging (A4 worksheet, 1 per deltaker)",
        "material_head": "| Organisasjon | Bransje | Samarbeider med |",
    },
}


# ---------------------------------------------------------------------------------------------
# The generated project
# ---------------------------------------------------------------------------------------------

def slug(number: int) -> str:
    """Return the slug of generated workshop `number`."""
    return f"case-{number:04d}"


def front_matter(number: int, lang: str) -> list[str]:
    """Return the front matter lines of one generated workshop file."""
    w = WORDS[lang]
    index = 0 if lang == "en" else 1
    agenda = []
    for section, minutes in AGENDA:
        name = w["break"] if section is None else SECTIONS[section][index]
        lead = w["facilitators"][len(agenda) % 2]
        agenda.append(f'  - "{name}": {{minutes: {minutes}, lead: {lead}}}')
    return ["---", f"title: \"{w['title'].format(n=number)}\"", f"subtitle: {w['subtitle']}",
            f"summary: {w['summary'].format(n=number)}", f"language: {lang}", "duration: 3h",
            'start: "09:30"', f"audience: {w['audience']}", "objectives:",
            *(f"  - {o.format(n=number)}" for o in w["objectives"]), "agenda:", *agenda,
            f'origin: {{event: "Transnational Workshop {number}", place: "{w["place"]}", '
            "date: 2014-05}", f"tags: {w['tags'].format(n=number)}",
            f"facilitators: [{', '.join(w['facilitators'])}]", "licence: CC-BY-4.0",
            "takeaways:", *(f"  - {t}" for t in w["takeaways"]), "---", ""]


def activity_lines(number: int, lang: str, which: int) -> list[str]:
    """Return an activity block (and, for the first, the worksheet it uses)."""
    w = WORDS[lang]
    title, steps, materials = w["activities"][which]
    minutes = sum(m for _, m in steps)
    lines = [f'!!! activity "{title} ({minutes} min)"', f"    {w['act_intro']}", ""]
    lines += [f"    {i}. {text} ({m} min)" for i, (text, m) in enumerate(steps, 1)]
    lines += ["", f"    **{w['groups']}:** {w['groups_text']}", "",
              f"    **{w['materials']}:** {materials}", ""]
    if which == 0:
        lines += [f'!!! material "{w["material"]}"', f"    {w['material_head']}",
                  "    |---|---|---|", "    | | | |", "    | | | |", ""]
    return lines


def section_lines(number: int, lang: str, index: int) -> list[str]:
    """Return one section of a generated workshop: text, list, table, image, activity, notes."""
    w = WORDS[lang]
    s = index + 1
    notes = ["??? notes", f"    {w['notes'].format(n=number, s=s)}", ""]
    lines = [f"## {SECTIONS[index][0 if lang == 'en' else 1]}", "",
             w["para"].format(n=number, s=s), ""]
    if index in ACTIVITIES:
        return lines + activity_lines(number, lang, ACTIVITIES[index]) + notes
    lines += [f"- {w['items'][0]}", f"    - {w['nested']}", *(f"- {i}" for i in w["items"][1:]), ""]
    if index in TABLES:
        lines += [w["header"], "|---|---|--:|", *(f"| {row} |" for row in w["rows"]), ""]
    lines += notes
    if index == IMAGE:
        lines += ["---", "", f"![{w['alt'].format(n=number)}](images/diagram.png)"
                  '{ width="60%" }', "", *notes]
    if index in SPLIT:
        lines += ["---", "", *(f"- {item}" for item in w["more"]), "", *notes]
    return lines


def workshop_source(number: int, lang: str) -> str:
    """Return the whole Markdown source of one generated workshop in one language."""
    lines = front_matter(number, lang)
    lines += [WORDS[lang]["para"].format(n=number, s=0), ""]
    for index in range(len(SECTIONS)):
        lines += section_lines(number, lang, index)
    return "\n".join(lines)


def draw_image(path: Path, number: int) -> None:
    """Write a small diagram PNG (boxes around a circle) for one workshop."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (900, 500), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((350, 150, 550, 350), outline="#1f4e79", width=6)
    for i, (x, y) in enumerate(((60, 40), (640, 40), (60, 360), (640, 360))):
        draw.rectangle((x, y, x + 200, y + 100), fill="#eef3f8", outline="#1f7a70", width=4)
        draw.line((x + 100, y + 50, 450, 250), fill="#5b6675", width=3)
        draw.text((x + 20, y + 40), f"Partner {i + 1} / case {number}", fill="#1d2430")
    image.save(path, optimize=True)


def partners_yml(date: str) -> str:
    """Return a partners.yml with one partner holding one session on `date`."""
    return (f"bench-partner:\n  name: Benchmark Partner Agency\n  theme: bz-hohenlauter\n"
            f"  languages: [en]\n  contact: {{name: Kari Nordmann, email: kari@partner.example}}\n"
            f"  workshops: [{slug(PARTNER_WORKSHOP)}]\n  sessions:\n"
            f"    - workshop: {slug(PARTNER_WORKSHOP)}\n      date: {date}\n"
            f"      start: \"09:00\"\n      venue: Town hall, room 2\n"
            f"      facilitators: [Kari Nordmann]\n")


def write_workshop(docs: Path, number: int, langs: tuple[str, ...]) -> None:
    """Write one workshop folder: its sources in `langs` and its image."""
    folder = docs / slug(number)
    (folder / "images").mkdir(parents=True)
    draw_image(folder / "images" / "diagram.png", number)
    for lang in langs:
        name = "index.md" if lang == "en" else f"index.{lang}.md"
        (folder / name).write_text(workshop_source(number, lang), encoding="utf-8")


def make_project(folder: Path, numbers: list[int], langs: tuple[str, ...] = LANGS,
                 partner: bool = True) -> Path:
    """Write a complete throw-away project into `folder` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "themes", folder / "themes")
    for number in numbers:
        write_workshop(folder / "workshops", number, langs)
    if partner:
        (folder / "partners.yml").write_text(partners_yml("2027-05-04"), encoding="utf-8")
    return folder


# ---------------------------------------------------------------------------------------------
# Whole-process timing and memory
# ---------------------------------------------------------------------------------------------

@dataclass
class Outcome:
    """One finished process: seconds, peak memory of its tree, what it printed."""

    seconds: float
    cpu: float = 0.0     # seconds of CPU, the process and its waited-for children together
    rss: float = 0.0     # MiB, the largest sum of resident memory over the tree seen
    pss: float = 0.0     # MiB, the same with shared pages divided among the processes
    output: str = ""


def descendants(pid: int) -> list[int]:
    """Return the process and every descendant of it (from /proc)."""
    parents: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                ppid = int(stat.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        parents.setdefault(ppid, []).append(int(entry.name))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(parents.get(current, ()))
    return tree


def memory(pids: list[int]) -> tuple[float, float]:
    """Return the summed resident and proportional memory (MiB) of processes."""
    rss = pss = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/statm") as statm:
                rss += int(statm.read().split()[1]) * PAGE
            with open(f"/proc/{pid}/smaps_rollup") as rollup:
                pss += next(int(line.split()[1]) * 1024 for line in rollup
                            if line.startswith("Pss:"))
        except (OSError, StopIteration):
            continue
    return rss / 2**20, pss / 2**20


def children_cpu() -> float:
    """Return the CPU seconds this process's waited-for children have used so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command: list[str], cwd: Path, sample: bool = False, env: dict | None = None) -> Outcome:
    """Run a process to its end; return its time and, if `sample`, its tree's peak memory."""
    cpu = children_cpu()
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    peak = [0.0, 0.0]
    stop = threading.Event()

    def poll() -> None:
        """Sample the tree's memory ten times a second until the process ends."""
        while not stop.wait(0.1):
            rss, pss = memory(descendants(process.pid))
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)

    sampler = threading.Thread(target=poll, daemon=True)
    if sample:
        sampler.start()
    output = process.communicate()[0]
    seconds = time.perf_counter() - started
    stop.set()
    if sample:
        sampler.join()
    if process.returncode != 0:
        tail = "\n".join(output.strip().splitlines()[-15:])
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}\n{tail}")
    return Outcome(seconds, children_cpu() - cpu, peak[0], peak[1], output)


def toolkit(root: Path, *args: str, sample: bool = False) -> Outcome:
    """Run `./build.py --root ROOT ARGS` as an editor would."""
    return run([PYTHON, str(BUILD), "--root", str(root), *args], root, sample)


def counts(outcome: Outcome) -> str:
    """Return 'built/reused' from a build's summary line."""
    found = re.search(r"built (\d+) artifacts?, reused (\d+)", outcome.output)
    if found:
        return f"{found[1]}/{found[2]}"
    found = re.search(r"\((\d+) artifacts? in the cache", outcome.output)  # the no-op shortcut
    return f"0/{found[1]}" if found else "?"


def fresh(root: Path) -> None:
    """Remove the project's site/ and .cache/ (a cold start)."""
    shutil.rmtree(root / "site", ignore_errors=True)
    shutil.rmtree(root / ".cache", ignore_errors=True)


def edit_workshop(root: Path, stamp: int) -> None:
    """Change one line of one workshop's index.md (a new text each time)."""
    path = root / "workshops" / slug(EDITED_WORKSHOP) / "index.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("In case"))
    lines[at] = f"In case {EDITED_WORKSHOP}, edited {stamp}, the partners met every week."
    path.write_text("\n".join(lines), encoding="utf-8")


def change_theme(root: Path, stamp: int) -> None:
    """Set the primary colour of the project's default theme to another one."""
    path = root / "themes" / "default" / "theme.yml"
    text = path.read_text(encoding="utf-8")
    now = re.search(r'primary:\s*"(#[0-9a-fA-F]{6})"', text)[1]
    colour = next(c for c in (f"#1f4e{0x70 + (stamp + i) % 16:02x}" for i in range(2)) if c != now)
    path.write_text(text.replace(f'"{now}"', f'"{colour}"', 1), encoding="utf-8")


def move_session(root: Path, stamp: int) -> None:
    """Move the partner's session to another date."""
    path = root / "partners.yml"
    now = re.search(r"date: (\S+)", path.read_text(encoding="utf-8"))[1]
    date = next(d for d in (f"2027-06-{1 + (stamp + i) % 28:02d}" for i in range(2)) if d != now)
    path.write_text(partners_yml(date), encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Floors, each in a fresh process: `bench/project.py --floor KIND PATH` prints its seconds
# ---------------------------------------------------------------------------------------------

class Captured(BaseException):
    """Raised once a writer has handed its first HTML to WeasyPrint: the rest is WeasyPrint's."""


def whole(html: str, allowed, fetcher, messages) -> tuple[str, list]:
    """Stand in for the builder's stylesheet sharing: leave the document's <style> in it."""
    return html, []


def prepare_floors(root: Path, prep: Path) -> dict[str, int]:
    """Write every deck's slide text and every PDF's first HTML to `prep`; return their counts."""
    # A PDF's HTML is the first one its writer hands WeasyPrint (writers that try several drafts,
    # the handout and the forms, count the others against us), caught where it reaches HTML().
    sys.path.insert(0, str(CODE))
    from toolkit_builder.handouts import render as pdf_render
    from toolkit_builder.model import plain
    from toolkit_builder.pipeline import make_context, plan_of, with_facts
    from toolkit_builder.project import load_project
    from toolkit_builder.slides.plan import plan_deck
    from toolkit_builder.writers import load

    project = load_project(root)
    contexts: dict[str, object] = {}
    decks, pdfs = [], []

    class Catch:
        """Stands in for weasyprint.HTML: keeps the document and stops the writer."""

        def __init__(self, string: str, url_fetcher, **_):
            """Keep the HTML and the fetcher."""
            self.string, self.fetcher = string, url_fetcher

        def render(self, **options):
            """Keep the HTML, the folders it may read and whether it has form fields."""
            name = prep / f"{len(pdfs):05d}.html"
            name.write_text(self.string, encoding="utf-8")
            allowed = {host: str(path) for host, path in self.fetcher.allowed.items()}
            pdfs.append({"html": name.name, "forms": bool(options.get("pdf_forms")),
                         "allowed": allowed})
            raise Captured

    real, pdf_render.HTML = pdf_render.HTML, Catch
    # The builder hands WeasyPrint its <style> block as a parsed stylesheet it shares between
    # documents; the floor gets the document whole, as WeasyPrint alone would be given it.
    shared, pdf_render._parsed = pdf_render._parsed, whole
    try:
        for job in plan_of(project).documents:
            if job.partner_slug not in contexts:
                contexts[job.partner_slug] = make_context(project, job.partner)
            context = contexts[job.partner_slug]
            if job.kind.name == "slides":
                deck = plan_deck(job.workshop, context)
                decks.append({"titles": [s.title for s in deck.slides],
                              "bullets": [[plain(p.runs) for p in s.paras] for s in deck.slides],
                              "notes": [s.notes for s in deck.slides]})
            elif job.kind.suffix == "pdf":
                try:
                    load(job.kind.writer)(job.workshop, with_facts(job, context))
                except Captured:
                    continue
                raise SystemExit(f"{job.path}: the writer never reached WeasyPrint's HTML()")
    finally:
        pdf_render.HTML, pdf_render._parsed = real, shared
    (prep / "decks.json").write_text(json.dumps(decks), encoding="utf-8")
    (prep / "pdfs.json").write_text(json.dumps(pdfs), encoding="utf-8")
    return {"decks": len(decks), "slides": sum(len(d["titles"]) for d in decks), "pdfs": len(pdfs)}


def clocks() -> tuple[float, float]:
    """Return the wall clock and this process's CPU clock."""
    return time.perf_counter(), time.process_time()


def since(start: tuple[float, float]) -> tuple[float, float]:
    """Return the wall and CPU seconds since `start`."""
    wall, cpu = clocks()
    return wall - start[0], cpu - start[1]


def floor_pptx(prep: Path) -> tuple[float, float]:
    """Return the seconds (wall, CPU) python-pptx alone takes to write every deck's slides."""
    sys.path.insert(0, str(CODE / "bench"))
    from slides import floor  # bench/slides.py: title-and-bullets slides with notes

    decks = json.loads((prep / "decks.json").read_text(encoding="utf-8"))
    started = clocks()
    for deck in decks:
        floor(deck["titles"], deck["bullets"], deck["notes"])
    return since(started)


def floor_pdf(prep: Path) -> tuple[float, float]:
    """Return the seconds (wall, CPU) WeasyPrint alone takes to print every PDF's HTML."""
    sys.path.insert(0, str(CODE))
    from toolkit_builder.handouts import render
    from toolkit_builder.handouts.render import write_pdf

    render._parsed = whole  # WeasyPrint alone parses each document's stylesheet
    jobs = json.loads((prep / "pdfs.json").read_text(encoding="utf-8"))
    pages = [((prep / job["html"]).read_text(encoding="utf-8"),
              {host: Path(path) for host, path in job["allowed"].items()}, job["forms"])
             for job in jobs]
    started = clocks()
    for html, allowed, forms in pages:
        write_pdf(html, allowed, forms=forms)
    return since(started)


def floor_mkdocs(root: Path) -> tuple[float, float]:
    """Return the seconds (wall, CPU) of `mkdocs build` on the project without the hooks."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with tempfile.TemporaryDirectory() as out:
        started = clocks()
        build(load_config(str(root / "mkdocs.yml"), site_dir=out, hooks=[]))
        return since(started)


FLOORS = {"pptx": floor_pptx, "pdf": floor_pdf, "mkdocs": floor_mkdocs}


def floor_time(kind: str, path: Path) -> tuple[float, float]:
    """Run one floor in a fresh process and return the seconds (wall, CPU) its work took."""
    outcome = run([PYTHON, __file__, "--floor", kind, str(path)], CODE)
    wall, cpu = json.loads(outcome.output.strip().splitlines()[-1])
    return wall, cpu


# ---------------------------------------------------------------------------------------------
# The pandoc route
# ---------------------------------------------------------------------------------------------

def pandoc_binary() -> str | None:
    """Return the pandoc command: on PATH, or the one pypandoc-binary bundles."""
    found = shutil.which("pandoc")
    if found:
        return found
    try:
        import pypandoc
    except ImportError:
        return None
    return pypandoc.get_pandoc_path()


def pandoc_route(root: Path, pandoc: str, scratch: Path) -> tuple[float, float, float, int]:
    """Return the summed seconds of pandoc → pptx and → PDF (WeasyPrint), CPU, and failures."""
    env = dict(os.environ, PATH=f"{Path(PYTHON).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    pptx = pdf = 0.0
    failed, cpu = 0, children_cpu()
    for source in sorted((root / "workshops").glob("*/index*.md")):
        folder = source.parent
        common = [pandoc, str(source), "-f", "markdown", f"--resource-path={folder}"]
        for target, extra in (("pptx", ["-t", "pptx"]), ("pdf", ["-s", "--pdf-engine=weasyprint"])):
            command = [*common, *extra, "-o", str(scratch / f"out.{target}")]
            started = time.perf_counter()
            # pandoc leaves html2pdf*.html temporaries in its working folder: keep them in scratch
            done = subprocess.run(command, cwd=scratch, env=env, capture_output=True)
            spent = time.perf_counter() - started
            failed += done.returncode != 0
            if target == "pptx":
                pptx += spent
            else:
                pdf += spent
    return pptx, pdf, children_cpu() - cpu, failed


# ---------------------------------------------------------------------------------------------
# The benchmark
# ---------------------------------------------------------------------------------------------

@dataclass
class Table:
    """The figures measured so far, printed as they come and again at the end."""

    rows: list[tuple[str, ...]] = field(default_factory=list)

    def add(self, figure: str, value: float | str | None = None, cpu: float | None = None,
            ratio: str = "", target: str = "", verdict: str = "") -> None:
        """Record one figure (seconds, or a text) and print it at once."""
        shown = f"{value:.2f} s" if isinstance(value, float) else value or ""
        row = (figure, shown, f"{cpu:.1f} s" if cpu is not None else "", ratio, target, verdict)
        self.rows.append(row)
        print(self.line(row), flush=True)

    @staticmethod
    def line(row: tuple[str, ...]) -> str:
        """Return one row as aligned text."""
        figure, value, cpu, ratio, target, verdict = row
        return f"{figure:<50}{value:>10}{cpu:>10}{ratio:>10}  {target:<27}{verdict}"

    def show(self) -> None:
        """Print the whole table."""
        print("\n" + self.line(("figure", "wall", "CPU", "ratio", "target", "")))
        print("-" * 113)
        for row in self.rows:
            print(self.line(row))


def verdict(ok: bool) -> str:
    """Return PASS or MISS."""
    return "PASS" if ok else "MISS"


def median(values: list[float]) -> float:
    """Return the median of values."""
    return statistics.median(values)


@dataclass
class Steps:
    """The timed steps of the runs on one project."""

    root: Path
    got: dict[str, list] = field(default_factory=dict)

    def step(self, name: str, number: int, change, *args: str, sample: bool = False) -> None:
        """Apply `change`, run one timed step of run `number`, keep it and print it."""
        load = os.getloadavg()[0]
        change(time.time_ns())
        outcome = toolkit(self.root, *args, sample=sample)
        self.got.setdefault(name, []).append(outcome)
        done = counts(outcome) if args[0] == "build" else ""
        print(f"    run {number + 1}: {name:<18}{outcome.seconds:8.2f} s, CPU {outcome.cpu:8.2f} s"
              f"  load {load:4.1f}  {done}", flush=True)


def snapshot(folder: Path) -> str:
    """Run a copy of build.py and the package from `folder`; return the commit it was taken from."""
    # Others may edit the working tree during a long run: a change to the package between two
    # steps would empty the cache.
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "toolkit_builder", folder / "toolkit_builder", ignore=ignore)
    shutil.copy(ROOT / "build.py", folder / "build.py")
    (folder / "bench").mkdir()
    shutil.copy(BENCH / "slides.py", folder / "bench" / "slides.py")
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(folder)], check=True)
    os.environ["KTW_BENCH_CODE"] = str(folder)
    global CODE, BUILD
    CODE, BUILD = folder, folder / "build.py"
    git = ["git", "-C", str(ROOT)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run([*git, "status", "--porcelain", "--", "toolkit_builder", "build.py"],
                           capture_output=True, text=True).stdout.strip()
    return f"{head.stdout.strip() or '?'}{' with uncommitted changes' if dirty else ''}"


def floor_runs(record: dict[str, list], number: int, root: Path, prep: Path) -> None:
    """Time each floor once, in fresh processes, and keep the figures."""
    for kind in FLOORS:
        load = os.getloadavg()[0]
        wall, cpu = floor_time(kind, root if kind == "mkdocs" else prep)
        record.setdefault(kind, []).append((wall, cpu))
        print(f"    run {number + 1}: floor {kind:<12}{wall:8.2f} s, CPU {cpu:8.2f} s"
              f"  load {load:4.1f}", flush=True)


def pandoc_runs(record: dict[str, list], number: int, root: Path, pandoc: str,
                scratch: Path) -> None:
    """Time the pandoc route once and keep the figures."""
    load = os.getloadavg()[0]
    pptx, pdf, cpu, failed = pandoc_route(root, pandoc, scratch)
    record.setdefault("pandoc", []).append((pptx, pdf, cpu, failed))
    print(f"    run {number + 1}: pandoc route  {pptx + pdf:8.2f} s, CPU {cpu:8.2f} s"
          f"  load {load:4.1f}  (pptx {pptx:.2f} s, PDF {pdf:.2f} s, {failed} failed)", flush=True)


def alone_project(scratch: Path, langs: tuple[str, ...]) -> Path:
    """Return a project holding only the edited workshop, in `langs` (made once per run)."""
    folder = scratch / f"alone-{'-'.join(langs)}"
    if folder.exists():
        return folder
    return make_project(folder, [EDITED_WORKSHOP], langs, partner=False)


def measure(root: Path, runs: int, scratch: Path, prep: Path, pandoc: str | None):
    """Run every step `runs` times, builds, floors and pandoc interleaved so load hits them all."""
    steps, record = Steps(root), {}
    alone = {langs: Steps(alone_project(scratch, langs)) for langs in (("en",), LANGS)}
    for number in range(runs):
        steps.step("cold", number, lambda stamp: fresh(root), "build", sample=True)
        floor_runs(record, number, root, prep)
        if pandoc:
            pandoc_runs(record, number, root, pandoc, scratch)
        steps.step("no-op", number, lambda stamp: None, "build")
        steps.step("one edited", number, partial(edit_workshop, root), "build")
        steps.step("theme changed", number, partial(change_theme, root), "build")
        steps.step("session moved", number, partial(move_session, root), "build")
        steps.step("check cold", number, lambda stamp: fresh(root), "check")
        steps.step("check warm", number, lambda stamp: None, "check")
        for langs, alone_steps in alone.items():
            alone_steps.step("alone " + "+".join(langs), number,
                             lambda stamp, r=alone_steps.root: fresh(r), "build")
            steps.got.update(alone_steps.got)
    return steps.got, record


def middle(outcomes: list) -> Outcome:
    """Return the median wall and CPU seconds of outcomes (and their peak memory)."""
    return Outcome(median([o.seconds for o in outcomes]), median([o.cpu for o in outcomes]),
                   max(o.rss for o in outcomes), max(o.pss for o in outcomes),
                   outcomes[-1].output)


def bench_size(count: int, runs: int, scratch: Path, table: Table, pandoc: str | None) -> None:
    """Measure everything for a project of `count` workshops and add it to the table."""
    print(f"\n== {count} workshops x {len(LANGS)} languages: generating", flush=True)
    root = make_project(scratch / f"project-{count}", list(range(1, count + 1)))
    checked = toolkit(root, "check")
    summary = checked.output.strip().splitlines()[-1]
    print(f"   check: {summary}", flush=True)
    if " 0 errors" not in summary:
        raise SystemExit(checked.output)
    prep = scratch / f"prep-{count}"
    prep.mkdir()
    # in a fresh process, so that it reads the package as it is now
    made = json.loads(run([PYTHON, __file__, "--prepare", str(root), str(prep)],
                          CODE).output.strip().splitlines()[-1])
    print(f"   floors prepared: {made}", flush=True)
    pandoc_scratch = scratch / f"pandoc-{count}"
    pandoc_scratch.mkdir()
    got, record = measure(root, runs, scratch, prep, pandoc)
    step = {name: middle(outcomes) for name, outcomes in got.items()}
    how = {name: counts(outcomes[-1]) for name, outcomes in got.items()}
    floors = {kind: (median([r[0] for r in record[kind]]), median([r[1] for r in record[kind]]))
              for kind in FLOORS}
    floor_wall = sum(wall for wall, _ in floors.values())
    floor_cpu = sum(cpu for _, cpu in floors.values())

    n = f"[{count}]"
    cold, alone_en, alone_both = step["cold"], step["alone en"], step["alone en+nb"]
    table.add(f"{n} cold build ({how['cold']} built/reused)", cold.seconds, cold.cpu,
              f"{cold.seconds / floor_wall:.2f}x", "<= 1.0x serial floor sum",
              verdict(cold.seconds <= floor_wall))
    table.add(f"{n}   its CPU against the floors' CPU", None, None, f"{cold.cpu / floor_cpu:.2f}x",
              "(load-proof: work done)")
    if pandoc:
        runs_ = record["pandoc"]
        pptx, pdf = median([r[0] for r in runs_]), median([r[1] for r in runs_])
        route_cpu, failed = median([r[2] for r in runs_]), runs_[-1][3]
        total = pptx + pdf
        table.add(f"{n} cold build vs pandoc route", cold.seconds, cold.cpu,
                  f"{cold.seconds / total:.2f}x", "< 1.0x pandoc route",
                  verdict(cold.seconds < total))
    noop = step["no-op"]
    table.add(f"{n} no-op rebuild ({how['no-op']})", noop.seconds, noop.cpu,
              f"{noop.seconds:.2f}x", "<= 1 s", verdict(noop.seconds <= 1.0))
    edited = step["one edited"]
    table.add(f"{n} one workshop edited ({how['one edited']})", edited.seconds, edited.cpu,
              f"{edited.seconds / alone_en.seconds:.2f}x", "<= 1.3x that edition alone",
              verdict(edited.seconds <= 1.3 * alone_en.seconds))
    table.add(f"{n}   cold, the edited workshop alone (en only)", alone_en.seconds, alone_en.cpu)
    table.add(f"{n}   cold, the edited workshop alone (en + nb)", alone_both.seconds,
              alone_both.cpu, f"{edited.seconds / alone_both.seconds:.2f}x", "(edit / this)")
    theme = step["theme changed"]
    table.add(f"{n} theme changed ({how['theme changed']})", theme.seconds, theme.cpu,
              f"{theme.seconds / cold.seconds:.2f}x", "(of cold build)")
    moved = step["session moved"]
    table.add(f"{n} partner session date changed ({how['session moved']})", moved.seconds,
              moved.cpu, f"{moved.seconds / alone_en.seconds:.2f}x", "(of one edition alone)")
    check_cold, check_warm = step["check cold"], step["check warm"]
    per = check_cold.seconds / count * 1000
    table.add(f"{n} check cold", check_cold.seconds, check_cold.cpu, f"{per:.1f}ms/w",
              "<= 60 ms per workshop", verdict(per <= 60))
    table.add(f"{n} check warm", check_warm.seconds, check_warm.cpu, "", "(<= 5 s at 1,000)")
    share = cold.rss * 2**20 / 600e6
    table.add(f"{n} peak memory, cold build (RSS sum of tree)", f"{cold.rss:.0f} MiB", None,
              f"{share:.2f}x", "<= 600 MB (572 MiB)", verdict(share <= 1))
    table.add(f"{n}   the same, proportional (PSS sum)", f"{cold.pss:.0f} MiB")
    table.add(f"{n} floor: python-pptx, {made['decks']} decks, {made['slides']} slides",
              *floors["pptx"])
    table.add(f"{n} floor: WeasyPrint, {made['pdfs']} PDFs", *floors["pdf"])
    table.add(f"{n} floor: mkdocs build without the hooks", *floors["mkdocs"])
    table.add(f"{n} floor: serial sum", floor_wall, floor_cpu)
    if pandoc:
        failures = f", {failed} failed" if failed else ""
        table.add(f"{n} pandoc -t pptx, summed", pptx, None,
                  f"{pptx / floors['pptx'][0]:.2f}x", "(of the pptx floor)")
        table.add(f"{n} pandoc --pdf-engine=weasyprint, summed{failures}", pdf)
        table.add(f"{n} pandoc route, total", total, route_cpu, f"{total / floor_wall:.2f}x",
                  "(of the floor sum)")
    else:
        table.add(f"{n} pandoc route", "n/a", None, "", "pip install pypandoc-binary")


def bench_check(count: int, runs: int, scratch: Path, table: Table) -> None:
    """Measure `check` cold and warm on a project of `count` workshops."""
    print(f"\n== check of {count} workshops x {len(LANGS)} languages: generating", flush=True)
    root = make_project(scratch / f"check-{count}", list(range(1, count + 1)))
    steps = Steps(root)
    for number in range(runs):
        steps.step("check cold", number, lambda stamp: fresh(root), "check")
        steps.step("check warm", number, lambda stamp: None, "check")
    print(f"   {steps.got['check cold'][-1].output.strip().splitlines()[-1]}", flush=True)
    cold, warm = middle(steps.got["check cold"]), middle(steps.got["check warm"])
    per = cold.seconds / count * 1000
    n = f"[{count}]"
    table.add(f"{n} check cold", cold.seconds, cold.cpu, f"{per:.1f}ms/w",
              "<= 60 ms per workshop", verdict(per <= 60))
    table.add(f"{n} check warm", warm.seconds, warm.cpu, f"{warm.seconds / 5:.2f}x", "<= 5 s",
              verdict(warm.seconds <= 5))


def main() -> int:
    """Parse the arguments, run every measurement and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workshops", default="10,50", help="project sizes (default: 10,50)")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure; the median counts")
    parser.add_argument("--check-workshops", type=int, default=1000,
                        help="size of the project `check` is timed on (0: skip)")
    parser.add_argument("--quick", action="store_true",
                        help="smoke test: 3 workshops, 1 run, check on 100 (a few minutes)")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects")
    parser.add_argument("--floor", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    parser.add_argument("--prepare", nargs=2, metavar=("ROOT", "PREP"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor:
        print(json.dumps(FLOORS[args.floor[0]](Path(args.floor[1]))))
        return 0
    if args.prepare:
        print(json.dumps(prepare_floors(Path(args.prepare[0]), Path(args.prepare[1]))))
        return 0
    sizes = [int(size) for size in args.workshops.split(",") if size]
    runs, check_count = args.runs, args.check_workshops
    if args.quick:
        sizes, runs, check_count = [3], 1, min(check_count, 100)
    if min(sizes) < EDITED_WORKSHOP:
        parser.error(f"every size must be at least {EDITED_WORKSHOP} (workshop {EDITED_WORKSHOP} "
                     "is the one edited)")
    pandoc = pandoc_binary()
    table = Table()
    scratch = Path(tempfile.mkdtemp(prefix="ktw-bench-"))
    started = time.perf_counter()
    try:
        source = snapshot(scratch / "code")
        print(f"sizes {sizes}, {runs} run(s) each, check on {check_count}; {os.cpu_count()} "
              f"cores, load {os.getloadavg()[0]:.2f}; code: {source}, copied to {CODE}; "
              f"pandoc: {pandoc or 'not found'}", flush=True)
        for count in sizes:
            bench_size(count, runs, scratch, table, pandoc)
        if check_count:
            bench_check(check_count, runs, scratch, table)
    finally:
        if args.keep:
            print(f"projects kept in {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    table.show()
    print(f"\n{(time.perf_counter() - started) / 60:.1f} min in all; load at the end "
          f"{os.getloadavg()[0]:.2f}. Targets are the issue's, set for 50 workshops (check: for "
          "1,000); other sizes show the same tests for reference.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
