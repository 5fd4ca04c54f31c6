"""The built documentation site, as a person sees it, in headless Chromium.

Run by `nox -s docs` after the build (HIRELINK_DOCS_SITE names the HTML folder). The site
is served on 127.0.0.1; Debian's chromium and chromedriver drive it (installed by
.ci/install-chromium; nothing is downloaded). Every page is opened: a console error, a
link to a missing page or a missing anchor fails. Search must find ``update_candidate``
and the API entry of ``Recruitee.update_candidate`` must show its parameters.
Screenshots land in build/docs/screenshots/.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.local_servers import serving

SITE = Path(os.environ.get("HIRELINK_DOCS_SITE", "build/docs/html")).resolve()
SCREENSHOTS = SITE.parent / "screenshots"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,1000",
)
UPDATE_CANDIDATE = "hirelink.recruitee.client.Recruitee.update_candidate"
PAGES = sorted(
    path.relative_to(SITE).as_posix()
    for path in SITE.rglob("*.html")
    if "_static" not in path.parts
)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with serving(functools.partial(_QuietHandler, directory=str(SITE)), "/") as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    profile = tempfile.mkdtemp(prefix="hirelink-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@functools.cache
def _anchors(page: str) -> frozenset[str]:
    text = (SITE / page).read_text(encoding="utf-8")
    return frozenset(re.findall(r'\b(?:id|name)="([^"]+)"', text))


def _problems_of_link(page: str, href: str, base_url: str) -> str | None:
    if not href.startswith(base_url):
        return None  # another site (the theme's credits): not ours to check offline
    url, fragment = urldefrag(href)
    path = unquote(urlsplit(url).path).lstrip("/") or "index.html"
    if path.endswith("/"):
        path += "index.html"
    target = SITE / path
    if not target.is_file():
        return f"{page}: link to missing {path}"
    if fragment and path.endswith(".html") and unquote(fragment) not in _anchors(path):
        return f"{page}: link to missing anchor {path}#{fragment}"
    return None


def test_the_site_has_its_pages() -> None:
    expected = {
        "index.html",
        "getting-started.html",
        "events.html",
        "providers/recruitee.html",
        "testing.html",
        "many-workers.html",
        "errors.html",
        "cli.html",
        "catalog.html",
        "reference/recruitee.html",
        "changelog.html",
        "upgrading.html",
        "search.html",
    }
    assert expected <= set(PAGES)


def _on_this_page(page: str) -> list[str]:
    """The anchors the page's "On this page" contents link to."""
    text = (SITE / page).read_text(encoding="utf-8")
    contents = text[text.index('class="toc-tree"') : text.index("</aside>", text.index("toc-tree"))]
    return re.findall(r'href="#([^"]+)"', contents)


def test_on_this_page_lists_objects_except_the_generated_ones_where_it_lists_modules() -> None:
    assert UPDATE_CANDIDATE in _on_this_page("reference/recruitee.html")
    generated = _on_this_page("reference/api-recruitee.html")
    # Their thousands of models and fields made every page's navigation slow to build.
    assert "module-hirelink.api.recruitee.models.candidate" in generated
    assert all(anchor.startswith("module-") for anchor in generated)


def test_every_page_opens_without_errors_or_broken_links(
    browser: webdriver.Chrome, base_url: str
) -> None:
    problems: list[str] = []
    for page in PAGES:
        browser.get(base_url + page)
        if len(browser.find_elements(By.TAG_NAME, "h1")) != 1:
            problems.append(f"{page}: not one title (h1)")
        problems += [
            f"{page}: console {entry['level']}: {entry['message']}"
            for entry in browser.get_log("browser")  # type: ignore[no-untyped-call]
            if entry["level"] == "SEVERE"
        ]
        hrefs = browser.execute_script(
            "return Array.from(document.querySelectorAll('a[href]'), a => a.href)"
        )
        problems += filter(None, (_problems_of_link(page, href, base_url) for href in hrefs))
    assert not problems, "\n".join(problems)


def test_update_candidate_shows_its_parameters(browser: webdriver.Chrome, base_url: str) -> None:
    browser.get(f"{base_url}reference/recruitee.html#{UPDATE_CANDIDATE}")
    signature = browser.find_element(By.ID, UPDATE_CANDIDATE)
    text = signature.text
    for parameter in ("candidate_id", "name", "emails", "phones", "remote_cv_url"):
        assert parameter in text, text
    assert "Candidate" in text.split("→")[-1], text  # the result, not Call[...]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # "instant": the theme scrolls smoothly, which a screenshot would catch halfway.
    browser.execute_script(
        "arguments[0].scrollIntoView({behavior: 'instant', block: 'center'})", signature
    )
    assert browser.save_screenshot(str(SCREENSHOTS / "api-recruitee-update-candidate.png"))


def test_screenshot_of_the_start_page(browser: webdriver.Chrome, base_url: str) -> None:
    browser.get(base_url + "index.html")
    assert "hirelink" in browser.title
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert browser.save_screenshot(str(SCREENSHOTS / "start-page.png"))


# Last: the search page keeps fetching result pages for excerpts, which can stall the
# next navigation of the same browser.
def _search(browser: webdriver.Chrome, base_url: str, query: str) -> list[str]:
    """The links of the search page's results for ``query``, in their order."""
    browser.get(f"{base_url}search.html?q={query}")
    # Results arrive one by one; the summary says when the search has finished.
    WebDriverWait(browser, 60).until(
        lambda driver: (
            "finished"
            in " ".join(
                summary.text
                for summary in driver.find_elements(
                    By.CSS_SELECTOR, "#search-results .search-summary"
                )
            )
        )
    )
    return [
        link.get_attribute("href") or ""
        for link in browser.find_elements(By.CSS_SELECTOR, "#search-results li a")
    ]


def test_search_finds_update_candidate(browser: webdriver.Chrome, base_url: str) -> None:
    results = _search(browser, base_url, "update_candidate")
    # The hand-written clients' methods come before the generated modules of that name.
    found = [index for index, href in enumerate(results) if href.endswith("#" + UPDATE_CANDIDATE)]
    generated = [index for index, href in enumerate(results) if "/reference/api-" in href]
    assert found, "\n".join(results)
    assert generated, "\n".join(results)
    assert found[0] < generated[0], "\n".join(results)
    # Nor a generated module whose name holds the one searched (models.list_offers_kind).
    for query, wanted in (
        ("list_offers", "#hirelink.recruitee.client"),
        ("list_candidates", "client.AsyncPersonio.list_candidates"),
    ):
        results = _search(browser, base_url, query)
        assert wanted in results[0], "\n".join(results)
    # A name only the generated clients define still comes before the pages mentioning it,
    # also searched by its dotted name or beside another word.
    for query in ("AuthenticatedClient", "client.AuthenticatedClient", "AuthenticatedClient join"):
        results = _search(browser, base_url, query)
        assert "/reference/api-" in results[0], f"{query}:\n" + "\n".join(results)


def _tab_stops(browser: webdriver.Chrome, count: int) -> list[str]:
    """What the first ``count`` presses of Tab focus: each element's accessible name."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    stops = []
    for _ in range(count):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        stops.append(
            browser.execute_script(
                "const e = document.activeElement;"
                " const r = e.getBoundingClientRect();"
                " return (e.getAttribute('aria-label') || e.textContent.trim()).slice(0, 40)"
                " + (r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth ? ' [off screen]' : '');"
            )
        )
    return stops


def test_a_keyboard_opens_the_menu_on_a_phone_and_never_tabs_off_screen(
    browser: webdriver.Chrome, base_url: str
) -> None:
    """Accessibility hunt: at phone width the menu's toggle took no focus (a label of a
    hidden checkbox), and Tab went through the closed sidebar's links, off the screen."""
    browser.set_window_size(375, 800)
    try:
        browser.get(base_url + "getting-started.html")
        stops = _tab_stops(browser, 6)
        # The skip link slides into view as it takes focus, after it is measured.
        off_screen = [s for s in stops if s.endswith("[off screen]") and "Skip to" not in s]
        assert off_screen == [], stops
        assert "Toggle site navigation sidebar" in stops, stops
        browser.get(base_url + "getting-started.html")
        for _ in range(stops.index("Toggle site navigation sidebar") + 1):
            _tab_stops(browser, 1)
        toggle = browser.switch_to.active_element
        assert toggle.get_attribute("aria-expanded") == "false"
        toggle.send_keys(" ")
        assert toggle.get_attribute("aria-expanded") == "true"
        assert browser.find_element(By.ID, "__navigation").is_selected()
    finally:
        browser.set_window_size(1280, 1000)
