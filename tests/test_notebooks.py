"""Run every notebook under nbs/ through nbdev's own `test_nb`: one pytest item per notebook.

Cells flagged with a `tst_flags` flag (e.g. `#| slow`) run here too; `#| eval: false` cells never run.
"""
from pathlib import Path
import pytest
from nbdev.test import test_nb as run_nb # renamed so pytest does not collect it

ROOT = Path(__file__).resolve().parents[1]
NBS = sorted(p for p in (ROOT / "nbs").rglob("*.ipynb")
             if not any(part.startswith((".", "_")) for part in p.relative_to(ROOT / "nbs").parts))

@pytest.mark.parametrize("nb", NBS, ids=[str(p.relative_to(ROOT / "nbs")) for p in NBS])
def test_notebook(nb):
    ok, secs = run_nb(nb, skip_flags=[], basepath=ROOT)
    assert ok, f"{nb.name} failed (see the traceback above)"
