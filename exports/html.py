"""A self-contained interactive viewer: one HTML file, no network requests.

The vis-network script and stylesheet that the pyvis package ships are
inlined, and the graph goes in as one JSON block, so the page opens from disk
with no internet. Every string from the input reaches the page through
``textContent``, never as markup, so a hostile title shows as text.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import networkx as nx

from kg.atomic import write_chunks

__all__ = ["KIND_COLORS", "viewer_data", "generate_html", "write_html"]

KIND_COLORS = {"paper": "#9e9e9e", "model": "#1f77b4", "dataset": "#2ca02c", "benchmark": "#ff7f0e",
               "metric": "#9467bd", "repo": "#d62728"}
_EVIDENCE_PER_NODE = 20


def _vis_asset(name: str) -> str:
    return resources.files("pyvis").joinpath("lib", "vis-9.1.2", name).read_text(encoding="utf-8")


def _links(node: str, data: dict) -> list[str]:
    if data["kind"] == "repo":
        return [f"https://{data['label']}"]
    if data["kind"] == "paper" and data.get("arxiv_id"):
        return [f"https://arxiv.org/abs/{data['arxiv_id']}"]
    return []


def viewer_data(graph: nx.MultiDiGraph) -> dict:
    """The nodes (with degree, aliases, links, evidence) and edges the page draws.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("p-1", kind="paper", label="A paper")
    >>> g.add_node("model:x", kind="model", label="X", aliases=["X-1"])
    >>> g.add_edge("p-1", "model:x", relation="mentions", sentence="We use X.", sentence_start=0,
    ...            start=7, end=8, rule="gazetteer", confidence=0.9, mention="X")
    0
    >>> data = viewer_data(g)
    >>> data["nodes"][0]["evidence"]
    [{'relation': 'mentions', 'paper': 'A paper', 'rule': 'gazetteer', 'sentence': 'We use X.', 'start': 7, 'end': 8}]
    """
    evidence: dict[str, list[dict]] = {node: [] for node in graph}
    edges = []
    for u, v, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1], e[2].get("start", 0))):
        paper = data.get("paper", u)
        item = {"relation": data["relation"], "paper": graph.nodes[paper]["label"], "rule": data["rule"],
                "sentence": data["sentence"], "start": data["start"] - data["sentence_start"],
                "end": data["end"] - data["sentence_start"]}
        for node in (v, u) if graph.nodes[u]["kind"] != "paper" else (v,):
            if len(evidence[node]) < _EVIDENCE_PER_NODE:
                evidence[node].append(item)
        edges.append({"source": u, "target": v, "relation": data["relation"]})
    nodes = [{"id": node, "kind": data["kind"], "label": data["label"], "aliases": list(data.get("aliases") or []),
              "degree": graph.degree(node), "links": _links(node, data), "evidence": evidence[node]}
             for node, data in sorted(graph.nodes(data=True), key=lambda item: item[0])]
    return {"colors": KIND_COLORS, "nodes": nodes, "edges": edges}


def _script_safe_json(value: object) -> str:
    # Inside <script>, "</" or "<!--" could end the element early; "\u003c" is the same JSON string.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def generate_html(graph: nx.MultiDiGraph) -> Iterator[str]:
    """The viewer page.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("p-1", kind="paper", label="<script>alert(1)</script>")
    >>> page = "".join(generate_html(g))
    >>> "<script>alert(1)</script>" in page, "https://" in page.split("vis-network")[0]
    (False, False)
    """
    template = resources.files("exports").joinpath("templates", "viewer.html").read_text(encoding="utf-8")
    page = (template.replace("/*VIS_CSS*/", _vis_asset("vis-network.css"))
                    .replace("/*GRAPH_DATA*/", _script_safe_json(viewer_data(graph))))
    before, after = page.split("/*VIS_JS*/")
    yield before
    yield _vis_asset("vis-network.min.js").replace("</script", "<\\/script")
    yield after


def write_html(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write the viewer page to ``path``."""
    write_chunks(path, generate_html(graph))
