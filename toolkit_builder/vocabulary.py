"""Words authors write in sources, per language (locales/vocabulary.yml): breaks, materials, …

Kept as data, not code, so that a translator adds a language without reading Python.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

import yaml

from .i18n import base_language

VOCABULARY = Path(__file__).resolve().parent / "locales" / "vocabulary.yml"


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, list[str]]]:
    """Return the vocabulary by kind of word and language."""
    return yaml.safe_load(VOCABULARY.read_text(encoding="utf-8"))


@cache
def words(kind: str) -> frozenset[str]:
    """Return every word of a kind in every language, case-folded."""
    return frozenset(word.casefold() for words in _table()[kind].values() for word in words)


def first_word(kind: str, lang: str) -> str:
    """Return the word of a kind a language writes first (English if the language has none)."""
    table = _table()[kind]
    return (table.get(base_language(lang)) or table["en"])[0]
