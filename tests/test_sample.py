"""The bundled sample is exactly what tools/make_sample.py writes from tools/sample_data/ (the generator and its data are its documentation)."""
import subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bundled_sample_is_reproducible(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT/"tools"/"make_sample.py"), "--out", str(tmp_path)],
                         capture_output=True, text=True, check=True).stdout
    assert "KorQuAD_v1.0_train.json" in out and "KorQuAD_v1.0_dev.json" in out
    for name in ("KorQuAD_v1.0_train.json", "KorQuAD_v1.0_dev.json"):
        bundled = (ROOT/"ratsqa_nb"/"data"/"korquad-v1"/name).read_bytes()
        assert (tmp_path/name).read_bytes() == bundled, f"{name} differs from tools/make_sample.py's output: regenerate it"
