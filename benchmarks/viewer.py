"""The HTML viewer at scale, against the targets of issue #13, in headless Chromium (WebGL on SwiftShader).

Builds the viewer of the sample corpus (``data/``) and of a synthetic corpus of
``--papers`` abstracts (20,000 by default; :func:`throughput.make_corpus`, then
the real extraction and graph), and measures for each page:

* the HTML size (target at 20,000 papers: at most 20 MB);
* navigation to ``window.paperkg.ready`` (target: 3 s), and the longest task
  that blocked the main thread meanwhile (target: under 1 s);
* a search, from the call to the frame that shows the node centred and
  highlighted (target: 0.3 s);
* frames per second during a scripted zoom and pan (target: 30).

The sample page is the baseline measured in the same run: its times are the
fixed costs of the browser (WebGL contexts, shader compilation), so the ratio
of the two says what the graph's size costs on a machine shared with others.
Writes ``benchmarks/results/<date>-viewer.md`` and prints the same table.

Usage::

    python benchmarks/viewer.py                    # 20,000 papers: about 3 minutes on 2 cores
    python benchmarks/viewer.py --papers 2000 --screenshot docs/img/viewer.png
"""
from __future__ import annotations

import argparse
import datetime
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from throughput import make_corpus  # noqa: E402  (a sibling script, not a package)

CHROMIUM = "/usr/bin/chromium"
# No GPU here: WebGL runs on SwiftShader (--enable-unsafe-swiftshader) and --disable-gpu composites
# the page in software, which on this machine drew the sample map at 13 fps (2.4 fps composited on
# SwiftShader too) and made it ready in 0.7 s (5.1 s), under the same load.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--enable-unsafe-swiftshader",
                 "--disable-background-networking", "--disable-component-update", "--no-first-run"]
# Installed before the page's own scripts: records every task that blocked the main thread over 50 ms.
LONG_TASKS = """window.__longTasks = [];
new PerformanceObserver(list => list.getEntries().forEach(e => window.__longTasks.push(e.duration)))
  .observe({type: "longtask", buffered: true});"""
SEARCH = """async query => {
    const started = performance.now();
    window.paperkg.search(query);
    await new Promise(resolve => requestAnimationFrame(() => resolve()));
    return [performance.now() - started, window.paperkg.selected()];
}"""
ZOOM_AND_PAN = """async () => {
    const camera = window.paperkg.camera;
    window.paperkg.select(null);
    camera.setState({x: 0.5, y: 0.5, ratio: 1});
    let frames = 0, running = true;
    const tick = () => { frames++; if (running) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const started = performance.now();
    await camera.animate({ratio: 0.25}, {duration: 800});
    await camera.animate({x: 0.3, y: 0.65}, {duration: 800});
    await camera.animate({x: 0.7, y: 0.35}, {duration: 800});
    await camera.animate({x: 0.5, y: 0.5, ratio: 1}, {duration: 800});
    running = false;
    return frames / ((performance.now() - started) / 1000);
}"""


def build_page(inputs: list[Path], folder: Path) -> tuple[Path, float, int]:
    """The viewer of ``inputs`` built through the pipeline: its path, seconds of the html export, papers."""
    from paperkg import exports
    from paperkg.pipeline import run

    graph = run(inputs).graph
    started = time.perf_counter()
    [path] = exports.export(graph, folder, ["html"])["html"]
    papers = sum(1 for _, kind in graph.nodes(data="kind") if kind == "paper")
    return path, time.perf_counter() - started, papers


def measure_page(browser, path: Path, query: str, screenshot: Path | None = None) -> dict:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.add_init_script(LONG_TASKS)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    started = time.perf_counter()
    page.goto(path.as_uri())
    while not page.evaluate("window.paperkg !== undefined && window.paperkg.ready === true"):
        page.wait_for_timeout(10)
    ready = time.perf_counter() - started
    if screenshot:
        page.screenshot(path=str(screenshot))
    longest = max(page.evaluate("window.__longTasks"), default=0.0) / 1000
    fps = page.evaluate(ZOOM_AND_PAN)
    searched, selected = page.evaluate(SEARCH, query)
    centred = page.evaluate("""() => {
        const r = window.paperkg.renderer, key = window.paperkg.key(window.paperkg.selected());
        const at = r.framedGraphToViewport(r.getNodeDisplayData(key), {cameraState: r.getCamera().getState()});
        const {width, height} = r.getDimensions();
        return Math.abs(at.x - width / 2) < 2 && Math.abs(at.y - height / 2) < 2;
    }""")
    page.close()
    return {"mb": path.stat().st_size / 1e6, "ready_s": ready, "longest_task_s": longest, "fps": fps,
            "search_s": searched / 1000, "found": selected, "centred": centred,
            "requests": [url for url in requests if not url.startswith("file:")]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=20_000, help="size of the synthetic corpus")
    parser.add_argument("--query", default="Transformer", help="what the search looks for")
    parser.add_argument("--screenshot", type=Path, help="save the sample corpus's first view here")
    parser.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "results")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        sample, sample_export, sample_papers = build_page([ROOT / "data"], scratch / "sample")
        corpus = make_corpus(args.papers, scratch / "corpus.jsonl")
        started = time.perf_counter()
        big, big_export, big_papers = build_page([corpus], scratch / "big")
        print(f"built {big_papers:,} papers in {time.perf_counter() - started:.0f} s (html export {big_export:.1f} s)")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            base = measure_page(browser, sample, args.query, args.screenshot)
            scaled = measure_page(browser, big, args.query)
            browser.close()

    rows = [
        ("HTML size (MB)", base["mb"], scaled["mb"], "≤ 20", scaled["mb"] <= 20),
        ("navigation → paperkg.ready (s)", base["ready_s"], scaled["ready_s"], "≤ 3", scaled["ready_s"] <= 3),
        ("longest main-thread task while loading (s)", base["longest_task_s"], scaled["longest_task_s"], "< 1",
         scaled["longest_task_s"] < 1),
        ("search → node centred and highlighted (s)", base["search_s"], scaled["search_s"], "≤ 0.3",
         scaled["search_s"] <= 0.3 and scaled["centred"]),
        ("frames per second, scripted zoom and pan", base["fps"], scaled["fps"], "≥ 30", scaled["fps"] >= 30),
        ("html export (s)", sample_export, big_export, "", None),
    ]
    lines = [f"# Viewer benchmark, {datetime.date.today().isoformat()}", "",
             f"`python benchmarks/viewer.py --papers {args.papers}`: headless Chromium ({CHROMIUM}, WebGL on "
             "SwiftShader) at 1400×900, on a 2-core machine shared with other jobs. Baseline: the sample corpus "
             f"({sample_papers} papers) in the same run.", "",
             f"| what | sample ({sample_papers} papers) | {big_papers:,} papers | ratio | target | |",
             "|---|---|---|---|---|---|"]
    for name, baseline, value, target, passed in rows:
        ratio = f"{value / baseline:.1f}x" if baseline else ""
        verdict = "" if passed is None else "PASS" if passed else "FAIL"
        lines.append(f"| {name} | {baseline:.2f} | {value:.2f} | {ratio} | {target} | {verdict} |")
    lines += ["", f"Search for {args.query!r}: found {scaled['found']}, centred: {scaled['centred']}. "
              f"Requests other than the file itself: sample {base['requests'] or 'none'}, "
              f"{big_papers:,} papers {scaled['requests'] or 'none'}."]
    text = "\n".join(lines) + "\n"
    print(text)
    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / f"{datetime.date.today().isoformat()}-viewer.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
