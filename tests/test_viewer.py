"""The HTML viewer in a real browser: headless Chromium (Debian's) driven by Playwright, network blocked.

Never `playwright install`: the browser is /usr/bin/chromium, which .ci/run installs.
"""
from __future__ import annotations

import os
import random
import time
from pathlib import Path

import networkx as nx
import pytest

from paperkg import exports
from paperkg.exports.html import write_html

from .conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
HOSTILE = '<img src=x onerror="window.__pwned = 1; alert(1)">'

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} is missing; .ci/run installs the chromium package")
    pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)", allow_module_level=True)

playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"])
        yield browser
        browser.close()


class OfflinePage:
    """A page that may load only file: and data: URLs, recording anything else it tries and any dialog."""

    def __init__(self, browser, path: Path):
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("dialog", self._dialog)
        self.page.goto(path.as_uri())
        self.page.wait_for_function("window.paperkg && window.paperkg.ready", timeout=120_000)

    def _route(self, route):
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def click_node(self, node: str) -> None:
        """Click the node where it is drawn, as a person would.

        A bigger node may be drawn over it wherever the layout put it, so it is first
        moved clear of every other node (physics is off once the page is ready).
        """
        self.page.evaluate("""id => {
            const network = window.paperkg.network;
            const xs = Object.values(network.getPositions()).map(p => p.x);
            network.moveNode(id, Math.max(...xs) + 300, 0);
            network.focus(id, {scale: 1.5, animation: false});
        }""", node)
        x, y = self.page.evaluate("""id => {
            const network = window.paperkg.network;
            const at = network.canvasToDOM(network.getPosition(id));
            return [at.x, at.y];
        }""", node)
        box = self.page.locator("#graph").bounding_box()
        self.page.mouse.click(box["x"] + x, box["y"] + y)


def _hostile_sample(sample_graph) -> tuple[nx.MultiDiGraph, str]:
    graph = sample_graph.copy()
    paper = next(u for u, v, d in graph.edges(data=True)
                 if d["relation"] == "proposes" and graph.nodes[v]["label"] == "MambaOut")
    graph.nodes[paper]["label"] = HOSTILE + " MambaOut paper"
    return graph, paper


def test_viewer_offline_search_click_evidence_and_hostile_title(browser, sample_graph, tmp_path):
    graph, paper = _hostile_sample(sample_graph)
    [path] = exports.export(graph, tmp_path, ["html"])["html"]
    view = OfflinePage(browser, path)
    page = view.page
    assert page.evaluate("window.paperkg.nodes.length") == graph.number_of_nodes()
    assert page.evaluate("window.paperkg.edges.length") == graph.number_of_edges()

    page.fill("#search", "mambaout")
    assert page.inner_text("#search-result") == "found: MambaOut"
    assert page.evaluate("window.paperkg.network.getSelectedNodes()") == ["model:mambaout"]

    page.click("#details")  # clear focus from the search box; then click the node on the canvas
    page.evaluate("window.paperkg.network.unselectAll()")
    view.click_node("model:mambaout")
    assert page.evaluate("window.paperkg.network.getSelectedNodes()") == ["model:mambaout"]
    assert page.inner_text("#details h4") == "MambaOut"
    marks = page.locator("#details .evidence mark").all_inner_texts()
    # Each evidence highlights its edge's mention: MambaOut itself, or the model it is compared with.
    compared = {graph.nodes[v]["label"] for _, v in graph.out_edges("model:mambaout")}
    assert "MambaOut" in marks and set(marks) <= {"MambaOut", *compared}
    assert HOSTILE + " MambaOut paper" in page.inner_text("#details")  # shown as text

    view.click_node(paper)
    assert page.inner_text("#details h4") == HOSTILE + " MambaOut paper"
    links = page.locator("#details a").evaluate_all("links => links.map(a => a.href)")
    assert links == [f"https://arxiv.org/abs/{graph.nodes[paper]['arxiv_id']}"] if graph.nodes[paper].get("arxiv_id") \
        else links == []

    page.uncheck("#legend input[data-kind=paper]")
    hidden = page.evaluate("window.paperkg.nodes.get({filter: n => n.hidden}).length")
    assert hidden == sum(1 for _, kind in graph.nodes(data="kind") if kind == "paper")
    page.check("#legend input[data-kind=paper]")

    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate("window.paperkg.network.fit({animation: false})")
    view.click_node("model:mambaout")
    page.screenshot(path=str(ARTIFACTS / "viewer.png"))
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("window.__pwned") is None and view.dialogs == []
    assert view.blocked == []
    page.close()


def _large_graph(papers: int, entities: int, seed: int = 7) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    for index in range(entities):
        graph.add_node(f"model:m{index}", kind="model", label=f"Model-{index}", aliases=[f"M{index}"],
                       mention_count=1, paper_count=1)
    for index in range(papers):
        paper = f"p-{index:012x}"
        sentence = f"Paper {index} compares models."
        graph.add_node(paper, kind="paper", label=f"Paper {index}", title=f"Paper {index}", abstract=sentence)
        for target in rng.sample(range(entities), 4):
            graph.add_edge(paper, f"model:m{target}", relation="mentions", sentence=sentence, sentence_start=0,
                           start=0, end=5, rule="test", confidence=0.9, mention="Paper")
    return graph


def test_viewer_shows_top_nodes_of_a_large_graph_and_stays_responsive(browser, tmp_path):
    graph = _large_graph(papers=1500, entities=4500)
    path = tmp_path / "large.html"
    write_html(graph, path, max_nodes=5000)
    started = time.perf_counter()
    view = OfflinePage(browser, path)
    settled = time.perf_counter() - started
    page = view.page
    assert page.evaluate("window.paperkg.nodes.length") == 5000
    assert "5000 best-connected of 6000 nodes" in page.inner_text("#notice")
    assert page.evaluate("window.paperkg.network.physics.options.enabled") is False  # layout frozen
    started = time.perf_counter()
    page.fill("#search", "paper 1499")
    assert page.inner_text("#search-result") == "found: Paper 1499"
    searched = time.perf_counter() - started
    print(f"5000-node viewer: layout settled in {settled:.1f}s, search answered in {searched:.2f}s")
    assert view.blocked == [] and view.dialogs == []
    page.close()
