"""The JSON Schema of site/manifest.json, and the check a build runs on its own manifest."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .errors import BuildError

SCHEMA = Path(__file__).resolve().parent / "schemas" / "manifest.schema.json"


@lru_cache(maxsize=1)
def schema() -> dict:
    """Return the manifest's JSON Schema."""
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def validate_manifest(payload: dict) -> None:
    """Raise BuildError naming the first place where a manifest breaks its schema."""
    import jsonschema  # only the build's last step needs it

    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(payload), key=lambda e: list(e.path))
    if errors:
        where = "/".join(str(p) for p in errors[0].path) or "(top)"
        raise BuildError(f"manifest.json: error: {where}: {errors[0].message} "
                         f"({len(errors)} problem(s) against {SCHEMA.name})")
