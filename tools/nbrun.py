"""Run the notebooks the way `nbdev_test` does, save their outputs, and check committed outputs against a fresh run.

The site, GitHub and Colab show only what a committed notebook carries, so every notebook is committed executed.

    python tools/nbrun.py                 # re-execute every notebook in nbs/ in place (what `make outputs` runs)
    python tools/nbrun.py 03_dataset      # only these notebooks (names or paths)

Running is nbdev's own machinery: execnb's `CaptureShell.run_all` in the notebook's folder with `IN_TEST=1`, the
cells `nbdev_test` would skip skipped (`#| eval: false`, export calls), every test flag included (slow cells run,
so their outputs are committed too). Saved outputs are cleaned of what changes from one machine or run to the next:
stderr (progress bars, library tips and warnings), execution counts, temporary folders and memory addresses.
`nbdev_clean` then strips metadata and keeps the outputs (`clear_all = False`).

`compare_outputs(committed, executed)` is what the test run (tests/test_notebooks.py) uses: every code cell that
shows output in the run must show output of the same kinds (text, HTML table, image, ...) in the commit, with the
same text, except in cells whose first lines hold a comment `# varies: <why>` (numbers from a training run, which
follow the CPU's floating-point order, and timings). Images are compared by kind only. Notebooks that train their own
tiny vocabulary (`build_tiny_tokenizer`: tokenizers' WordPiece trainer is not deterministic) are compared by kind only.
"""
from __future__ import annotations
import argparse, os, re, subprocess, sys, time, traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NBS = ROOT/"nbs"
VARIES = re.compile(r"^\s*#\s*varies:", re.M)
_VOLATILE = [ # (pattern, replacement): text that differs between machines and runs, not between versions of the code
    (re.compile(r"/tmp/[\w.\-]+(?:/[\w.\-]+)*"), "/tmp/..."), (re.compile(r"/var/folders/[\w.\-/]+"), "/tmp/..."),
    (re.compile(r"\b0x[0-9a-fA-F]{6,}\b"), "0x..."), (re.compile(r"\x1b\[[0-9;]*[A-Za-z]"), ""),
]

def notebooks(names=None)->list[Path]:
    "Every notebook under nbs/ (folders starting with `.` or `_` left out), or the named ones"
    allnb = sorted(p for p in NBS.rglob("*.ipynb") if not any(part.startswith((".", "_")) for part in p.relative_to(NBS).parts))
    if not names: return allnb
    pick = [p for p in allnb if any(n in (p.stem, p.name, str(p.relative_to(NBS)), str(p)) for n in names)]
    missing = [n for n in names if not any(n in (p.stem, p.name, str(p.relative_to(NBS)), str(p)) for p in pick)]
    if missing: sys.exit(f"nbrun: no notebook named {missing} under {NBS}")
    return pick

def scrub(text:str)->str:
    "`text` with temporary folders, memory addresses and terminal colour codes made machine-independent"
    for pat, rep in _VOLATILE: text = pat.sub(rep, text)
    return text

def _text(x)->str: return "".join(x) if isinstance(x, list) else str(x)

def clean_outputs(nb):
    "Keep what a reader should see: no stderr, no execution counts, volatile text scrubbed (in place)"
    for c in nb.cells:
        if c.cell_type != "code": continue
        c.execution_count = None
        outs = []
        for o in c.get("outputs", []):
            if o.get("output_type") == "stream":
                if o.get("name") == "stderr": continue
                o["text"] = scrub(_text(o["text"]))
            elif "data" in o:
                o.pop("execution_count", None)
                if o.get("output_type") == "execute_result": o["execution_count"] = None
                for k in list(o["data"]):
                    if k.startswith("text/"): o["data"][k] = scrub(_text(o["data"][k]))
            outs.append(o)
        c.outputs = outs
    return nb

def run_nb(path, # notebook to execute
           skip_flags=(), # test flags whose cells are skipped (none: slow cells run too)
          )->tuple: # (ok, seconds, traceback text or "", the executed notebook with cleaned outputs)
    "Execute `path` as `nbdev_test` does and return it with its outputs"
    from execnb.nbio import read_nb
    from execnb.shell import CaptureShell
    from fastcore.xtras import working_directory
    from nbdev.process import extract_directives
    path, start = Path(path), time.time()
    os.environ["IN_TEST"] = "1"
    if str(ROOT) not in sys.path: sys.path.insert(0, str(ROOT))
    nb = read_nb(path)
    direcs = {id(c): extract_directives(c, remove=False) for c in nb.cells if c.cell_type == "code"}
    flags = set(skip_flags)
    def _no_eval(cell): # the cells nbdev_test skips
        if cell.cell_type != "code": return True
        if "nbdev_export" + "(" in cell.source: return True
        d = direcs.get(id(cell), {})
        if d.get("eval:", [""])[0].lower() == "false": return True
        return bool(flags & d.keys())
    k = CaptureShell(path)
    try:
        with working_directory(path.parent): k.run_all(nb, exc_stop=True, preproc=_no_eval)
    except BaseException:
        try: tb = k.prettytb(fname=path)
        except Exception: tb = traceback.format_exc()
        return False, time.time() - start, scrub(tb), nb
    return True, time.time() - start, "", clean_outputs(nb)

def _kinds(cell)->list:
    "What a cell shows, in order: 'stdout', 'error', or the richest mime type of each display"
    out = []
    for o in cell.get("outputs", []):
        t = o.get("output_type")
        if t == "stream":
            if o.get("name") != "stderr": out.append("stdout")
        elif t == "error": out.append("error")
        else:
            data = o.get("data", {})
            out.append(next((m for m in ("image/png", "image/svg+xml", "text/html", "text/markdown", "text/latex") if m in data), "text/plain"))
    return out

def _texts(cell)->list:
    "The text of each output (stdout, or the plain and HTML text of a display), scrubbed; images left out"
    res = []
    for o in cell.get("outputs", []):
        if o.get("output_type") == "stream" and o.get("name") != "stderr": res.append(scrub(_text(o["text"])))
        elif "data" in o: res.append({k: scrub(_text(v)) for k, v in o["data"].items() if k.startswith("text/")})
    return res

def compare_outputs(committed, # the notebook as committed (execnb `read_nb` or a dict)
                    executed, # the same notebook after `run_nb`
                   )->list: # one line per problem; empty when the committed outputs are current
    "Problems with the committed outputs of a notebook, measured against a fresh run"
    code = lambda nb: [c for c in nb["cells"] if c["cell_type"] == "code"]
    old, new = code(committed), code(executed)
    if len(old) != len(new): return [f"{len(old)} code cells committed, {len(new)} executed"]
    # A notebook that trains its own tiny vocabulary (`build_tiny_tokenizer`) gets a slightly different one on every
    # run (tokenizers' WordPiece trainer is not deterministic, even on one thread), and every number built on it moves:
    # such notebooks are checked for output kinds only, until their examples use the fixed bundled vocabulary.
    texts_too = not any("build_tiny_tokenizer(" in _text(c["source"]) for c in new)
    problems = []
    for i, (a, b) in enumerate(zip(old, new)):
        src = _text(b["source"]); first = src.strip().splitlines()[0][:70] if src.strip() else ""
        where = f"code cell {i} ({first!r})"
        ka, kb = _kinds(a), _kinds(b)
        if kb and not ka: problems.append(f"{where}: shows {kb} when run but has no output committed"); continue
        if ka != kb: problems.append(f"{where}: committed output kinds {ka}, a fresh run gives {kb}"); continue
        if not texts_too or VARIES.search("\n".join(src.splitlines()[:3])): continue
        if _texts(a) != _texts(b): problems.append(f"{where}: committed text differs from a fresh run (mark the cell '# varies: why' if it must)")
    return problems

def _write_one(path:str)->tuple:
    from execnb.nbio import write_nb
    ok, secs, tb, nb = run_nb(path)
    if ok: write_nb(nb, path)
    return path, ok, secs, tb

def main(argv=None):
    p = argparse.ArgumentParser(description="Re-execute notebooks in place and save their outputs (then nbdev_clean)")
    p.add_argument("names", nargs="*", help="notebook names (e.g. 03_dataset); default: all under nbs/")
    p.add_argument("--workers", type=int, default=2, help="notebooks run at once, each in its own process")
    a = p.parse_args(argv)
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context
    paths = [str(x) for x in notebooks(a.names)]
    failed = []
    sys.path.insert(0, str(ROOT/"tools"))
    import nbrun # workers unpickle `nbrun._write_one`; IPython replaces a worker's `__main__`, so not this script's
    # one fresh process per notebook, as nbdev_test's workers: notebooks never share state
    with ProcessPoolExecutor(max_workers=max(1, a.workers), mp_context=get_context("spawn"), max_tasks_per_child=1) as pool:
        for path, ok, secs, tb in pool.map(nbrun._write_one, paths):
            print(f"{'ok  ' if ok else 'FAIL'} {Path(path).relative_to(ROOT)} ({secs:.0f} s)", flush=True)
            if not ok: failed.append(path); print(tb, file=sys.stderr)
    subprocess.run([str(Path(sys.executable).parent/"nbdev_clean")], cwd=ROOT, check=True)
    if failed: sys.exit(f"nbrun: {len(failed)} notebook(s) failed and were left as they were: {failed}")

if __name__ == "__main__": main()
