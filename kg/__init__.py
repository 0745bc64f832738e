"""paperkg: knowledge graphs of machine-learning papers."""
from .errors import InputError, PaperkgError
from .extract import PaperEntities, extract_papers, gold_record
from .model import ENTITY_TYPES, RELATIONS, Mention, Paper, normalize_key

__all__ = [
    "ENTITY_TYPES",
    "RELATIONS",
    "InputError",
    "Mention",
    "Paper",
    "PaperEntities",
    "PaperkgError",
    "extract_papers",
    "gold_record",
    "normalize_key",
]
