"""Starting the stand-ins from the command line."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest


def test_the_module_command_names_a_port_in_use() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        done = subprocess.run(  # noqa: S603 - this interpreter, the sandbox module
            [sys.executable, "-m", "hirelink.sandbox", "serve", "--port", str(busy)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 2
    assert f"error: cannot listen on {busy}:" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("port", ["65534", "-3"])
def test_the_module_command_refuses_a_port_out_of_range(port: str) -> None:
    done = subprocess.run(  # noqa: S603 - this interpreter, the sandbox module
        [sys.executable, "-m", "hirelink.sandbox", "serve", "--port", port],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "--port" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_module_command_stops_quietly_when_nobody_reads_it() -> None:
    serving = subprocess.Popen(
        [sys.executable, "-m", "hirelink.sandbox", "serve", "--candidates", "3"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert serving.stdout is not None
    serving.stdout.close()  # the reader leaves before the description is written
    _, errors = serving.communicate(timeout=60)
    assert serving.returncode == 0
    assert "Traceback" not in errors
