"""Settings read from mkdocs.yml: the Markdown extension list lives there, once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError

DEFAULT_LANGUAGE = "en"


class _TolerantLoader(yaml.SafeLoader):
    """A YAML loader that reads MkDocs' custom tags (`!ENV`, `!!python/name:`) as plain values."""


def _tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    """Return the untagged value of a tagged node."""
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_TolerantLoader.add_multi_constructor("!", _tagged)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)


@dataclass(frozen=True)
class Settings:
    """What the toolkit builder needs from mkdocs.yml."""

    root: Path
    docs_dir: Path
    site_dir: Path
    extensions: tuple[str, ...]
    extension_configs: dict = field(default_factory=dict)
    default_language: str = DEFAULT_LANGUAGE
    languages: dict = field(default_factory=dict)
    site_names: dict = field(default_factory=dict)   # the project's name per language (site_name)
    theme: str = "default"
    site_url: str = ""

    @property
    def themes_dir(self) -> Path:
        """Return the folder holding the themes."""
        return self.root / "themes"


def read_mkdocs_yml(path: Path) -> dict:
    """Return the parsed mkdocs.yml, tolerating MkDocs' custom tags."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except FileNotFoundError:
        raise ConfigError(f"{path}: error: no mkdocs.yml here") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: error: cannot read mkdocs.yml: {exc}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: error: mkdocs.yml must be a mapping")
    return data


def split_extensions(items: list) -> tuple[tuple[str, ...], dict]:
    """Return extension names and their options from MkDocs' `markdown_extensions` list."""
    names: list[str] = []
    configs: dict = {}
    for item in items or []:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict):
            for name, options in item.items():
                names.append(name)
                if options:
                    configs[name] = options
    return tuple(names), configs


def site_names(data: dict) -> dict[str, str]:
    """Return the site's name in each language: mkdocs.yml's, or the i18n plugin's per language."""
    names = {}
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            for item in plugin["i18n"].get("languages") or []:
                if isinstance(item, dict) and item.get("locale"):
                    site_name = item.get("site_name") or data.get("site_name") or ""
                    names[str(item["locale"])] = str(site_name)
    return {lang: name for lang, name in names.items() if name}


def load_settings(root: Path) -> Settings:
    """Return the settings of the project whose mkdocs.yml is in `root`."""
    root = root.resolve()
    data = read_mkdocs_yml(root / "mkdocs.yml")
    names, configs = split_extensions(data.get("markdown_extensions", []))
    toolkit = (data.get("extra") or {}).get("toolkit") or {}
    languages = toolkit.get("languages") or {DEFAULT_LANGUAGE: "English"}
    return Settings(
        root=root,
        docs_dir=root / data.get("docs_dir", "docs"),
        site_dir=root / data.get("site_dir", "site"),
        extensions=names,
        extension_configs=configs,
        default_language=toolkit.get("default_language", DEFAULT_LANGUAGE),
        languages=dict(languages),
        site_names=site_names(data),
        theme=toolkit.get("theme", "default"),
        site_url=data.get("site_url") or "",
    )
