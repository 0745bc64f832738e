"""The HTML viewer in a real browser: headless Chromium (Debian's) driven by Playwright, network blocked.

Never `playwright install`: the browser is /usr/bin/chromium, which .ci/run installs. WebGL runs on
SwiftShader (Chromium's CPU renderer), as on any machine without a GPU. Screenshots go to test-artifacts/.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import random
import time
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from paperkg import exports
from paperkg.core.schema import ENTITY_TYPES
from paperkg.exports.html import HtmlSink, write_html
from paperkg.exports.sink import entity_batch

from .conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
HOSTILE = '<img src=x onerror="window.__pwned = 1; alert(1)">'
# Text that would break a page splicing data into code or ending a <script> early.
BREAKERS = " /*VENDOR_JS*/ /*GRAPH_DATA*/ </script><script>window.__pwned = 2</script> \u2028 <!-- &amp;"
# No GPU here: WebGL runs on SwiftShader (--enable-unsafe-swiftshader) and --disable-gpu composites
# the page in software, which on this machine drew the sample map at 13 fps (2.4 fps composited on
# SwiftShader too) and made it ready in 0.7 s (5.1 s), under the same load.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--enable-unsafe-swiftshader",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} is missing; .ci/run installs the chromium package")
    pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)", allow_module_level=True)

playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class OfflinePage:
    """A page that may load only file: URLs, recording anything else it tries and any dialog or error."""

    def __init__(self, browser, path: Path):
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(path.as_uri())
        # Polled from outside: the page's Content-Security-Policy forbids wait_for_function's eval.
        deadline = time.monotonic() + 120
        while not self.page.evaluate("window.paperkg !== undefined && window.paperkg.ready === true"):
            assert time.monotonic() < deadline and not self.errors, self.errors
            self.page.wait_for_timeout(25)

    def _route(self, route):
        url = route.request.url
        if url.startswith("file:"):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def wait_for(self, expression: str, arg=None) -> None:
        deadline = time.monotonic() + 60
        while not self.js(expression, arg):
            assert time.monotonic() < deadline and not self.errors, (expression, self.errors)
            self.page.wait_for_timeout(25)

    def node_on_screen(self, node: str) -> tuple[float, float]:
        """Where ``node`` is drawn, in page pixels."""
        x, y = self.js("""id => {
            const r = window.paperkg.renderer;  // from the camera as it is now, not as last drawn
            const at = r.framedGraphToViewport(r.getNodeDisplayData(window.paperkg.key(id)),
                                               {cameraState: r.getCamera().getState()});
            return [at.x, at.y];
        }""", node)
        box = self.page.locator("#graph").bounding_box()
        return box["x"] + x, box["y"] + y

    def is_centred(self, node: str) -> bool:
        x, y = self.node_on_screen(node)
        box = self.page.locator("#graph").bounding_box()
        return abs(x - box["x"] - box["width"] / 2) < 2 and abs(y - box["y"] - box["height"] / 2) < 2

    def click_node(self, node: str) -> None:
        """Click the node where it is drawn, as a person would, zoomed in close enough that no other covers it."""
        self.js("""id => {
            window.paperkg.select(id);
            window.paperkg.camera.setState({ratio: 0.01});
            window.paperkg.select(null);
        }""", node)
        self.page.mouse.click(*self.node_on_screen(node))

    def visible(self) -> set[str]:
        return set(self.js("window.paperkg.visible()"))

    def legend_counts(self) -> dict[str, str]:
        return self.js("""Object.fromEntries([...document.querySelectorAll('#legend [data-count]')]
                          .map(e => [e.dataset.count, e.textContent]))""")

    def screenshot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / name))


def _hostile_sample(sample_graph) -> tuple[nx.MultiDiGraph, str]:
    graph = sample_graph.copy()
    paper = next(u for u, v, d in graph.edges(data=True)
                 if d["relation"] == "proposes" and graph.nodes[v]["label"] == "MambaOut")
    graph.nodes[paper]["label"] = HOSTILE + " MambaOut paper" + BREAKERS
    return graph, paper


def _entity_counts(graph: nx.MultiDiGraph) -> Counter:
    return Counter(kind for _, kind in graph.nodes(data="kind"))


@pytest.fixture(scope="module")
def sample_view(browser, sample_graph, tmp_path_factory):
    graph, paper = _hostile_sample(sample_graph)
    [path] = exports.export(graph, tmp_path_factory.mktemp("viewer"), ["html"])["html"]
    view = OfflinePage(browser, path)
    yield graph, paper, view
    view.page.close()


def test_vendored_bundle_matches_its_checksum_and_names_its_licences():
    vendor = ROOT / "exports" / "vendor"
    manifest = json.loads((vendor / "sigma-graphology.json").read_text(encoding="utf-8"))
    bundle = (vendor / manifest["file"]).read_bytes()
    assert hashlib.sha256(bundle).hexdigest() == manifest["sha256"] and len(bundle) == manifest["bytes"]
    assert manifest["packages"]["sigma"]["version"].startswith("3.")
    licences = (vendor / "sigma-graphology.LICENSE.txt").read_text(encoding="utf-8")
    for name, package in manifest["packages"].items():
        assert f"{name} {package['version']} ({package['license']})" in licences


def test_the_page_does_not_depend_on_batch_boundaries(tmp_path, sample_papers):
    from paperkg.pipeline import run

    run(sample_papers, tmp_path / "one", formats=["html"])
    run(sample_papers, tmp_path / "seven", formats=["html"], batch_size=7)
    assert (tmp_path / "one" / "graph.html").read_bytes() == (tmp_path / "seven" / "graph.html").read_bytes()


def test_data_is_escaped_json_never_code(sample_graph, tmp_path):
    graph, _ = _hostile_sample(sample_graph)
    path = tmp_path / "graph.html"
    write_html(graph, path)
    page = path.read_text(encoding="utf-8")
    data = page.split('<script id="graph-data" type="application/json">', 1)[1].split("</script>", 1)[0]
    assert not set("<>&\u2028\u2029") & set(data)
    titles = [row[1] for row in json.loads(data)["papers"]]
    assert HOSTILE + " MambaOut paper" + BREAKERS in titles
    assert 'http-equiv="Content-Security-Policy" content="default-src \'none\';' in page


def test_sample_first_view_search_click_filters_and_hostile_title(sample_view):
    graph, paper, view = sample_view
    counts = _entity_counts(graph)
    view.screenshot("viewer-first-view.png")
    assert view.js("window.paperkg.labels") >= 5  # the biggest entities are labelled in the first view
    legend = view.legend_counts()
    for kind in ENTITY_TYPES:
        assert legend[kind].split()[0] == str(counts[kind])
    assert legend["paper"].split()[0] == str(counts["paper"])
    assert view.js("window.paperkg.graph.order") == sum(counts[kind] for kind in ENTITY_TYPES)

    view.page.fill("#search", "mambaou")
    assert view.page.locator("#suggestions li").first.inner_text().startswith("MambaOut")
    view.page.press("#search", "Enter")
    assert view.js("window.paperkg.selected()") == "model:mambaout"
    assert view.is_centred("model:mambaout")
    view.screenshot("viewer-after-search.png")

    view.click_node("model:mambaout")
    assert view.js("window.paperkg.selected()") == "model:mambaout"
    assert view.page.inner_text("#panel h2") == "MambaOut"
    marks = view.page.locator("#panel .evidence mark").all_inner_texts()
    # Each evidence highlights its edge's mention: MambaOut itself, or the entity it is linked with.
    linked = {graph.nodes[node]["label"] for node in nx.all_neighbors(graph, "model:mambaout")}
    assert "MambaOut" in marks and set(marks) <= {"MambaOut", *linked}
    assert "confidence" in view.page.inner_text("#panel .evidence .meta")
    assert HOSTILE + " MambaOut paper" in view.page.inner_text("#panel")  # shown as text
    view.js("window.paperkg.camera.setState({ratio: 0.35})")  # back from the close-up the click needed
    view.page.wait_for_timeout(200)
    view.screenshot("viewer-after-click.png")

    view.page.fill("#search", HOSTILE[:12])
    view.page.press("#search", "Enter")  # a paper: the papers are shown first
    view.wait_for("id => window.paperkg.selected() === id", paper)
    assert view.js("document.querySelector('#panel h2').textContent") == HOSTILE + " MambaOut paper" + BREAKERS
    view.page.uncheck("#legend input[data-kind=paper]")
    assert view.js("document.querySelectorAll('img').length") == 0
    assert view.js("window.__pwned") is None and view.dialogs == [] and view.errors == []
    assert view.blocked == []


def test_sample_leaderboard_of_the_benchmark_with_most_results(sample_view):
    graph, _, view = sample_view
    targets = Counter(data["benchmark"] for _, data in graph.nodes(data=True)
                      if data["kind"] == "result" and data["benchmark"])
    benchmark, results = targets.most_common(1)[0]
    view.click_node(benchmark)
    assert view.page.inner_text("#panel h2") == graph.nodes[benchmark]["label"]
    assert f"Leaderboard ({results})" in view.page.text_content("#panel")
    assert view.page.locator("#panel .leaderboard tbody tr").count() == min(results, 20)
    view.page.click("#panel .leaderboard th[data-column=value]")
    values = [float(v.rstrip("%×").replace(",", "")) for v in
              view.page.locator("#panel .leaderboard td.value").all_inner_texts() if v != "—"]
    assert values == sorted(values) or values == sorted(values, reverse=True)
    assert len(set(values)) < 2 or values[0] != values[-1]
    view.page.click("#panel .leaderboard th[data-column=value]")
    again = [float(v.rstrip("%×").replace(",", "")) for v in
             view.page.locator("#panel .leaderboard td.value").all_inner_texts() if v != "—"]
    assert again == values[::-1] or len(set(values)) < 2


def test_sample_type_filter_slider_and_neighbourhood(sample_view):
    graph, _, view = sample_view
    view.js("window.paperkg.select(null)")
    entities = {node: data for node, data in graph.nodes(data=True) if data["kind"] in ENTITY_TYPES}
    assert view.visible() == set(entities)
    view.page.uncheck("#legend input[data-kind=model]")
    assert view.visible() == {node for node, data in entities.items() if data["kind"] != "model"}
    view.page.check("#legend input[data-kind=model]")

    view.page.locator("#min-papers").fill("3")
    assert view.visible() == {node for node, data in entities.items() if data["paper_count"] >= 3}
    view.page.locator("#min-papers").fill("1")

    view.page.check("#legend input[data-kind=paper]")
    papers = {node for node, kind in graph.nodes(data="kind") if kind == "paper"}
    named = {u for u, v in graph.edges() if u in papers and v in entities}
    view.wait_for("count => window.paperkg.visible().length === count", len(entities) + len(named))
    assert view.visible() == set(entities) | named
    view.page.uncheck("#legend input[data-kind=paper]")

    view.js("window.paperkg.select('model:mambaout')")
    view.page.click("#panel button[data-hops='1']")
    linked = view.visible()
    neighbours = set(view.js("id => window.paperkg.graph.neighbors(window.paperkg.key(id)).map(window.paperkg.id)",
                             "model:mambaout")) - papers  # the papers are hidden
    assert linked == neighbours | {"model:mambaout"}
    view.page.click("#panel button[data-hops='0']")
    assert view.visible() == set(entities)


def synthetic_graph(papers: int, seed: int = 13) -> nx.MultiDiGraph:
    """A graph shaped like a big build's, made directly (no extraction): each paper proposes its own
    model, names well-known entities drawn with Zipf weights, is evaluated on benchmarks and may
    report a result; papers have years and arXiv ids."""
    rng = random.Random(seed)
    sizes = {"model": 800, "dataset": 600, "benchmark": 350, "metric": 50, "repo": 500}
    known = [(f"{kind}:k{i}", kind, f"{kind.capitalize()}-{i}") for kind, n in sizes.items() for i in range(n)]
    weights = [1 / (1 + i) for n in sizes.values() for i in range(n)]
    by_kind = {kind: [entry for entry in known if entry[1] == kind] for kind in sizes}
    graph = nx.MultiDiGraph()
    mentions: Counter = Counter()
    named_by: dict[str, set] = {}
    for number in range(papers):
        paper = f"p-{number:012x}"
        own = (f"model:own{number}", "model", f"Own-{number}")
        title = f"{own[2]}: a study of things number {number}"
        year = 2015 + number % 11
        graph.add_node(paper, kind="paper", label=title, title=title, arxiv_id=f"{year % 100:02d}{number % 12 + 1:02d}.{number:05d}",
                       update_date=f"{year}-01-01")
        chosen = {entry[0]: entry for entry in rng.choices(known, weights, k=5)}
        benchmark = rng.choice(by_kind["benchmark"][:60])
        metric = rng.choice(by_kind["metric"][:10])
        for node, kind, label in [own, *chosen.values(), benchmark, metric]:
            sentence = f"We evaluate {label} in paper {number}."
            relation = {"benchmark": "evaluated_on", "metric": "reports_metric"}.get(kind, "mentions")
            if node == own[0]:
                relation = "proposes"
            graph.add_edge(paper, node, relation=relation, sentence=sentence, sentence_start=0, start=12,
                           end=12 + len(label), rule="paperkg_model:gazetteer", confidence=0.9, mention=label)
            mentions[node] += 1
            named_by.setdefault(node, set()).add(paper)
            graph.add_node(node, kind=kind, label=label, aliases=[])
        if number % 2 == 0:
            result = f"result:{paper}:0"
            graph.add_node(result, kind="result", label=f"{own[2]} score", model=own[0], benchmark=benchmark[0],
                           dataset=None, metric=metric[0], value=round(rng.uniform(10, 90), 1), unit="%")
            graph.add_edge(paper, result, relation="has_result")
    for node in named_by:
        graph.nodes[node].update(mention_count=mentions[node], paper_count=len(named_by[node]))
    return graph


@pytest.fixture(scope="module")
def big_view(browser, tmp_path_factory):
    graph = synthetic_graph(20_000)
    path = tmp_path_factory.mktemp("viewer-20k") / "graph.html"
    sink = HtmlSink(path)
    sink.write(graph)
    sink.write(entity_batch(graph), entities=True)
    sink.close()
    view = OfflinePage(browser, path)
    yield graph, view
    view.page.close()


def test_twenty_thousand_papers_legend_search_click_and_filters(big_view):
    graph, view = big_view
    counts = _entity_counts(graph)
    view.screenshot("viewer-20k-first-view.png")
    legend = view.legend_counts()
    for kind in ENTITY_TYPES:
        assert legend[kind].split()[0] == f"{counts[kind]:,}"
    assert view.js("window.paperkg.graph.order") == sum(counts[kind] for kind in ENTITY_TYPES)

    view.page.fill("#search", "Own-19999")
    view.page.press("#search", "Enter")
    assert view.js("window.paperkg.selected()") == "model:own19999"
    assert view.is_centred("model:own19999")

    benchmark = Counter(data["benchmark"] for _, data in graph.nodes(data=True) if data["kind"] == "result")
    node, results = benchmark.most_common(1)[0]
    view.js("id => window.paperkg.select(id)", node)
    assert view.is_centred(node)
    view.click_node(node)
    assert view.page.inner_text("#panel h2") == graph.nodes[node]["label"]
    assert f"Leaderboard ({results:,})" in view.page.text_content("#panel")
    rows = view.page.locator("#panel .leaderboard tbody tr")
    assert rows.count() == 20
    view.page.click("#panel .leaderboard button.more")
    assert rows.count() == 40
    assert view.page.locator("#panel .evidence").count() == 20
    view.page.click("#panel .evidence-list button.more")
    assert view.page.locator("#panel .evidence").count() == 40

    view.js("window.paperkg.select(null)")
    view.page.locator("#min-papers").fill("50")
    assert view.visible() == {n for n, d in graph.nodes(data=True) if d["kind"] in ENTITY_TYPES and d["paper_count"] >= 50}
    view.page.locator("#min-papers").fill("1")
    view.page.uncheck("#legend input[data-kind=benchmark]")
    assert not any(n.startswith("benchmark:") for n in view.visible())
    view.page.check("#legend input[data-kind=benchmark]")

    for field in ("#year-from", "#year-to"):
        view.page.fill(field, "2025")
        view.page.dispatch_event(field, "change")
    named_in_2025 = {v for u, v in graph.edges() if graph.nodes[u].get("update_date", "").startswith("2025")
                     and graph.nodes[v]["kind"] in ENTITY_TYPES}
    assert view.visible() == named_in_2025
    assert view.blocked == [] and view.dialogs == [] and view.errors == []


def test_pyvis_neighbourhood_of_an_entity(sample_graph):
    from paperkg.exports.pyvis import neighbourhood_network

    network = neighbourhood_network(sample_graph, "model:mambaout", hops=1)
    expected = {"model:mambaout", *nx.all_neighbors(sample_graph, "model:mambaout")}
    assert {node["id"] for node in network.nodes} == expected
    relations = {(u, v, d["relation"]) for u, v, d in sample_graph.subgraph(expected).edges(data=True)}
    assert {(edge["from"], edge["to"], edge["title"]) for edge in network.edges} == relations
    around = nx.ego_graph(sample_graph.to_undirected(), "model:mambaout", radius=2)
    assert len(around) > len(expected) + 2
    two_hops = neighbourhood_network(sample_graph, "model:mambaout", hops=2, max_nodes=len(expected) + 2)
    kept = {node["id"] for node in two_hops.nodes}
    assert len(kept) == len(expected) + 2 and expected < kept < set(around)  # the nearest first
    assert "cdnjs" not in network.generate_html()  # vis-network inlined: works offline
