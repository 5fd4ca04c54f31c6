"""Starting the stand-ins from the command line."""

from __future__ import annotations

import socket
import subprocess
import sys


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
