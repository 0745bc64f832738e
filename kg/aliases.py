"""A user's alias file: names to merge into one entity and names never to extract.

The file is plain UTF-8 text, one rule a line::

    # comments and blank lines are ignored
    LLaVA-1.5 = LLaVA v1.5 | llava-1.5-7b
    Stable Diffusion = SD
    !Transformer Fusion

``canonical = alias | alias`` makes every alias (and the canonical name) one
entity whose label is the canonical name; ``!name`` blocks a name: it is
dropped from extraction output and never becomes a graph node. Names match
the way entities resolve (:func:`paperkg.resolve.entity_key`: case, spaces,
punctuation and a ``v`` before a version do not matter).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .core.errors import InputError
from .readers import text_lines
from .resolve import entity_key

__all__ = ["AliasTable", "load_aliases", "parse_aliases"]


@dataclass
class AliasTable:
    """Canonical names by resolution key, and the blocked keys."""

    canonical: dict[str, str] = field(default_factory=dict)
    blocked: set[str] = field(default_factory=set)

    def canonical_of(self, name: str) -> str | None:
        """The canonical name ``name`` is an alias (or spelling) of, if the file gives one.

        Examples
        --------
        >>> table = parse_aliases(["Stable Diffusion = SD | SD-1"])
        >>> table.canonical_of("sd 1"), table.canonical_of("stable diffusion"), table.canonical_of("DALL-E")
        ('Stable Diffusion', 'Stable Diffusion', None)
        """
        return self.canonical.get(entity_key(name))

    def is_blocked(self, name: str) -> bool:
        """Whether the file blocks ``name``.

        Examples
        --------
        >>> parse_aliases(["!Transformer Fusion"]).is_blocked("transformer-fusion")
        True
        """
        return entity_key(name) in self.blocked

    def __bool__(self) -> bool:
        return bool(self.canonical or self.blocked)


def parse_aliases(lines, source: str = "<aliases>") -> AliasTable:
    """An :class:`AliasTable` from the lines of an alias file.

    Examples
    --------
    >>> table = parse_aliases(["# mine", "", "LLaVA-1.5 = LLaVA v1.5 | llava-1.5-7b", "!Ours"])
    >>> sorted(table.canonical.items()), table.blocked
    ([('llava15', 'LLaVA-1.5'), ('llava157b', 'LLaVA-1.5')], {'ours'})
    >>> parse_aliases(["LLaVA"], "aliases.txt")
    Traceback (most recent call last):
    ...
    paperkg.core.errors.InputError: aliases.txt:1: expected 'canonical = alias | alias' or '!blocked name'
    """
    table = AliasTable()
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("!"):
            name = line[1:].strip()
            if not name:
                raise InputError(source, "'!' needs a name to block", line=number)
            table.blocked.add(entity_key(name))
            continue
        canonical, equals, aliases = line.partition("=")
        names = [name.strip() for name in aliases.split("|") if name.strip()]
        if not equals or not canonical.strip() or not names:
            raise InputError(source, "expected 'canonical = alias | alias' or '!blocked name'", line=number)
        for name in (canonical, *names):
            previous = table.canonical.setdefault(entity_key(name), canonical.strip())
            if previous != canonical.strip():
                raise InputError(source, f"{name.strip()!r} is already an alias of {previous!r}", line=number)
    return table


def load_aliases(path: str | Path) -> AliasTable:
    """Read an alias file; a missing, unreadable or malformed file is an :class:`~paperkg.core.errors.InputError`."""
    if not Path(path).exists():
        raise InputError(path, "no such alias file")
    return parse_aliases(text_lines(path), str(path))
