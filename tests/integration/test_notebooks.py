"""Execute every notebook in notebooks/ against the CI Bolt server: a failing cell fails the test.

Notebooks are stored without outputs (checked here too) and run in a fresh kernel with
notebooks/ as the working directory.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))
CELL_TIMEOUT_S = 300


def _clear(store) -> None:
    while store.query("MATCH (n) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n", write=True)[0]["n"]:
        pass


def test_there_are_notebooks():
    assert NOTEBOOKS, "notebooks/ has no .ipynb files"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_without_outputs(path):
    nbformat = pytest.importorskip("nbformat")
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, f"{path.name}: clear outputs before committing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_executes(path, bolt_store, bolt_settings, tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    # The kernel inherits this environment: point the notebook at the CI server.
    monkeypatch.setenv("KG_TEST_BOLT_URI", bolt_settings.uri)
    monkeypatch.setenv("KG_TEST_BOLT_USER", bolt_settings.user or "root")
    monkeypatch.setenv("KG_TEST_BOLT_PASSWORD", bolt_settings.password or "")
    if bolt_settings.database:
        monkeypatch.setenv("KG_TEST_BOLT_DATABASE", bolt_settings.database)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "mpl"))
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=CELL_TIMEOUT_S, kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError as exc:
        pytest.fail(f"{path.name}: a cell failed:\n{exc}")
    finally:
        _clear(bolt_store)  # the notebook loaded its graph into the shared test database
    images = [out for cell in notebook.cells if cell.cell_type == "code" for out in cell.outputs
              if "image/png" in out.get("data", {})]
    assert images, f"{path.name}: expected the neighbourhood drawing"
