"""Run every notebook under nbs/ the way `nbdev_test` does (tools/nbrun.py, nbdev's execnb machinery): one pytest
item per notebook. Cells flagged with a `tst_flags` flag (e.g. `#| slow`) run here too; `#| eval: false` cells never run.

The same run checks the committed outputs (the site, GitHub and Colab show only those): every cell that shows output
now must show output of the same kinds in the commit, with the same text unless the cell says `# varies: <why>`.
`make outputs` re-executes the notebooks and saves fresh outputs. `RATSQA_COMPARE_OUTPUTS=0` runs without the comparison
(CI's run on the lowest supported versions, where library reprs may differ).
"""
import os, sys
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT/"tools"))
from nbrun import compare_outputs, notebooks, run_nb

NBS = notebooks()

@pytest.mark.parametrize("nb", NBS, ids=[str(p.relative_to(ROOT/"nbs")) for p in NBS])
def test_notebook(nb):
    from execnb.nbio import read_nb
    ok, secs, tb, executed = run_nb(nb, skip_flags=[])
    assert ok, f"{nb.name} failed:\n{tb}"
    if os.environ.get("RATSQA_COMPARE_OUTPUTS") == "0": return # the lowest-versions run: outputs are checked on the newest
    problems = compare_outputs(read_nb(nb), executed)
    assert not problems, f"{nb.name}: committed outputs are stale (run `make outputs`):\n" + "\n".join(problems[:20])
