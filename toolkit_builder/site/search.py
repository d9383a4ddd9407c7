"""One search index per language, each with that language's stemmer.

mkdocs-static-i18n merges every language into site/search/search_index.json. After the last
build the hooks split it again: site/search/ keeps the default language, site/<lang>/search/
holds the others, and the pages of a language point material's search at their own index.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

CONFIG_RE = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def search_settings(env, lang: str) -> dict:
    """Return mkdocs-material's search settings (stemmer language, separator, pipeline) for a
    language."""
    module = env.get_template("partials/language.html").make_module(
        {"config": {"theme": {"language": lang}}})
    material = module.t  # mkdocs-material's own words (named apart from our catalogues' `t`)
    stemmer = str(material("search.config.lang")).strip() or "en"
    pipeline = [p.strip() for p in str(material("search.config.pipeline")).split(",") if p.strip()]
    return {"lang": [stemmer], "separator": str(material("search.config.separator")),
            "pipeline": pipeline}


def _read(path: Path) -> dict | None:
    """Return a search index, or None when there is none."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write(path: Path, index: dict, settings: dict, docs: list) -> None:
    """Write a search index with the given settings and entries."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {**index, "config": {**index.get("config", {}), **settings}, "docs": docs}
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def split_language(site_dir: Path, lang: str, settings: dict) -> None:
    """Copy the index a non-default language build just wrote to <lang>/search/, relative to
    <lang>/."""
    index = _read(site_dir / "search" / "search_index.json")
    if index is None:
        return
    prefix = f"{lang}/"
    docs = [{**doc, "location": doc["location"].removeprefix(prefix)}
            for doc in index.get("docs", []) if doc["location"].startswith(prefix)]
    _write(site_dir / lang / "search" / "search_index.json", index, settings, docs)


def keep_default(site_dir: Path, others: list[str], settings: dict) -> None:
    """Keep only the default language's entries in the merged site/search/ index."""
    path = site_dir / "search" / "search_index.json"
    index = _read(path)
    if index is None:
        return
    prefixes = tuple(f"{lang}/" for lang in others)
    docs = [doc for doc in index.get("docs", []) if not doc["location"].startswith(prefixes)]
    _write(path, index, settings, docs)


def point_search_at(html: str, lang: str) -> str:
    """Return a page of a non-default language whose search uses <lang>/search/ (via material's
    base)."""
    def rewrite(match: re.Match) -> str:
        config = json.loads(match[2])
        config["base"] = f"{config['base'].rstrip('/')}/{lang}/"
        return match[1] + json.dumps(config, ensure_ascii=False).replace("<", "\\u003c") + match[3]

    return CONFIG_RE.sub(rewrite, html, count=1)
