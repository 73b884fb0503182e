"""Shared helpers of the script smoke tests."""
import subprocess, sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def run_script():
    "Run a repository script with this Python; fail with its output tails unless it exits 0; return its stdout"
    def run(args, timeout=300):
        r = subprocess.run([sys.executable, *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=timeout)
        assert r.returncode == 0, f"{args[0]} exited {r.returncode}\nstdout:\n{r.stdout[-3000:]}\nstderr:\n{r.stderr[-3000:]}"
        return r.stdout
    return run
