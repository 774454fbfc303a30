"""Parquet parts: one row per article with its records as nested columns, read back losslessly.

A part is written to a temporary name and renamed, so a part that exists is whole.
"""

from __future__ import annotations

import os
import types
import typing
from dataclasses import fields, is_dataclass
from functools import cache
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .. import model
from ..model import Records


def write_part(records: list[Records], path: str | os.PathLike) -> Path:
    """Write records (in order) as one Parquet file; returns its path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    pq.write_table(pa.Table.from_pylist([to_row(r) for r in records]), tmp)
    os.replace(tmp, path)
    return path


def read_part(path: str | os.PathLike) -> list[Records]:
    """The records of a part, in the order they were written."""
    return [from_row(Records, row) for row in pq.read_table(path).to_pylist()]


def to_row(obj):
    """Dataclasses to dicts, tuples to lists, all the way down."""
    if is_dataclass(obj):
        return {f.name: to_row(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, tuple | list):
        return [to_row(v) for v in obj]
    return obj


def from_row(cls, row: dict):
    """Rebuild a model dataclass from ``to_row`` output, by its field types."""
    return cls(**{name: _value(hint, row[name]) for name, hint in _hints(cls).items()})


@cache
def _hints(cls) -> dict:
    return {f.name: typing.get_type_hints(cls, vars(model))[f.name] for f in fields(cls)}


def _value(hint, value):
    if value is None:
        return None
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _value(inner[0], value) if len(inner) == 1 else value
    if origin in (tuple, list):
        item = args[0] if args else None
        out = [_value(item, v) for v in value]
        return tuple(out) if origin is tuple else out
    if is_dataclass(hint):
        return from_row(hint, value)
    return value
