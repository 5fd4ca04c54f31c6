"""A child forked while another thread of the parent loads the catalog loads it itself."""

from __future__ import annotations

import os

import pytest

from hirelink.operations.registry import Catalog
from tests.forking import answer_of_forked_child, held_by_another_thread


@pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX's")
def test_a_child_forked_while_the_catalog_loads_loads_it() -> None:
    catalog = Catalog(["json"])
    # Held as by a load whose provider modules are being imported.
    with held_by_another_thread(catalog._loading):
        answer = answer_of_forked_child(lambda: f"{catalog.load().operations()}")
    assert answer == "[]"
