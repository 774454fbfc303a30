"""PLOVER event coding: lexicon (data), extraction from the parse, modality."""

from .extract import find_events

__all__ = ["find_events"]
