"""The docs' tests run in their own nox sessions, not in `nox -s tests`.

`nox -s examples` runs tests/docs/examples (every code block and example script against
the sandbox); `nox -s docs` runs tests/docs/browser after building the site. Each sets
the variable below; without it these tests are not collected.
"""

import os

collect_ignore_glob = []
if not os.environ.get("HIRELINK_DOCS_EXAMPLES"):
    collect_ignore_glob.append("examples/*")
if not os.environ.get("HIRELINK_DOCS_SITE"):
    collect_ignore_glob.append("browser/*")
