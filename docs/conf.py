"""Sphinx configuration of the hirelink documentation site (built by `nox -s docs`)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "hirelink"
author = "hirelink maintainers"
copyright = "2026, hirelink maintainers"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "hirelink_docs",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_ext", "_templates"]

# Strict: every unresolved reference is a warning, and `nox -s docs` turns warnings into
# errors. Only third-party names (no intersphinx: the build runs offline) are let through.
nitpicky = True
nitpick_ignore_regex = [
    (
        r"py:.*",
        r"(httpx|attrs|attr|typing|typing_extensions|collections|pydantic|starlette|"
        r"uvicorn|click|typer|rich|redis|datetime|pathlib|enum|types|contextlib|logging|"
        r"asyncio|anyio|concurrent|io|os|re|abc|builtins|_io|threading|"
        r"defusedxml|json|email|collections\.abc|dateutil|decimal|uuid|"
        r"annotated_types|http|ssl|socket|functools|inspect|weakref|signal|subprocess)(\..*)?",
    ),
    (
        r"py:.*",
        r"(Any|Self|T|P|R|K|V|TypeVar|ParamSpec|Unpack|Callable|Mapping|Sequence|"
        r"Iterable|Iterator|AsyncIterator|Generator|AsyncGenerator|Awaitable|Literal|NoneType|Ellipsis|\.\.\.)",
    ),
    # pydantic's type variable, in the signature generated RootModel subclasses inherit.
    (r"py:class", r"RootModelRootType"),
]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_default_options = {"members": True, "undoc-members": True, "show-inheritance": True}
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_typehints_format = "short"
python_use_unqualified_type_names = True
autodoc_preserve_defaults = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True

html_theme = "furo"
html_title = "hirelink"
html_static_path = ["_static"]
templates_path = ["_templates"]  # search.html: the theme's search page with a title
html_search_scorer = str(Path(__file__).parent / "_templates" / "search_scorer.js")
# Keyboard and screen-reader access to the theme's navigation (see _static/a11y.js).
html_js_files = ["a11y.js"]
html_css_files = ["a11y.css"]
html_favicon = "_static/favicon.svg"
html_show_sourcelink = False
html_copy_source = False
