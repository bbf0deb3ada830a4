"""The extraction's models made compact once they are read: a long report holds them all.

A pydantic model keeps the set of the fields it was given (`__pydantic_fields_set__`). Built
field by field, a set of five or more names has room for eighteen: 728 bytes, more than
the cell it belongs to. A copy of the same set is sized for what it holds (472 bytes), so
a 2,000-page report's tables hold tens of megabytes less. Nothing else changes: the same
names, a set of its own per model (assigning a field later adds to that model's set only).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel


def compact(models: Iterable[Any]) -> None:
    """Every model in `models`, and every model inside them, with a right-sized fields set."""
    todo = list(models)
    while todo:
        item = todo.pop()
        if isinstance(item, BaseModel):
            fields = item.__pydantic_fields_set__
            if len(fields) >= 5:
                object.__setattr__(item, "__pydantic_fields_set__", set(fields))
            todo.extend(item.__dict__.values())
        elif isinstance(item, list) and item and isinstance(item[0], BaseModel | list):
            todo.extend(item)
