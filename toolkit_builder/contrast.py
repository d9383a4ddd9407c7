"""Colour contrast (WCAG 2): the pairs of theme colours that decks, PDFs and the site set."""

from __future__ import annotations

WHITE = "#ffffff"
NORMAL, LARGE = 4.5, 3.0     # least ratio for text, and for text of 18 pt (14 pt bold) and up

# (text colour, background colour, least ratio, where the pair is used)
PAIRS: tuple[tuple[str, str, float, str], ...] = (
    ("text", "white", NORMAL, "body text"),
    ("text", "light", NORMAL, "table rows and panels"),
    ("muted", "white", NORMAL, "footers, captions and small labels"),
    ("muted", "light", NORMAL, "small labels on panels"),
    ("primary", "white", NORMAL, "headings and links"),
    ("primary", "light", NORMAL, "headings on panels"),
    ("accent", "white", NORMAL, "activity labels, prompts and durations"),
    ("accent", "light", NORMAL, "activity labels on panels"),
    ("white", "primary", NORMAL, "title slides, table headers and the site's header"),
    ("white", "accent", LARGE, "break slides (large text only)"),
)


def luminance(colour: str) -> float:
    """Return the relative luminance of a `#rrggbb` colour."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def ratio(one: str, other: str) -> float:
    """Return the contrast ratio of two `#rrggbb` colours (1 to 21)."""
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def shortfalls(colours: dict[str, str]) -> list[tuple[str, str, float, float, str]]:
    """Return the theme's colour pairs below their least ratio: (text, background, ratio, least,
    where used)."""
    named = {"white": WHITE, **colours}
    out = []
    for fore, back, least, where in PAIRS:
        if fore in named and back in named:
            found = ratio(named[fore], named[back])
            if found < least:
                out.append((fore, back, found, least, where))
    return out
