"""One entity's neighbourhood as a pyvis ``Network``, for notebooks.

The HTML viewer (:mod:`paperkg.exports.html`) shows the whole map; in a
notebook a small subgraph drawn by pyvis (vis-network) is often what one
wants: an entity, the papers that name it and what they name with it.
pyvis is an optional dependency: ``pip install 'paperkg[notebook]'``.
"""
from __future__ import annotations

import networkx as nx

from paperkg.core.errors import PaperkgError
from paperkg.core.schema import ENTITY_TYPES, KIND_COLORS, RELATIONS

__all__ = ["neighbourhood_network"]


def neighbourhood_network(graph: nx.MultiDiGraph, node: str, hops: int = 1, *, max_nodes: int = 150):
    """``node`` and what lies within ``hops`` edges of it, as a :class:`pyvis.network.Network`.

    Edges go either way (a paper naming an entity, an entity compared with
    another); parallel edges of one relation are drawn once, coloured as the
    relation is in the schema and titled with it. Around a hub only the
    ``max_nodes`` nodes nearest it are kept (fewest hops, then most
    mentioned). Everything the page needs is inlined (no CDN), so the
    notebook shows it offline; ``network.show("x.html")`` or
    ``network.generate_html()`` give the page.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("p-1", kind="paper", label="A paper")
    >>> g.add_node("model:x", kind="model", label="X", paper_count=1)
    >>> _ = g.add_edge("p-1", "model:x", relation="mentions")
    >>> _ = g.add_edge("p-1", "model:x", relation="mentions")
    >>> network = neighbourhood_network(g, "model:x")
    >>> sorted(n["id"] for n in network.nodes), [(e["from"], e["to"], e["title"]) for e in network.edges]
    (['model:x', 'p-1'], [('p-1', 'model:x', 'mentions')])
    """
    from pyvis.network import Network

    if node not in graph:
        raise PaperkgError(f"no node {node!r} in the graph")
    distance = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), node, cutoff=hops)

    def nearness(item: str) -> tuple:
        return (distance[item], -int(graph.nodes[item].get("paper_count") or 0), item)

    kept = sorted(distance, key=nearness)[:max_nodes]
    network = Network(height="600px", width="100%", directed=True, notebook=True, cdn_resources="in_line")
    for item in kept:
        data = graph.nodes[item]
        papers = int(data.get("paper_count") or 0)
        network.add_node(item, label=str(data.get("label", item))[:60], title=data["kind"],
                         color=KIND_COLORS[data["kind"]], size=10 + 3 * papers ** 0.5 if data["kind"] in ENTITY_TYPES
                         else 8, borderWidth=3 if item == node else 1)
    inside = set(kept)
    drawn = set()
    for source, target, relation in sorted(graph.subgraph(kept).edges(data="relation")):
        if (source, target, relation) not in drawn and source in inside and target in inside:
            drawn.add((source, target, relation))
            network.add_edge(source, target, title=relation, color=RELATIONS[relation].color)
    return network
