"""paperkg: knowledge graphs of machine-learning papers.

Importing ``paperkg`` is cheap: the names below load their modules (and
spaCy, for extraction) on first use.
"""
from __future__ import annotations

import importlib

#: Public name → the module that defines it.
_EXPORTS = {
    "ENTITY_TYPES": "paperkg.core.schema",
    "RELATIONS": "paperkg.core.schema",
    "InputError": "paperkg.core.errors",
    "PaperkgError": "paperkg.core.errors",
    "Mention": "paperkg.core.model",
    "Paper": "paperkg.core.model",
    "PaperEntities": "paperkg.core.model",
    "normalize_key": "paperkg.core.model",
    "extract_papers": "paperkg.extract",
    "gold_record": "paperkg.extract",
    "read": "paperkg.api",
    "build": "paperkg.api",
    "load": "paperkg.api",
    "nlp": "paperkg.api",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'paperkg' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
