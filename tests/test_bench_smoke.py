"""Smoke test of the preprocessing benchmarks in bench/: they run end to end on small sizes and print their summaries.

Targets (speed-up over ratsnlp, per-question time spread) are not judged here, and ratsnlp is not installed:
run `python bench/preprocess.py` and `python bench/scale.py` for the real figures.
"""


def test_bench_smoke(tmp_path, run_script):
    work = tmp_path/"bench"  # shared, so the tiny vocabulary is trained once
    out = run_script(["bench/preprocess.py", "--questions", "2000", "--subset", "1000", "--repeats", "1",
                      "--skip-ratsnlp", "--no-targets", "--workdir", str(work)])
    for line in ("SUMMARY preprocess benchmark", "ratsqa_nb QADataset (full)", "FLOOR dev-sized", "answer_coverage", "RESULT:"):
        assert line in out, f"{line!r} missing from preprocess.py's output:\n{out}"
    assert "missing': 0" in out  # every generated answer lies in some window

    out = run_script(["bench/scale.py", "--sizes", "500,1000", "--repeats", "1", "--no-targets", "--workdir", str(work)])
    for line in ("SUMMARY scale benchmark", "PER-QUESTION TIME spread", "PEAK MEMORY", "RESULT:"):
        assert line in out, f"{line!r} missing from scale.py's output:\n{out}"
    rows = [l.split() for l in out.splitlines() if l.strip().startswith(("500 ", "1,000 "))]
    assert len(rows) == 2 and all(float(r[6]) > 0 for r in rows), out  # peak RSS column filled

    out = run_script(["bench/families.py", "--questions", "500", "--repeats", "1", "--no-targets"])
    for name in ("WordPiece (bert, electra, roberta)", "Unigram (xlm-roberta)", "Unigram (deberta-v2)"):
        assert name in out and "ratio" in out, f"{name!r} missing from families.py's output:\n{out}"
