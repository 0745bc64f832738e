"""Entity resolution: one node per real entity across papers.

Names resolve by a key that ignores case, spaces, punctuation and a ``v``
before a version number, so "LLaMA-2", "LlaMA-2", "Llama 2" and "LLaMA v2"
are one entity. Names a paper gives as aliases of each other (an acronym and
its long form) join their entities across the whole corpus.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .core.model import ENTITY_TYPES, normalize_key

__all__ = ["entity_key", "ResolvedEntity", "Resolver", "DisjointSets"]

_VERSION_V = re.compile(r"(?<![a-z])v(?=\d)")


def entity_key(name: str) -> str:
    """The resolution key of a name.

    Examples
    --------
    >>> {entity_key(n) for n in ("LLaMA-2", "LlaMA-2", "Llama 2", "LLaMA v2")}
    {'llama2'}
    >>> entity_key("LLaVA-v1.5") == entity_key("LLaVA 1.5"), entity_key("DeepSeek-VL")
    (True, 'deepseekvl')
    >>> entity_key("Ωμέγα")  # no ASCII letters: a key from the text itself
    'u-fb13071f55'
    """
    folded = name.casefold()
    key = normalize_key(_VERSION_V.sub("", folded))
    if key:
        return key
    return "u-" + hashlib.sha1(" ".join(folded.split()).encode()).hexdigest()[:10]


class DisjointSets:
    """Union-find over names or keys: which ones are one entity.

    Examples
    --------
    >>> sets = DisjointSets()
    >>> sets.union("vit", "visiontransformer"); sets.union("t2t", "tokenstotoken")
    >>> sets.find("vit") == sets.find("visiontransformer"), sets.find("vit") == sets.find("t2t")
    (True, False)
    >>> sorted(sets), "swin" in sets
    (['t2t', 'tokenstotoken', 'visiontransformer', 'vit'], False)
    """

    def __init__(self) -> None:
        self._parent: dict = {}

    def find(self, key):
        """The representative of ``key``'s set (``key`` joins as a set of its own if new)."""
        parent = self._parent
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]  # path halving: later finds take fewer steps
            key = parent[key]
        return key

    def union(self, key, other) -> None:
        """Join the sets of ``key`` and ``other``; the representative of ``other``'s set stays one."""
        root, other_root = self.find(key), self.find(other)
        if root != other_root:
            self._parent[root] = other_root

    def __contains__(self, key) -> bool:
        return key in self._parent

    def __iter__(self):
        return iter(self._parent)


@dataclass
class ResolvedEntity:
    """One resolved entity: its key, type, preferred name and every other name."""

    key: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    mention_count: int = 0
    papers: list[str] = field(default_factory=list)

    @property
    def node_id(self) -> str:
        return f"{self.type}:{self.key}"


class Resolver:
    """Collect the names papers use, then resolve them into entities.

    Examples
    --------
    >>> resolver = Resolver()
    >>> resolver.add("p1", "model", ["LaVin-DiT", "Large Vision Diffusion Transformer"], mentions=3)
    >>> resolver.add("p2", "model", ["Lavin-DiT"], mentions=1)
    >>> resolver.add("p2", "dataset", ["ImageNet"], mentions=1)
    >>> resolver.add("p3", "model", ["LaVin-DiTs"], mentions=1)
    >>> [(e.name, e.aliases, e.mention_count, e.papers) for e in resolver.entities()]
    [('ImageNet', [], 1, ['p2']), ('LaVin-DiT', ['LaVin-DiTs', 'Large Vision Diffusion Transformer', 'Lavin-DiT'], 5, ['p1', 'p2', 'p3'])]
    >>> resolver.lookup("large vision diffusion transformer").node_id
    'model:lavindit'
    """

    def __init__(self, *, preferred: set[str] = frozenset()) -> None:
        self._preferred = preferred  # names that label their entity whenever it has them (an alias file's)
        self._sets = DisjointSets()
        self._names: dict[str, Counter] = defaultdict(Counter)
        self._types: dict[str, Counter] = defaultdict(Counter)
        # A key's papers: the id alone while one paper uses it (most names), a set once several do.
        self._papers: dict[str, str | set[str]] = {}
        self._resolved: dict[str, ResolvedEntity] | None = None

    def add(self, paper_id: str, entity_type: str, names: list[str], *, mentions: int) -> None:
        """Record that a paper names one entity, under ``names`` (preferred first).

        Names are added before the first :meth:`lookup` or :meth:`entities`,
        which resolve them once and for all.
        """
        if self._resolved is not None:
            raise ValueError("this resolver has resolved its names; add names to a new Resolver")
        keys = [entity_key(name) for name in names]
        self._sets.find(keys[0])
        for key in keys[1:]:
            self._sets.union(key, keys[0])
        # The first (most specific) name counts once per mention, others once.
        for position, (key, name) in enumerate(zip(keys, names)):
            self._names[key][name] += mentions if position == 0 else 1
        self._types[keys[0]][entity_type] += mentions
        papers = self._papers.get(keys[0])
        if papers is None:
            self._papers[keys[0]] = paper_id
        elif type(papers) is set:
            papers.add(paper_id)
        elif papers != paper_id:
            self._papers[keys[0]] = {papers, paper_id}

    def _merge_plurals(self) -> None:
        """Join "Transformers" to "Transformer" and "ResNets" to "ResNet" when both are used."""
        for key in list(self._sets):
            if key.endswith("s") and key[:-1] in self._sets and not key[:-1].isdigit():
                self._sets.union(key, key[:-1])

    def _resolve(self) -> dict[str, ResolvedEntity]:
        self._merge_plurals()
        members: dict[str, list[str]] = defaultdict(list)
        for key in self._sets:
            members[self._sets.find(key)].append(key)
        resolved = {}
        for root, keys in members.items():
            names, types, papers = Counter(), Counter(), set()
            for key in keys:
                names.update(self._names[key])
                types.update(self._types[key])
                used = self._papers.get(key)
                if type(used) is set:
                    papers |= used
                elif used is not None:
                    papers.add(used)
            entity_type = max(ENTITY_TYPES, key=lambda t: (types[t], -ENTITY_TYPES.index(t)))
            ranked = sorted(names, key=lambda n: (n not in self._preferred, -names[n], n))
            entity = ResolvedEntity(
                key=min(keys, key=lambda k: (-sum(self._names[k].values()), k)),
                type=entity_type,
                name=ranked[0],
                aliases=sorted(ranked[1:]),
                mention_count=sum(types.values()),
                papers=sorted(papers),
            )
            for key in keys:
                resolved[key] = entity
        # Only the resolution is needed from here on; for millions of papers the name tables
        # take more memory than the entities do.
        self._sets, self._names, self._types, self._papers = DisjointSets(), {}, {}, {}
        return resolved

    def lookup(self, name: str) -> ResolvedEntity:
        """The entity a name resolves to (``KeyError`` if no paper used it)."""
        if self._resolved is None:
            self._resolved = self._resolve()
        return self._resolved[entity_key(name)]

    def entities(self) -> list[ResolvedEntity]:
        """Every resolved entity once, sorted by node id."""
        if self._resolved is None:
            self._resolved = self._resolve()
        unique = {id(e): e for e in self._resolved.values()}
        return sorted(unique.values(), key=lambda e: e.node_id)
