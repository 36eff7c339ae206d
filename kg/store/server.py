"""Start or stop the embedded store of a data dir from scripts (CI, services).

    python -m kg.store.server start [--home DIR]   # detached; prints the Bolt URI
    python -m kg.store.server status [--home DIR]
    python -m kg.store.server stop [--home DIR]

``--home`` defaults to ``$KG_HOME`` (or the platform data dir). The root password is
in ``<home>/store/password`` (mode 0600) and is never printed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.errors import KgError
from kg.store.embedded import EmbeddedServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.store.server", description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("start", "stop", "status"))
    parser.add_argument("--home", type=Path, default=None, help="kg data dir (default: $KG_HOME)")
    parser.add_argument("--bolt-port", type=int, default=None, help="Bolt port (default: a free one)")
    parser.add_argument("--http-port", type=int, default=None, help="HTTP/studio port (default: a free one)")
    args = parser.parse_args(argv)
    server = EmbeddedServer(args.home)
    try:
        if args.action == "start":
            with server.locked():
                info = server.running()
                if info is None:
                    info = server.start(bolt_port=args.bolt_port, http_port=args.http_port)
            print(info.bolt_uri)
            return 0
        if args.action == "status":
            info = server.running()
            if info is None:
                print("not running", file=sys.stderr)
                return 1
            print(info.bolt_uri)
            return 0
        stopped = server.stop()
        print("stopped" if stopped else "not running", file=sys.stderr)
        return 0
    except KgError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code


if __name__ == "__main__":
    sys.exit(main())
