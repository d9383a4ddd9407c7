"""The document model as JSON-ready data, for `check --dump-model` and golden tests."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any


def as_data(obj: Any, root: Path | None = None) -> Any:
    """Return plain data for a model object; each dataclass gets a `type` key."""
    if dataclasses.is_dataclass(obj):
        data = {"type": type(obj).__name__}
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if value is None or value is False or (isinstance(value, (str, tuple)) and not value):
                continue
            data[f.name] = as_data(value, root)
        return data
    if isinstance(obj, (list, tuple)):
        return [as_data(item, root) for item in obj]
    if isinstance(obj, Path):
        if root and obj.is_relative_to(root):
            return obj.relative_to(root).as_posix()
        return obj.as_posix()
    return obj
