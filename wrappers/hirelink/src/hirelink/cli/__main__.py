"""``python -m hirelink.cli``: the ``hirelink`` command where its script is not on PATH
(Windows' Scripts folder often is not). Not ``python -m hirelink``: ``hirelink`` is a
namespace that several distributions share, and none of them may own its ``__main__``."""

from hirelink.cli.main import app

if __name__ == "__main__":
    app()
