"""Take the README's screenshot of the viewer: build data/ and photograph graph.html in Chromium.

    python docs/img/screenshot.py            # writes docs/img/viewer.png

Uses Debian's Chromium (/usr/bin/chromium) through Playwright; no browser is downloaded.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

import paperkg

ROOT = Path(__file__).resolve().parents[2]
#: The entity the screenshot selects.
SELECTED = "ViT"


def main(target: Path = ROOT / "docs" / "img" / "viewer.png", settle_ms: int = 2500) -> None:
    with tempfile.TemporaryDirectory() as out:
        paperkg.build(ROOT / "data", out, formats=["html"])
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                 args=["--use-gl=swiftshader", "--enable-webgl",
                                                       "--ignore-gpu-blocklist"])
            page = browser.new_page(viewport={"width": 1400, "height": 860}, device_scale_factor=1)
            page.goto((Path(out) / "graph.html").as_uri())
            page.wait_for_selector("#loading", state="hidden")
            page.fill("#search", SELECTED)  # a well-known model, with its panel of papers and evidence
            page.press("#search", "Enter")
            page.wait_for_timeout(settle_ms)
            page.screenshot(path=str(target))
            browser.close()
    print(f"{target} ({target.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(*(Path(arg) for arg in sys.argv[1:2]))
