"""The extraction's models made compact once they are read: a long report holds them all.

A pydantic model keeps the set of the fields it was given (`__pydantic_fields_set__`): one
set per model, 200 to 700 bytes, more than many a cell it belongs to, so a 2,000-page
report's tables held some fifty megabytes of sets. Every model of a class here shares one
set instead: all the class's field names. `model_fields_set` then names every field, which
changes nothing the product does: nothing is serialised with `exclude_unset` (the JSON, the
store and the schema dump every field). Assigning a field later adds nothing (its name is
in the set already); `model_copy` copies the set before changing it. A model given extra
keys keeps its own set (the shared one would not name them).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

_SHARED: dict[type[BaseModel], set[str]] = {}  # a model class → all its field names


def compact(models: Iterable[Any]) -> None:
    """Every model in `models`, and every model inside them, sharing its class's fields set."""
    todo = list(models)
    while todo:
        item = todo.pop()
        if isinstance(item, BaseModel):
            kind = type(item)
            shared = _SHARED.get(kind)
            if shared is None:
                shared = _SHARED[kind] = set(kind.model_fields)
            fields = item.__pydantic_fields_set__
            if fields is not shared and fields <= shared:
                object.__setattr__(item, "__pydantic_fields_set__", shared)
            todo.extend(item.__dict__.values())
        elif isinstance(item, list) and item and isinstance(item[0], BaseModel | list):
            todo.extend(item)
