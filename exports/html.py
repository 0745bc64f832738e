"""A self-contained interactive viewer: one HTML file, no network requests.

The vis-network script and stylesheet that the pyvis package ships are
inlined, and the graph goes in as one JSON block, so the page opens from disk
with no internet. Every string from the input reaches the page through
``textContent``, never as markup, so a hostile title shows as text.
"""
from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import networkx as nx

from paperkg.core.atomic import write_chunks
from paperkg.core.schema import KIND_COLORS

__all__ = ["KIND_COLORS", "DEFAULT_MAX_NODES", "top_nodes", "viewer_data", "generate_html", "write_html"]

#: Above this many nodes browsers stall on the layout, so the page shows the best-connected ones.
DEFAULT_MAX_NODES = 5000
_EVIDENCE_PER_NODE = 20
_PAPERS_PER_NODE = 20


def _vis_asset(name: str) -> str:
    # Found by its spec, not resources.files("pyvis"): importing pyvis (jinja2, jsonpickle, ...) took 0.1 CPU s.
    package = Path(importlib.util.find_spec("pyvis").origin).parent
    return package.joinpath("lib", "vis-9.1.2", name).read_text(encoding="utf-8")


def _label(graph: nx.MultiDiGraph, node: str) -> str:
    return str(graph.nodes[node].get("label", node))


def _links(data: dict) -> list[str]:
    if data["kind"] == "repo":
        return [f"https://{data['label']}"]
    if data["kind"] == "paper" and data.get("arxiv_id"):
        return [f"https://arxiv.org/abs/{data['arxiv_id']}"]
    return []


def top_nodes(graph: nx.MultiDiGraph, max_nodes: int) -> list[str]:
    """The ``max_nodes`` nodes of highest degree (ties by id), or every node when there are no more.

    Examples
    --------
    >>> g = nx.MultiDiGraph([("p-1", "model:a"), ("p-2", "model:a"), ("p-2", "model:b")])
    >>> top_nodes(g, 2)
    ['model:a', 'p-2']
    """
    if graph.number_of_nodes() <= max_nodes:
        return sorted(graph.nodes)
    ranked = sorted(graph.degree, key=lambda item: (-item[1], item[0]))
    return sorted(node for node, _ in ranked[:max_nodes])


def viewer_data(graph: nx.MultiDiGraph, max_nodes: int = DEFAULT_MAX_NODES) -> dict:
    """The nodes (with degree, aliases, papers, links, evidence) and edges the page draws.

    A graph of more than ``max_nodes`` nodes is cut to its ``max_nodes``
    best-connected nodes and the edges between them; ``total_nodes`` tells
    the page how many there were.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("p-1", kind="paper", label="A paper")
    >>> g.add_node("model:x", kind="model", label="X", aliases=["X-1"])
    >>> g.add_edge("p-1", "model:x", relation="mentions", sentence="We use X.", sentence_start=0,
    ...            start=7, end=8, rule="gazetteer", confidence=0.9, mention="X")
    0
    >>> data = viewer_data(g)
    >>> data["nodes"][0]["evidence"], data["nodes"][0]["papers"]
    ([{'relation': 'mentions', 'paper': 'A paper', 'rule': 'gazetteer', 'sentence': 'We use X.', 'start': 7, 'end': 8}], ['A paper'])
    """
    shown = top_nodes(graph, max_nodes)
    kept = set(shown)
    evidence: dict[str, list[dict]] = {node: [] for node in shown}
    papers: dict[str, dict[str, None]] = {node: {} for node in shown}  # insertion-ordered sets
    edges = []
    for u, v, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1], e[2].get("start", 0))):
        paper = data.get("paper", u)
        for node in (u, v):
            if node in kept and node != paper and len(papers[node]) < _PAPERS_PER_NODE:
                papers[node][_label(graph, paper)] = None
        if data.get("sentence") is not None and data.get("start") is not None:
            item = {"relation": data["relation"], "paper": _label(graph, paper), "rule": data.get("rule", ""),
                    "sentence": data["sentence"], "start": data["start"] - data["sentence_start"],
                    "end": data["end"] - data["sentence_start"]}
            for node in (v, u) if graph.nodes[u]["kind"] != "paper" else (v,):
                if node in kept and len(evidence[node]) < _EVIDENCE_PER_NODE:
                    evidence[node].append(item)
        if u in kept and v in kept:
            edges.append({"source": u, "target": v, "relation": data["relation"]})
    nodes = [{"id": node, "kind": graph.nodes[node]["kind"], "label": _label(graph, node),
              "aliases": list(graph.nodes[node].get("aliases") or []), "degree": graph.degree(node),
              "papers": list(papers[node]), "links": _links(graph.nodes[node]), "evidence": evidence[node]}
             for node in shown]
    return {"colors": KIND_COLORS, "nodes": nodes, "edges": edges, "total_nodes": graph.number_of_nodes()}


def _script_safe_json(value: object) -> str:
    # Inside <script>, "</" or "<!--" could end the element early; "\u003c" is the same JSON string.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def generate_html(graph: nx.MultiDiGraph, *, max_nodes: int = DEFAULT_MAX_NODES) -> Iterator[str]:
    """The viewer page, showing at most ``max_nodes`` nodes (the best-connected ones).

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("p-1", kind="paper", label="<script>alert(1)</script>")
    >>> page = "".join(generate_html(g))
    >>> "<script>alert(1)</script>" in page, "https://" in page.split("vis-network")[0]
    (False, False)
    """
    template = resources.files(__package__).joinpath("templates", "viewer.html").read_text(encoding="utf-8")
    page = (template.replace("/*VIS_CSS*/", _vis_asset("vis-network.css"))
                    .replace("/*GRAPH_DATA*/", _script_safe_json(viewer_data(graph, max_nodes))))
    before, after = page.split("/*VIS_JS*/")
    yield before
    yield _vis_asset("vis-network.min.js").replace("</script", "<\\/script")
    yield after


def write_html(graph: nx.MultiDiGraph, path: str | Path, *, max_nodes: int = DEFAULT_MAX_NODES) -> None:
    """Write the viewer page to ``path``, showing at most ``max_nodes`` nodes (the best-connected ones)."""
    write_chunks(path, generate_html(graph, max_nodes=max_nodes))
