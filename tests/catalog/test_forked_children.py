"""A child forked while another thread of the parent loads the catalog loads it itself."""

from __future__ import annotations

import os
import threading

import pytest

from hirelink.operations.registry import Catalog
from tests.forking import CHILD_TIMEOUT, answer_of_forked_child


@pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX's")
def test_a_child_forked_while_the_catalog_loads_loads_it() -> None:
    catalog = Catalog(["json"])
    loading, finish = threading.Event(), threading.Event()

    def load_slowly() -> None:
        with catalog._loading:  # as a load whose provider modules are being imported
            loading.set()
            finish.wait(CHILD_TIMEOUT)

    other_thread = threading.Thread(target=load_slowly)
    other_thread.start()
    try:
        assert loading.wait(CHILD_TIMEOUT)
        answer = answer_of_forked_child(lambda: f"{catalog.load().operations()}")
    finally:
        finish.set()
        other_thread.join(CHILD_TIMEOUT)
    assert answer == "[]"
