"""The zero-config embedded store: started on demand, persisted, reused, stopped."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time

import psutil
import pytest

from kg.store import StoreSettings, open_store
from kg.store.embedded import EmbeddedServer

pytestmark = pytest.mark.integration


@pytest.fixture()
def kg_home(tmp_path, monkeypatch, bolt_settings):
    """A private data dir (runs under .ci/run, like the other integration tests)."""
    home = tmp_path / "kg-home"
    monkeypatch.setenv("KG_HOME", str(home))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    yield home
    EmbeddedServer(home).stop()


def test_start_on_demand_persist_and_stop(kg_home, make_graph):
    graph = make_graph(n_entities=5, n_edges=4)
    with open_store(StoreSettings.resolve()) as store:
        pid = store.server.pid
        assert psutil.pid_exists(pid)
        store.load(graph)
        first = store.stats()
    # Started by this command, so stopped at its end; files stay in the data dir.
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    root = kg_home / "store"
    assert not (root / "server.json").exists()
    assert stat.S_IMODE((root / "password").stat().st_mode) == 0o600
    assert (root / "server.log").stat().st_size > 0
    assert (root / "databases" / "kg").is_dir() and (root / "log").is_dir()
    with open_store(StoreSettings.resolve()) as store:
        assert store.server.pid != pid
        assert store.stats() == first  # persisted across commands


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM])
def test_running_server_is_reused_and_serve_stops_on_ctrl_c_or_kill(kg_home, tmp_path, stop_signal):
    env = {**os.environ, "KG_HOME": str(kg_home)}
    env.pop("NEO4J_URI", None)
    serve = subprocess.Popen([sys.executable, "-m", "kg.cli.main", "serve"], env=env, cwd=tmp_path,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        lines = []
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = serve.stdout.readline()
            if not line:
                break
            lines.append(line)
            if "Press Ctrl-C" in line:
                break
        output = "".join(lines)
        assert "Bolt URI" in output and "Studio" in output and "password" in output.lower(), output
        server = EmbeddedServer(kg_home)
        assert server.password() not in output
        info = server.running()
        assert info is not None and info.bolt_uri in output

        # Other commands reuse it (no second server) and leave it running.
        q = subprocess.run([sys.executable, "-m", "kg.cli.main", "query", "RETURN 41 + 1 AS answer", "--json"],
                           env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert q.returncode == 0, q.stderr
        assert json.loads(q.stdout) == [{"answer": 42}]
        assert server.password() not in q.stdout + q.stderr
        assert server.running() == info
        assert not (tmp_path / "log").exists()  # nothing written to the user's cwd

        serve.send_signal(stop_signal)
        assert serve.wait(timeout=60) == 0
        assert server.running() is None
        assert not psutil.pid_exists(info.pid) or psutil.Process(info.pid).status() == psutil.STATUS_ZOMBIE
    finally:
        if serve.poll() is None:
            serve.kill()
            serve.wait()


def test_server_module_for_scripts(kg_home):
    run = [sys.executable, "-m", "kg.store.server"]
    started = subprocess.run([*run, "start", "--home", str(kg_home)], capture_output=True, text=True, timeout=120)
    assert started.returncode == 0, started.stderr
    uri = started.stdout.strip()
    assert uri.startswith("bolt://127.0.0.1:")
    status = subprocess.run([*run, "status", "--home", str(kg_home)], capture_output=True, text=True, timeout=60)
    assert status.stdout.strip() == uri
    with open_store(StoreSettings(home=kg_home)) as store:
        assert store.uri == uri  # reused, not restarted
    assert EmbeddedServer(kg_home).running() is not None  # and not stopped by open_store
    stopped = subprocess.run([*run, "stop", "--home", str(kg_home)], capture_output=True, text=True, timeout=60)
    assert stopped.returncode == 0
    assert subprocess.run([*run, "status", "--home", str(kg_home)], capture_output=True, timeout=60).returncode == 1
