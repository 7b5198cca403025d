"""The ``inspire`` command (``python -m inspire``, and the console script).

A command ends quickly: once it has finished, the exit handlers have run and its output is
flushed, the process leaves without the interpreter's teardown (unloading the hundreds of modules
Django and the reader bring costs about 0.3 s, measured, after every command), as Bazaar and
Instagram's Django servers did. ``app`` itself, which the tests run in-process, is not affected.
"""

import atexit
import os
import sys

_exit_code: int | None = None  # set when the command has finished
_owner = os.getpid()


def _leave() -> None:
    """The last exit handler (registered first): leave with the command's exit code. Does nothing
    in another process (a forked child keeps its parent's handlers) or before the command ended."""
    if os.getpid() == _owner and _exit_code is not None:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_exit_code)


#: commands that read files in worker processes (``core.limits.worker_server_start``)
READING_COMMANDS = ("ingest", "read")


def main() -> None:
    global _exit_code
    atexit.register(_leave)  # before the command's imports register theirs, so it runs after them
    if sys.argv[1:2] and sys.argv[1] in READING_COMMANDS:
        from inspire.core.limits import worker_server_start

        worker_server_start()
    from inspire.cli import app

    try:
        app()
    except SystemExit as exit:
        if exit.code is None or isinstance(exit.code, int):
            _exit_code = exit.code or 0
        raise


if __name__ == "__main__":  # not when a worker process imports the main module
    main()
