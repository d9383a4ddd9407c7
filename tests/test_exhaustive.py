"""Every writer handles every block class of the model: a new class must be written everywhere."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import get_args

import pytest

from toolkit_builder.model import Block

WRITERS = [
    pytest.param("toolkit_builder.handouts.html", id="handout-html"),
    pytest.param("toolkit_builder.site.content", id="site-content"),
    pytest.param("toolkit_builder.slides.plan", id="slides-plan"),
]


def handles(table, cls: type) -> bool:
    """Return whether a writer's BLOCK_HANDLERS (a table or a function of the class) covers it."""
    if isinstance(table, Mapping):
        return cls in table
    return callable(table) and table(cls) is not None


@pytest.mark.parametrize("module", WRITERS)
@pytest.mark.parametrize("cls", get_args(Block), ids=lambda cls: cls.__name__)
def test_every_block_class_has_a_handler(module, cls):
    table = getattr(importlib.import_module(module), "BLOCK_HANDLERS", None)
    assert table is not None, f"{module} has no BLOCK_HANDLERS"
    assert handles(table, cls), f"{module}.BLOCK_HANDLERS has no entry for {cls.__name__}"
