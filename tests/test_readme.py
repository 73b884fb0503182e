"""README.md must be what nbs/index.ipynb renders to, and must show the two fresh-machine commands."""
import subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT/"tools"))
from sync_readme import render

def test_readme_in_sync_with_index():
    assert (ROOT/"README.md").read_text(encoding="utf-8") == render(), "run: python tools/sync_readme.py"

def test_readme_shows_the_two_commands():
    text = (ROOT/"README.md").read_text(encoding="utf-8")
    assert "make demo" in text and "make test" in text and "torch==2.13.0" in text
    make = (ROOT/"Makefile").read_text()
    assert "torch==2.13.0" in make and "\ndemo:" in make and "\ntest:" in make
