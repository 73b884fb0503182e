"""The OpenMP spin default that keeps CPU training from stalling beside another busy process (ratsqa_nb/__init__.py)."""
import os, subprocess, sys

CODE = "import ratsqa_nb, torch, os; print(os.environ.get('GOMP_SPINCOUNT'), ratsqa_nb.OMP_SPIN_APPLIED)"


def _run(env_extra):
    env = {k: v for k, v in os.environ.items() if k not in ("GOMP_SPINCOUNT", "OMP_WAIT_POLICY")}
    return subprocess.run([sys.executable, "-c", CODE], env={**env, **env_extra}, capture_output=True, text=True, timeout=120).stdout.split()


def test_spin_default_set_before_torch():
    assert _run({}) == ["10000", "True"]


def test_user_settings_kept():
    assert _run({"GOMP_SPINCOUNT": "5"}) == ["5", "False"]
    assert _run({"OMP_WAIT_POLICY": "ACTIVE"}) == ["None", "False"]
