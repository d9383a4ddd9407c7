"""Interface words of the generated documents, per language (English is the fallback)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "agenda": "Agenda",
        "objectives": "Objectives",
        "contents": "Contents",
        "facilitator_notes": "Facilitator notes",
        "activity": "Activity",
        "materials": "Materials",
        "steps": "Steps",
        "minutes": "min",
        "time": "Time",
        "item": "Item",
        "duration": "Duration",
        "slides": "Slides",
        "audience": "Audience",
        "origin": "Follows",
        "facilitators": "Facilitators",
        "licence": "Licence",
        "video": "Video",
        "workshop_page": "Workshop page",
        "page_of": "Page {page} of {pages}",
        "continued": "continued",
        "takeaways": "Key take-aways",
        "your_notes": "Your notes",
        "handout": "Participant handout",
        "facilitator_guide": "Facilitator guide",
        "feedback_form": "Feedback form",
        "run_of_show": "Run of show",
        "preparation": "Preparation checklist",
        "thank_you": "Thank you",
        "questions": "Questions?",
        "scan_page": "Scan for the workshop page",
        "scan_video": "Scan to watch the video",
        "downloads": "Downloads",
        "break": "Break",
    },
    "nb": {
        "agenda": "Program",
        "objectives": "Læringsmål",
        "contents": "Innhold",
        "facilitator_notes": "Notater for fasilitator",
        "activity": "Aktivitet",
        "materials": "Materiell",
        "steps": "Trinn",
        "minutes": "min",
        "time": "Tid",
        "item": "Punkt",
        "duration": "Varighet",
        "slides": "Lysbilder",
        "audience": "Målgruppe",
        "origin": "Bygger på",
        "facilitators": "Fasilitatorer",
        "licence": "Lisens",
        "video": "Video",
        "workshop_page": "Workshopens nettside",
        "page_of": "Side {page} av {pages}",
        "continued": "fortsatt",
        "takeaways": "Viktigste lærdommer",
        "your_notes": "Dine notater",
        "handout": "Deltakerhefte",
        "facilitator_guide": "Fasilitatorveiledning",
        "feedback_form": "Tilbakemeldingsskjema",
        "run_of_show": "Kjøreplan",
        "preparation": "Sjekkliste for forberedelser",
        "thank_you": "Takk for oss",
        "questions": "Spørsmål?",
        "scan_page": "Skann for workshopens nettside",
        "scan_video": "Skann for å se videoen",
        "downloads": "Nedlastinger",
        "break": "Pause",
    },
}


def text(lang: str, key: str, **values) -> str:
    """Return an interface word in a language, falling back to English."""
    base = lang.split("-")[0]
    words = STRINGS.get(lang) or STRINGS.get(base) or STRINGS["en"]
    template = words.get(key) or STRINGS["en"][key]
    return template.format(**values) if values else template
