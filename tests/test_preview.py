"""The offline docs preview (tools/preview.py): nbdev's docs processing + nbconvert, no Quarto.

The preview is built once, without executing the notebooks, into a temporary folder. Every notebook must get a page
with its title, its prose and its code, `index.html` must link every page in reading order, and nbdev's own docs
processing (what `nbdev_docs` runs before Quarto) must succeed on every notebook. Where chromium is installed the
pages are also loaded in headless chromium; screenshots land in test-artifacts/preview/. The committed outputs and plots of the
dataset, evaluation and training pages must reach them without executing anything, and nbdev's processing must
neither replace a committed output with one made at build time nor print anything to stderr. One more test executes a
single cheap notebook with `--execute` and checks that its outputs reach the page.
"""
import html, json, os, re, shutil, subprocess, sys, tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
NBS = ROOT/"nbs"
TOOL = ROOT/"tools"/"preview.py"
ARTIFACTS = ROOT/"test-artifacts"/"preview"
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
NB_FILES = sorted(p for p in NBS.rglob("*.ipynb")
                  if not any(part.startswith((".", "_")) for part in p.relative_to(NBS).parts))
NB_IDS = [p.relative_to(NBS).as_posix() for p in NB_FILES]

def _build(dest:Path, *args, timeout=900):
    "Run tools/preview.py into `dest`; returns (CompletedProcess, summary dict)"
    cmd = [sys.executable, str(TOOL), "--out", str(dest/"html"), "--proc-dir", str(dest/"proc"), *args]
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    summary = dest/"html"/"summary.json"
    assert summary.exists(), f"preview build failed (rc {r.returncode}):\n{r.stdout[-4000:]}\n{r.stderr[-4000:]}"
    return r, json.loads(summary.read_text(encoding="utf-8"))

@pytest.fixture(scope="module")
def preview():
    d = Path(tempfile.mkdtemp(prefix="preview-test-"))
    r, s = _build(d)
    yield dict(dir=d/"html", summary=s, log=r.stdout + r.stderr, rc=r.returncode)
    shutil.rmtree(d, ignore_errors=True)

def _cells(nb): return json.loads(nb.read_text(encoding="utf-8"))["cells"]
def _src(c): return "".join(c["source"]) if isinstance(c["source"], list) else c["source"]

def _title(nb:Path) -> str:
    for c in _cells(nb):
        m = c["cell_type"] == "markdown" and re.search(r"^#\s+(.+?)\s*$", _src(c), re.M)
        if m: return m.group(1).strip()
    return nb.stem

def _prose(nb:Path) -> str|None:
    "A plain-text run from the notebook's prose (not the title, not the Colab badge)"
    for c in _cells(nb):
        if c["cell_type"] != "markdown": continue
        for line in _src(c).splitlines():
            if line.startswith(("#", ">", "[![", "<", "|")): continue
            m = re.search(r"[가-힣A-Za-z0-9][가-힣A-Za-z0-9 ,.]{14,}", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line))
            if m: return m.group(0).strip()
    return None

_HIDDEN = ("hide", "export", "exporti", "default_exp", "echo: false", "include: false")
def _code_line(nb:Path) -> str|None:
    "The first line of the first code cell that the docs show as code"
    for c in _cells(nb):
        if c["cell_type"] != "code": continue
        lines = _src(c).splitlines()
        direcs = [l[2:].strip() for l in lines if l.startswith("#|")]
        if any(d.startswith(h) for d in direcs for h in _HIDDEN): continue
        body = [l.strip() for l in lines if l.strip() and not l.startswith("#|")]
        if body and len(body[0]) > 6: return body[0]
    return None

def _text(page_html:str) -> str:
    "Visible text of a page: tags dropped, entities decoded, whitespace collapsed"
    t = re.sub(r"<(script|style)\b.*?</\1>", " ", page_html, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", t)))

def _page(preview, nb:Path) -> Path: return preview["dir"]/nb.relative_to(NBS).with_suffix(".html")

@pytest.mark.parametrize("nb", NB_FILES, ids=NB_IDS)
def test_page_has_title_prose_and_code(preview, nb):
    page = _page(preview, nb)
    assert page.exists(), f"no page for {nb.name}; build log:\n{preview['log'][-3000:]}"
    h = page.read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in h
    title = _title(nb)
    m = re.search(r'<h1 class="title">(.*?)</h1>', h, re.S)
    assert m and html.unescape(m.group(1)).strip() == title, f"page title {m and m.group(1)!r} != {title!r}"
    assert f"<title>{html.escape(title)}" in h
    text = _text(h)
    prose = _prose(nb)
    if prose: assert prose in text, f"prose {prose!r} missing from {page.name}"
    line = _code_line(nb)
    if line:
        assert 'class="highlight' in h, f"no highlighted code block in {page.name}"
        assert re.sub(r"\s+", " ", line) in text, f"code line {line!r} missing from {page.name}"
    assert 'href="' in h and "index.html" in h, "no link back to the index"

def test_index_links_every_page_in_reading_order(preview):
    h = (preview["dir"]/"index.html").read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in h
    side = re.search(r'<nav class="sidebar".*?</nav>', h, re.S).group(0)
    hrefs = re.findall(r'<li><a[^>]*href="([^"]+)"', side)
    want = [p.relative_to(NBS).with_suffix(".html").as_posix() for p in NB_FILES]
    assert sorted(hrefs) == sorted(want), (hrefs, want)
    chapters = [x for x in hrefs if re.match(r"\d\d_", x)]
    assert chapters == sorted(chapters), f"chapters out of order: {chapters}"
    pos = {x: i for i, x in enumerate(hrefs)}
    if "index.html" in pos: assert pos["index.html"] == 0
    for t in (x for x in hrefs if x.startswith("tutorials/")):
        assert all(pos[t] > pos[c] for c in chapters), f"{t} should come after the chapters"
    for nb in NB_FILES:
        if nb.name != "index.ipynb": assert html.escape(_title(nb)) in side
    sub = preview["dir"]/"tutorials"/"train_colab.html"
    if sub.exists(): assert 'href="../index.html"' in sub.read_text(encoding="utf-8")

def test_doc_links_point_at_local_pages(preview):
    "nbdev's doc links (https://<user>.github.io/<repo>/settings.html#...) are rewritten to the preview's pages"
    from nbdev.config import get_config
    cfg = get_config(path=ROOT)
    site = cfg.doc_host + cfg.doc_baseurl
    for page in preview["dir"].rglob("*.html"):
        assert f'href="{site}' not in page.read_text(encoding="utf-8"), f"{page.name} still links to {site}"

def test_nbdev_docs_processing_succeeds(preview):
    """nbdev's docs processing (what nbdev_docs runs before Quarto) must not fail on any notebook. It runs exported
    cells, show_doc cells and every cell that contains an import; a cell that mixes imports with other code (e.g.
    `import tempfile` + test code using earlier variables) then runs on its own and fails. Put such imports in a
    cell of their own."""
    failed = preview["summary"]["proc_failed"]
    assert not failed, "nbdev docs processing fails (nbdev_docs would stop) in:\n\n" + "\n\n".join(
        f"== {nb}\n{msg[:1500]}" for nb, msg in failed.items())

def test_docs_processing_keeps_committed_outputs_and_prints_nothing(preview):
    """While building docs nbdev re-runs exported cells and every cell that contains an import, and the page gets the
    outputs of that run instead of the committed ones: progress bars, log lines stamped with the build time, temporary
    paths. A cell that mixes imports with other code is such a cell (nbdev warns "Found cells containing imports and
    other code"). Every page must keep its committed outputs, and the processing must print nothing to stderr."""
    changed, stderr = preview["summary"]["proc_changed"], preview["summary"]["proc_stderr"]
    assert not changed, "nbdev's docs processing re-ran cells and got other outputs than the committed ones (split the " \
        "imports into cells of their own):\n\n" + "\n\n".join(f"== {nb}\n" + "\n".join(c)[:2000] for nb, c in changed.items())
    assert not stderr, "nbdev's docs processing wrote to stderr:\n\n" + "\n\n".join(f"== {nb}\n{e[:2000]}" for nb, e in stderr.items())

def test_tutorial_shows_the_install_command(preview):
    "nbdev drops `%` magic lines from pages; the Colab-only install line must stay visible (a `!pip` line is kept)"
    page = preview["dir"]/"tutorials"/"train_colab.html"
    text = _text(page.read_text(encoding="utf-8"))
    assert re.search(r'if "google.colab" in sys.modules:.*pip install -q "ratsqa_nb\[dev\] @ git\+https://github.com/', text), \
        "the tutorial's install cell shows no pip install line"

def test_site_css_and_badge_filter():
    "Plots fit the text column, table cells keep Korean words whole, the Colab badge is not turned into a figure"
    css = (NBS/"styles.css").read_text(encoding="utf-8")
    assert re.search(r"\.cell-output[^{]*img[^{]*\{[^}]*max-width:\s*100%;[^}]*height:\s*auto", css)
    assert re.search(r"table\s*\{[^}]*word-break:\s*keep-all", css)
    quarto = (NBS/"_quarto.yml").read_text(encoding="utf-8")
    assert "filters: [colab_badge.lua]" in quarto and (NBS/"colab_badge.lua").exists()

@pytest.mark.skipif(not shutil.which("quarto"), reason="Quarto is not on PATH")
def test_badge_filter_in_quarto(tmp_path):
    "With the real Quarto: the badge renders inline with its alt text, an ordinary image figure keeps its caption"
    shutil.copy2(NBS/"colab_badge.lua", tmp_path)
    (tmp_path/"t.md").write_text("---\ntitle: t\nfilters: [colab_badge.lua]\n---\n\n"
        "[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)](https://colab.research.google.com/x.ipynb)\n\n"
        "![a real figure](p.png)\n", encoding="utf-8")
    r = subprocess.run(["quarto", "render", "t.md", "--to", "html", "--quiet"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    h = (tmp_path/"t.html").read_text(encoding="utf-8")
    badge = re.search(r"<p><a [^>]*><img [^>]*colab-badge.svg[^>]*></a></p>", h)
    assert badge and 'alt="Open In Colab"' in badge.group(0), h[h.find("colab-badge")-300:h.find("colab-badge")+200]
    assert h.count("<figcaption") == 1 and "a real figure</figcaption>" in h

def _chromium(url:str, ud:Path, *extra, timeout=90) -> subprocess.CompletedProcess:
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
           f"--user-data-dir={ud}", *extra, url]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)

def test_pages_in_headless_chromium(preview):
    if not CHROMIUM: pytest.skip("chromium is not installed")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pages = [(nb, _page(preview, nb)) for nb in NB_FILES]
    tmp = Path(tempfile.mkdtemp(prefix="preview-chromium-"))
    def dump(i_nb):
        i, (nb, page) = i_nb
        return nb, _chromium(page.as_uri(), tmp/f"ud{i}", "--dump-dom")
    try:
        with ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1))) as ex:
            for nb, r in ex.map(dump, enumerate(pages)):
                dom = r.stdout
                assert "<html" in dom, f"chromium printed no DOM for {nb.name}: {r.stderr[-1500:]}"
                m = re.search(r'<h1 class="title">(.*?)</h1>', dom, re.S)
                assert m and html.unescape(m.group(1)).strip() == _title(nb), f"{nb.name}: title not in the DOM"
                if _code_line(nb): assert 'class="highlight' in dom, f"{nb.name}: no code block in the DOM"
                if nb.stem in SHOWCASE: assert "<img" in dom and "output_subarea" in dom, f"{nb.name}: no outputs or plots in the DOM"
        chapter = next((p for p in pages if p[0].name.startswith("03_")), pages[-1])[1]
        for name, page in (("index.png", preview["dir"]/"index.html"), (f"{chapter.stem}.png", chapter)):
            shot = ARTIFACTS/name
            shot.unlink(missing_ok=True)
            r = _chromium(page.as_uri(), tmp/"shots", f"--screenshot={shot}", "--window-size=1200,900")
            assert shot.exists() and shot.stat().st_size > 10_000, f"no screenshot of {page.name}: {r.stderr[-1500:]}"
    finally: shutil.rmtree(tmp, ignore_errors=True)

SHOWCASE = ("03_dataset", "06_postprocess", "08_training") # the dataset, evaluation and training pages

def _executed_outputs(h:str)->list:
    "Output areas of a page other than show_doc's markdown (which exists without executing anything)"
    return [o for o in re.findall(r'<div class="([^"]*output_subarea[^"]*)"', h) if "output_markdown" not in o]

def test_committed_outputs_and_plots_reach_the_pages(preview):
    "Without executing anything the preview shows the committed outputs, as the real site does: text, tables and plots"
    for stem in SHOWCASE:
        h = (preview["dir"]/f"{stem}.html").read_text(encoding="utf-8")
        assert len(_executed_outputs(h)) >= 5, f"{stem}.html shows {len(_executed_outputs(h))} outputs: are the notebooks committed executed?"
        assert re.search(r'<img[^>]+src="data:image/png;base64,', h), f"{stem}.html shows no plot"
    assert not preview["summary"]["executed"], "the default preview must not execute notebooks"

def test_execute_puts_outputs_on_the_page(tmp_path):
    "`--execute` runs the notebook (like nbdev_test) before processing, so its outputs reach the page"
    r, s = _build(tmp_path, "--only", "05_metric", "--execute")
    assert s["executed"] == ["05_metric.ipynb"], r.stdout + r.stderr
    assert not s["exec_failed"], s["exec_failed"]
    h = (tmp_path/"html"/"05_metric.html").read_text(encoding="utf-8")
    outs = re.findall(r'<div class="([^"]*output_subarea[^"]*)"', h)
    executed = [o for o in outs if "output_markdown" not in o] # show_doc's (markdown) output exists without executing
    assert executed, "no output from executing 05_metric on its page"
    assert (tmp_path/"html"/"index.html").exists()
