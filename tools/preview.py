"""Offline preview of the nbdev docs site, for machines without Quarto (where `nbdev_docs` cannot run).

1. (`--execute` only) every notebook in `nbs/` is run top to bottom the way `nbdev_test` runs it (execnb's
   `CaptureShell`, working directory = the notebook's folder, `IN_TEST=1`, cells marked `#| eval: false` skipped)
   and saved with its outputs to a scratch copy. A notebook that fails is reported and rendered without outputs.
2. nbdev's own docs processing (`FilterDefaults`, the processors `nbdev_proc_nbs`/`nbdev_docs` run: frontmatter,
   `show_doc`, hidden/exported cells, doc links, ...) writes the processed notebooks to `_proc/` (`--proc-dir`).
   It is the per-file step of `nbdev.serve.proc_nbs` (`nbdev.serve_drv.main`), called directly so that it needs
   no Quarto and does not rewrite `nbs/sidebar.yml`, `nbs/_quarto.yml` or `ratsqa_nb/_modidx.py`.
3. Every processed page is rendered to HTML with nbconvert (Quarto directives such as `#| echo: false` are
   honoured) into `_preview/` (`--out`), `03_dataset.ipynb` -> `03_dataset.html`, `index.ipynb` -> `index.html`,
   each page with a sidebar in reading order (from `nbs/sidebar.yml`), a link back to the index, prev/next links,
   and doc links (`https://<user>.github.io/<repo>/dataset.html#...`) pointing at the local pages.

    python tools/preview.py                      # pages as committed, with their committed outputs: what the site shows
    python tools/preview.py --execute            # run the notebooks first (fresh outputs, not what the site shows)
    python tools/preview.py --only 00_settings --execute --out /tmp/p/html --proc-dir /tmp/p/proc

Exit status 1 when nbdev's processing fails on a notebook (`nbdev_docs` would fail the same way; the page is
still rendered, with the failing cells listed on it), when it re-runs a cell (exported, or containing an import) whose
outputs then differ from the committed ones (the site would show output made at build time), when it writes anything
to stderr (e.g. nbdev's "Found cells containing imports and other code"), or, with `--strict`, when a notebook fails
to execute.
"""
from __future__ import annotations
import argparse, html, json, os, re, shutil, sys, tempfile, time, traceback, warnings
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]
MARKER = ".nbdev-preview" # written into --out; a non-empty --out without it is never wiped
IMG_EXTS = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}
_DEFAULT_WARNING_FILTERS = list(warnings.filters) # what `nbdev_docs` runs under (the workers ignore warnings otherwise)

# ---------------------------------------------------------------------------------------------------------------
# workers (run in spawned processes, one notebook each, so notebooks never share state)

def _worker_init(threads:int):
    # share the CPUs between the parallel notebooks instead of oversubscribing them (set OMP_NUM_THREADS to override)
    for k in ("OMP_NUM_THREADS", "MKL_NUM_THREADS"): os.environ.setdefault(k, str(threads))
    os.environ["IN_TEST"] = "1"
    os.chdir(ROOT) # nbdev finds settings.ini from the working directory
    warnings.simplefilter("ignore")

def execute_nb(src:str, dst:str, skip_flags:list[str], basepath:str) -> tuple[bool, float, str]:
    "Run notebook `src` as `nbdev_test` does (tools/nbrun.py) and save it with its outputs to `dst`"
    from execnb.nbio import write_nb
    from nbdev.process import NBProcessor
    from nbdev.processors import FrontmatterProc, nb_lang
    from fastcore.basics import str2bool
    if basepath not in sys.path: sys.path.insert(0, basepath)
    sys.path.insert(0, str(ROOT/"tools"))
    from nbrun import run_nb
    src, dst = Path(src), Path(dst)
    nbp = NBProcessor(src, procs=FrontmatterProc, process=True).nb
    fm = getattr(nbp, "frontmatter_", {}) or {}
    if str2bool(fm.get("skip_exec", False)) or nb_lang(nbp) != "python": return True, 0., "" # as nbdev_test: not run
    ok, secs, tb, nb = run_nb(src, skip_flags)
    if not ok: return False, secs, re.sub(r"\x1b\[[0-9;]*m", "", tb)
    dst.parent.mkdir(parents=True, exist_ok=True)
    write_nb(nb, dst)
    return True, secs, ""

def _norm_outputs(outputs) -> list:
    "Cell outputs as comparable values: no execution counts or metadata, text as one string"
    def j(v): return "".join(v) if isinstance(v, list) else v
    return [(o.get("output_type"), o.get("name"), j(o.get("text", "")), o.get("ename"), j(o.get("evalue", "")),
             {k: j(v) for k, v in (o.get("data") or {}).items()}) for o in outputs or []]

def _describe(outputs) -> str:
    "A few lines of each output, for messages"
    parts = []
    for t, name, text, ename, evalue, data in _norm_outputs(outputs):
        body = text or evalue or next((v for k, v in data.items() if k.startswith("text/")), "") or ", ".join(data)
        parts.append(f"[{name or t}] " + " | ".join(str(body).strip().splitlines()[:3])[:300])
    return "\n".join(parts) or "(no output)"

def _recording_filter(errors:list, changed:list|None=None):
    """nbdev's `FilterDefaults`, except that a failing cell in `exec_show_docs` is recorded in `errors` (with the
    message nbdev would raise) instead of stopping, so one pass gives both the verdict and a readable page; and a cell
    that nbdev's docs processing re-executes (exported cells, cells with imports) and whose outputs then differ from
    the committed ones is recorded in `changed` (the page would show output made while the docs were built)"""
    from nbdev.processors import FilterDefaults, exec_show_docs, _show_docs
    class recording_show_docs(exec_show_docs):
        def __call__(self, cell):
            committed = list(cell.get("outputs") or []) if cell.cell_type == "code" else None
            try: super().__call__(cell)
            except Exception as e:
                msg = str(e).strip()
                if e.__cause__ is not None: msg += "\n" + "".join(traceback.format_exception_only(type(e.__cause__), e.__cause__)).strip()
                errors.append(re.sub(r"\x1b\[[0-9;]*m", "", msg))
                self.k.exc = None
                return
            if changed is None or committed is None or _norm_outputs(cell.get("outputs")) == _norm_outputs(committed): return
            try: doc_cell = bool(_show_docs(cell.parsed_())) # show_doc's rendering is made at build time by design
            except Exception: doc_cell = False
            if not doc_cell:
                changed.append(f"cell {cell.idx_}: {cell.source.strip()[:200]}\n  committed: {_describe(committed)}"
                               f"\n  at build:  {_describe(cell.get('outputs'))}")
    class RecordingFilter(FilterDefaults):
        def base_procs(self): return [recording_show_docs if p is exec_show_docs else p for p in super().base_procs()]
    return RecordingFilter

def process_nb(src:str, dst:str) -> tuple[list[str], float, list[str], str]:
    """nbdev's docs processing of one notebook (the per-file step of `nbdev_proc_nbs`/`nbdev_docs`); returns the
    errors that would have stopped nbdev (empty when it would succeed), the seconds taken, the cells whose outputs the
    processing changed (it re-runs exported cells and cells with imports), and what it wrote to stderr (warnings
    such as nbdev's "Found cells containing imports and other code")"""
    import contextlib, io
    from nbdev import serve_drv
    Path(dst).parent.mkdir(parents=True, exist_ok=True)
    Path(dst).unlink(missing_ok=True) # never render a stale copy
    start, errors, changed, err = time.time(), [], [], io.StringIO()
    with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stderr(err):
        warnings.filters[:] = _DEFAULT_WARNING_FILTERS # report what nbdev_docs would print, no more
        serve_drv.main((Path(src), Path(dst), _recording_filter(errors, changed)))
    stderr = err.getvalue() + "".join(warnings.formatwarning(w.message, w.category, w.filename, w.lineno) for w in caught)
    return errors, time.time() - start, changed, stderr

class _NoPool:
    def __enter__(self): return self
    def __exit__(self, *a): return False

def _importable():
    "This module under an importable name: IPython replaces `__main__` in the workers, so tasks must not live there"
    if __name__ != "__main__": return sys.modules[__name__]
    here = str(Path(__file__).resolve().parent)
    if here not in sys.path: sys.path.insert(0, here)
    import importlib
    return importlib.import_module(Path(__file__).stem)

def _pool(workers:int, fresh:bool):
    kw = dict(max_tasks_per_child=1) if fresh else {}
    threads = max(1, (os.cpu_count() or 1) // workers)
    return ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"),
                               initializer=_importable()._worker_init, initargs=(threads,), **kw)

# ---------------------------------------------------------------------------------------------------------------
# pages and reading order

def _cfg():
    from nbdev.config import get_config
    return get_config(path=ROOT)

def find_notebooks(nbs:Path) -> list[PurePosixPath]:
    "Notebooks nbdev documents (its `nbglob`: skips `_*`/`.*` files and folders), relative to `nbs`"
    from nbdev.doclinks import nbglob
    return [PurePosixPath(Path(f).relative_to(nbs).as_posix()) for f in nbglob(nbs)]

def reading_order(nbs:Path, rels:list[PurePosixPath]) -> list[tuple[str|None, PurePosixPath]]:
    "(section, notebook) in sidebar order: `nbs/sidebar.yml` first, then anything it leaves out"
    import yaml
    order, seen = [], set()
    def add(sec, rel):
        rel = PurePosixPath(rel)
        if rel in rels and rel not in seen: order.append((sec, rel)); seen.add(rel)
    def walk(items, sec):
        for it in items or []:
            if isinstance(it, str): add(sec, it)
            elif isinstance(it, dict) and "contents" in it: walk(it["contents"], it.get("section", sec))
            elif isinstance(it, dict) and "href" in it: add(sec, it["href"])
    sb = nbs/"sidebar.yml"
    if sb.exists():
        try: walk((yaml.safe_load(sb.read_text(encoding="utf-8")) or {}).get("website", {}).get("sidebar", {}).get("contents"), None)
        except Exception as e: print(f"warning: could not read {sb}: {e}", file=sys.stderr)
    if PurePosixPath("index.ipynb") in rels: add(None, "index.ipynb")
    rest = sorted((r for r in rels if r not in seen), key=lambda r: (len(r.parts) > 1, str(r)))
    for r in rest: add(r.parent.as_posix() if len(r.parts) > 1 else None, r)
    idx = [o for o in order if str(o[1]) == "index.ipynb"]
    return idx + [o for o in order if str(o[1]) != "index.ipynb"]

def first_heading(nb:dict) -> str|None:
    "Text of the notebook's first `# ` heading"
    for c in nb.get("cells", []):
        if c.get("cell_type") != "markdown": continue
        m = re.search(r"^#\s+(.+?)\s*#*\s*$", "".join(c.get("source", "")), re.M)
        if m: return m.group(1).strip()
    return None

# ---------------------------------------------------------------------------------------------------------------
# rendering

_ATTR_LINK = re.compile(r"\[([^\]\n]*)\]\(([^)\s]+)\)\{([^}\n]*)\}")
_ATTR = re.compile(r'([\w-]+)="([^"]*)"|\.([\w-]+)|#([\w-]+)')

def pandoc_attrs_to_html(md:str) -> str:
    "`[text](url){target=\"_blank\" .cls}` (Pandoc/Quarto link attributes, used by show_doc) -> an HTML anchor"
    def rep(m):
        text, url, attrs = m.groups()
        out, classes = [f'href="{html.escape(url)}"'], []
        for a in _ATTR.finditer(attrs):
            if a.group(1): out.append(f'{a.group(1)}="{html.escape(a.group(2))}"')
            elif a.group(3): classes.append(a.group(3))
            else: out.append(f'id="{a.group(4)}"')
        if classes: out.append(f'class="{" ".join(classes)}"')
        return f"<a {' '.join(out)}>{html.escape(text)}</a>"
    return _ATTR_LINK.sub(rep, md)

_COND = re.compile(r'^::: *\{\.content-(visible|hidden) when-format="([\w-]+)"\} *\n(.*?)\n::: *$', re.M | re.S)
def quarto_conditional_html(md:str) -> str:
    "Quarto's conditional content as an HTML render sees it: `.content-visible when-format=\"html\"` kept, the rest dropped"
    return _COND.sub(lambda m: m.group(3) if (m.group(2) == "html") == (m.group(1) == "visible") else "", md)

def _directives(src:str) -> tuple[dict, str]:
    "Quarto `#| key: value` lines at the top of a code cell -> (dict, source without them)"
    lines, d, i = src.splitlines(), {}, 0
    while i < len(lines) and (lines[i].strip().startswith("#|") or not lines[i].strip()):
        s = lines[i].strip()[2:].strip()
        if s:
            k, _, v = s.partition(":") if ":" in s else s.partition(" ")
            d[k.strip()] = v.strip()
        i += 1
    return d, "\n".join(lines[i:]).strip("\n")

def _false(v): return str(v).strip().lower() in ("false", "no", "0")

def prepare_nb(nb):
    "Apply Quarto's cell options to a processed notebook for nbconvert; returns (notebook, frontmatter)"
    import yaml
    fm, cells = {}, []
    for c in nb.cells:
        src = c.get("source", "")
        if isinstance(src, list): src = "".join(src)
        if c.cell_type == "raw":
            m = re.match(r"\s*---\s*\n(.*?)\n---\s*$", src, re.S)
            if m and not fm:
                try: fm = yaml.safe_load(m.group(1)) or {}
                except Exception: fm = {}
                continue
            continue
        if c.cell_type == "markdown":
            src = quarto_conditional_html(src)
            if not src.strip(): continue
            c.source = pandoc_attrs_to_html(src)
            cells.append(c); continue
        if c.cell_type != "code": continue
        d, body = _directives(src)
        c.source, tags = body, set(c.metadata.get("tags", []))
        if _false(d.get("include", "true")): continue
        if _false(d.get("echo", "true")): tags.add("remove_input")
        if _false(d.get("output", "true")): tags.add("remove_output")
        for o in c.get("outputs", []):
            md = o.get("data", {}).get("text/markdown")
            if md is not None:
                o["data"]["text/markdown"] = pandoc_attrs_to_html("".join(md) if isinstance(md, list) else md)
        if not body.strip(): tags.add("remove_input")
        if "remove_input" in tags and not c.get("outputs"): continue
        if tags: c.metadata["tags"] = sorted(tags)
        cells.append(c)
    nb.cells = cells
    return nb, fm

def _exporter():
    from nbconvert import HTMLExporter
    from traitlets.config import Config
    c = Config()
    c.TagRemovePreprocessor.enabled = True
    c.TagRemovePreprocessor.remove_cell_tags = {"remove_cell"}
    c.TagRemovePreprocessor.remove_input_tags = {"remove_input"}
    c.TagRemovePreprocessor.remove_all_outputs_tags = {"remove_output"}
    c.HTMLExporter.exclude_input_prompt = True
    c.HTMLExporter.exclude_output_prompt = True
    c.HTMLExporter.anchor_link_text = "#"
    return HTMLExporter(config=c, template_name="basic")

def _slug(i:str) -> str:
    from urllib.parse import unquote
    i = unquote(html.unescape(i)).strip().lower()
    return re.sub(r"[^\w\-.]", "", i.replace(" ", "-"))

def _slug_ids(body:str) -> str:
    "Heading ids as Quarto writes them (lower case), so doc links like `settings.html#qatrainarguments` land"
    body = re.sub(r'(<h[1-6][^>]*?\s)id="([^"]*)"', lambda m: f'{m.group(1)}id="{html.escape(_slug(m.group(2)))}"', body)
    return re.sub(r'(class="anchor-link" href=")#([^"]*)"', lambda m: f'{m.group(1)}#{html.escape(_slug(m.group(2)))}"', body)

def _rel(target:PurePosixPath, page:PurePosixPath) -> str:
    return os.path.relpath(str(target), str(page.parent) or ".").replace(os.sep, "/")

def rewrite_links(body:str, page:PurePosixPath, doc_url:str, docmap:dict[str, PurePosixPath]) -> str:
    """Point links at the local preview: site URLs and Quarto output names (`dataset.html`) and `.ipynb` links
    become the preview's pages (`03_dataset.html`), relative to `page`"""
    def rep(m):
        q, url = m.group(1), html.unescape(m.group(2))
        path, sep, frag = url.partition("#")
        target = None
        if doc_url and path.startswith(doc_url): target = docmap.get(path[len(doc_url):].lstrip("/") or "index.html")
        elif not re.match(r"^[a-z][a-z0-9+.-]*:|^/|^$", path):
            p = os.path.normpath(os.path.join(str(page.parent), path)).replace(os.sep, "/")
            if p.endswith(".ipynb"): target = docmap.get("nb:" + p)
            elif p.endswith(".html"): target = docmap.get(p)
        if target is None: return m.group(0)
        return f'href={q}{html.escape(_rel(target, page) + sep + frag)}{q}'
    return re.sub(r'href=(["\'])(.*?)\1', rep, body)

CSS = """
:root { --fg:#212529; --muted:#6c757d; --line:#dee2e6; --accent:#2780e3; --code-bg:#f6f8fa; }
* { box-sizing: border-box; }
html { font-size: 16px; }
body { margin:0; color:var(--fg); background:#fff; line-height:1.65;
  font-family: "Noto Sans KR","NanumBarunGothic","NanumGothic","Apple SD Gothic Neo","Malgun Gothic",system-ui,sans-serif; }
a { color:var(--accent); text-decoration:none; } a:hover { text-decoration:underline; }
.layout { display:flex; min-height:100vh; }
nav.sidebar { width:260px; flex:none; border-right:1px solid var(--line); padding:1.2rem 1rem; background:#fafbfc;
  position:sticky; top:0; height:100vh; overflow-y:auto; font-size:.92rem; }
nav.sidebar .site { font-weight:700; font-size:1.15rem; display:block; margin-bottom:.8rem; color:var(--fg); }
nav.sidebar .section { margin:1rem 0 .3rem; color:var(--muted); font-size:.8rem; font-weight:700; letter-spacing:.03em; }
nav.sidebar ol { list-style:none; margin:0; padding:0; }
nav.sidebar li a { display:block; padding:.22rem .5rem; border-radius:4px; color:var(--fg); }
nav.sidebar li a.active { background:#e7f1fd; color:var(--accent); font-weight:600; }
nav.sidebar li a .file { color:var(--muted); font-size:.75rem; display:block; }
main { flex:1; min-width:0; max-width:980px; padding:1.2rem 2.5rem 4rem; }
.topbar { font-size:.9rem; margin-bottom:1rem; display:flex; justify-content:space-between; color:var(--muted); }
h1.title { font-size:2.1rem; margin:.2rem 0 .3rem; }
p.description { color:var(--muted); font-size:1.1rem; margin:0 0 1.5rem; }
.banner { border:1px solid #f0ad4e; background:#fff8ec; padding:.6rem .9rem; border-radius:6px; margin:1rem 0; font-size:.9rem; }
.banner pre { white-space:pre-wrap; margin:.4rem 0 0; font-size:.8rem; }
.toc-list { border:1px solid var(--line); border-radius:8px; padding:.8rem 1.2rem; margin:0 0 1.5rem; background:#fcfcfd; }
.toc-list h2 { margin:.2rem 0 .5rem; font-size:1.1rem; border:0; }
.toc-list ol { margin:0; padding-left:1.4rem; } .toc-list li { margin:.15rem 0; }
.toc-list .desc { color:var(--muted); font-size:.88rem; }
h2 { border-bottom:1px solid var(--line); padding-bottom:.2rem; margin-top:2rem; }
.anchor-link { visibility:hidden; margin-left:.3rem; font-size:.8em; } h1:hover .anchor-link, h2:hover .anchor-link, h3:hover .anchor-link { visibility:visible; }
code, pre, kbd { font-family:"DejaVu Sans Mono","NanumGothicCoding",monospace; font-size:.86rem; }
a code { color:inherit !important; }
p code, li code, td code { background:#f1f3f5; padding:.08rem .3rem; border-radius:3px; color:#9a2a5b; }
.cell { margin:.9rem 0; }
.input_area pre, .highlight pre { background:var(--code-bg); border:1px solid #e6e9ed; border-left:3px solid var(--accent);
  border-radius:4px; padding:.7rem .9rem; overflow-x:auto; margin:0; line-height:1.45; }
.output_area { margin-top:.35rem; }
.output_subarea > pre { background:#fbfbfc; border:1px solid #eceef1; padding:.5rem .8rem; border-radius:4px; overflow-x:auto;
  margin:0; font-size:.8rem; white-space:pre-wrap; color:#343a40; max-height:32rem; }
.output_stderr > pre { background:#fdf7f7; color:#7a4b4b; }
.output_area img { max-width:100%; height:auto; }
.output_png, .output_jpeg, .output_svg { text-align:center; }
.output_markdown { border-left:3px solid #d0d7de; padding-left:1rem; }
.output_markdown hr { display:none; }
.output_markdown .highlight pre { border-left-color:#8c959f; }
.output_html { overflow-x:auto; }
table { border-collapse:collapse; margin:.6rem 0; font-size:.9rem; }
th, td { border:1px solid var(--line); padding:.3rem .6rem; text-align:left; vertical-align:top; }
thead th { background:#f3f5f7; }
blockquote { margin:.8rem 0; padding:.2rem 1rem; border-left:4px solid var(--line); color:#495057; }
.pager { display:flex; justify-content:space-between; border-top:1px solid var(--line); margin-top:3rem; padding-top:1rem; }
.pager a { max-width:48%; } .pager .lbl { display:block; color:var(--muted); font-size:.8rem; }
@media (max-width: 800px) { .layout { display:block; } nav.sidebar { position:static; width:auto; height:auto; } main { padding:1rem; } }
"""

def _inline(s:str) -> str:
    "Escape `s`, keeping `code` spans (frontmatter descriptions are markdown)"
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(s))

def _pyg_css() -> str:
    from pygments.formatters import HtmlFormatter
    return HtmlFormatter(style="default").get_style_defs(".highlight")

def _sidebar(pages, cur:PurePosixPath, site_title:str) -> str:
    out, sec = [f'<a class="site" href="{_rel(PurePosixPath("index.html"), cur)}">{html.escape(site_title)}</a>'], object()
    out.append("<ol>")
    for p in pages:
        if p["section"] != sec:
            sec = p["section"]
            if sec: out.append(f'</ol><div class="section">{html.escape(sec)}</div><ol>')
        act = ' class="active" aria-current="page"' if p["html"] == cur else ""
        out.append(f'<li><a{act} href="{_rel(p["html"], cur)}">{html.escape(p["title"])}'
                   f'<span class="file">{html.escape(str(p["nb"]))}</span></a></li>')
    out.append("</ol>")
    return '<nav class="sidebar" aria-label="pages">' + "\n".join(out) + "</nav>"

def _contents(pages, cur:PurePosixPath) -> str:
    items = "".join(f'<li><a href="{_rel(p["html"], cur)}">{html.escape(p["title"])}</a>'
                    + (f' <span class="desc">— {_inline(p["description"])}</span>' if p["description"] else "") + "</li>"
                    for p in pages if str(p["html"]) != "index.html")
    return f'<section class="toc-list"><h2>목차 (Contents)</h2><ol>{items}</ol></section>' if items else ""

def page_html(p, pages, body:str, site_title:str, css:str) -> str:
    cur, i = p["html"], pages.index(p)
    prev_, next_ = (pages[i-1] if i > 0 else None), (pages[i+1] if i+1 < len(pages) else None)
    banners = "".join(f'<div class="banner"><strong>{html.escape(t)}</strong><pre>{html.escape(m)}</pre></div>'
                      for t, m in p["problems"])
    top = (f'<div class="topbar"><a class="back" href="{_rel(PurePosixPath("index.html"), cur)}">← 목차로 (index)</a>'
           f'<span>{html.escape(str(p["nb"]))}</span></div>')
    pager = '<nav class="pager">' + (
        f'<a rel="prev" href="{_rel(prev_["html"], cur)}"><span class="lbl">← 이전</span>{html.escape(prev_["title"])}</a>' if prev_ else "<span></span>") + (
        f'<a rel="next" style="text-align:right" href="{_rel(next_["html"], cur)}"><span class="lbl">다음 →</span>{html.escape(next_["title"])}</a>' if next_ else "<span></span>") + "</nav>"
    desc = f'<p class="description">{_inline(p["description"])}</p>' if p["description"] else ""
    toc = _contents(pages, cur) if str(cur) == "index.html" else ""
    title = p["title"] if str(cur) == "index.html" else f'{p["title"]} – {site_title}'
    return f"""<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="tools/preview.py (nbdev processing + nbconvert)">
<title>{html.escape(title)}</title>
<style>{css}</style>
</head>
<body>
<div class="layout">
{_sidebar(pages, cur, site_title)}
<main>
{top}
<header><h1 class="title">{html.escape(p["title"])}</h1>{desc}</header>
{banners}{toc}
<article class="page-body">
{body}
</article>
{pager}
</main>
</div>
</body>
</html>
"""

def render_index_only(pages, site_title, css) -> str:
    p = dict(nb=PurePosixPath("index.ipynb"), html=PurePosixPath("index.html"), title=site_title, description="",
             section=None, problems=[])
    return page_html(p, [p] + pages, "", site_title, css)

# ---------------------------------------------------------------------------------------------------------------

def build(out:Path, proc_dir:Path, execute:bool=False, only:list[str]|None=None, skip_flags:list[str]|None=None,
          workers:int|None=None, quiet:bool=False, render_only:bool=False) -> dict:
    "Build the preview; returns a summary dict (pages, exec_failed, proc_failed, timings)"
    import nbformat
    t0 = time.time()
    log = (lambda *a: None) if quiet else (lambda *a: print(*a, flush=True))
    cfg = _cfg()
    nbs, site_title = Path(cfg.nbs_path), cfg.get("title", cfg.lib_name)
    doc_url = (cfg.get("doc_host", "") + cfg.get("doc_baseurl", "")).rstrip("/") + "/" if cfg.get("doc_host") else ""
    rels = find_notebooks(nbs)
    if only:
        want = {o.removesuffix(".ipynb") for o in only}
        rels = [r for r in rels if str(r.with_suffix("")) in want or r.stem in want]
        missing = want - {str(r.with_suffix("")) for r in rels} - {r.stem for r in rels}
        if missing: raise SystemExit(f"no such notebook(s) in {nbs}: {', '.join(sorted(missing))}")
    order = reading_order(nbs, rels)
    workers = workers or max(1, min(len(order), os.cpu_count() or 1, 4))
    out, proc_dir = Path(out).resolve(), Path(proc_dir).resolve()
    if proc_dir == out or out in proc_dir.parents: raise SystemExit("--proc-dir must not be inside --out (--out is rebuilt)")
    if out.exists() and any(out.iterdir()) and not (out/MARKER).exists():
        raise SystemExit(f"{out} is not empty and was not written by this tool; pick another --out")
    summary = dict(pages=[], exec_failed={}, proc_failed={}, proc_changed={}, proc_stderr={}, executed=[], out=str(out), proc_dir=str(proc_dir))
    if render_only and (out/"summary.json").exists(): # keep what the last full build found out
        last = json.loads((out/"summary.json").read_text(encoding="utf-8"))
        if Path(last.get("proc_dir", "")) == proc_dir:
            for k in ("exec_failed", "proc_failed", "proc_changed", "proc_stderr", "executed"): summary[k] = last.get(k, summary[k])

    # 1. execute (optional)
    sources = {rel: nbs/rel for _, rel in order}
    scratch = tempfile.TemporaryDirectory(prefix="nbdev-preview-")
    if execute:
        te = time.time()
        log(f"executing {len(order)} notebook(s) with {workers} worker(s)...")
        with _pool(workers, fresh=True) as ex:
            futs = {rel: ex.submit(_importable().execute_nb, str(nbs/rel), str(Path(scratch.name)/"nbs"/rel), list(skip_flags or []), str(ROOT))
                    for _, rel in order}
            for rel, f in futs.items():
                try: ok, secs, tb = f.result()
                except Exception as e: ok, secs, tb = False, 0., f"worker crashed: {e!r}"
                if ok and (Path(scratch.name)/"nbs"/rel).exists():
                    sources[rel] = Path(scratch.name)/"nbs"/rel; summary["executed"].append(str(rel))
                    log(f"  executed {rel} ({secs:.1f}s)")
                elif ok: log(f"  skipped {rel} (skip_exec, or not Python)")
                else:
                    summary["exec_failed"][str(rel)] = tb
                    log(f"  FAILED to execute {rel} ({secs:.1f}s): rendered without outputs\n" +
                        "\n".join("    " + l for l in tb.strip().splitlines()[-8:]))
        summary["exec_s"] = round(time.time() - te, 1)

    # 2. nbdev processing -> proc_dir
    tp = time.time()
    if not render_only: log(f"nbdev processing -> {proc_dir}")
    with (_pool(workers, fresh=False) if not render_only else _NoPool()) as ex:
        futs = {} if render_only else {rel: ex.submit(_importable().process_nb, str(sources[rel]), str(proc_dir/rel)) for _, rel in order}
        for rel, f in futs.items():
            try: errors, secs, changed, stderr = f.result()
            except Exception as e: errors, secs, changed, stderr = [f"processing crashed: {e!r}"], 0., [], ""
            log(f"  processed {rel} ({secs:.1f}s)")
            if changed:
                summary["proc_changed"][str(rel)] = changed
                log(f"  nbdev processing re-ran {len(changed)} cell(s) of {rel} and got other outputs than the committed ones "
                    "(the site would show output made at build time; put imports in cells of their own):\n" +
                    "\n".join("    " + l for c in changed for l in c.splitlines()))
            if stderr.strip():
                summary["proc_stderr"][str(rel)] = stderr
                log(f"  nbdev processing of {rel} wrote to stderr:\n" + "\n".join("    " + l for l in stderr.strip().splitlines()[:40]))
            if errors:
                msg = "\n\n".join(errors)
                summary["proc_failed"][str(rel)] = msg
                log(f"  nbdev processing FAILED for {rel} in {len(errors)} cell(s) (nbdev_docs would stop at the first):\n" +
                    "\n".join("    " + l for l in msg.splitlines()))
    summary["proc_s"] = round(time.time() - tp, 1)

    # 3. render
    tr = time.time()
    if out.exists(): shutil.rmtree(out)
    out.mkdir(parents=True)
    (out/MARKER).write_text("written by tools/preview.py; safe to delete\n")
    pages, docmap = [], {}
    for sec, rel in order:
        orig = json.loads((nbs/rel).read_text(encoding="utf-8"))
        pnb = proc_dir/rel
        nb = nbformat.read(pnb, as_version=4) if pnb.exists() else nbformat.v4.new_notebook()
        nb, fm = prepare_nb(nb)
        page = rel.with_suffix(".html")
        title = first_heading(orig) or fm.get("title") or rel.stem
        p = dict(nb=rel, html=page, title=str(title), description=str(fm.get("description") or ""), section=sec,
                 executed=str(rel) in summary["executed"], problems=[], _nb=nb)
        if str(rel) in summary["proc_failed"]:
            p["problems"].append(("nbdev processing failed on this notebook (nbdev_docs would stop at the first "
                                  "error below). While building docs nbdev runs exported cells, show_doc cells and every cell "
                                  "that contains an import, so a cell that mixes imports with other code runs on its own:", summary["proc_failed"][str(rel)]))
        if str(rel) in summary["proc_changed"]:
            p["problems"].append(("nbdev's docs processing re-ran these cells and got other outputs than the committed ones; "
                                  "the site shows the build's outputs (put imports in cells of their own):", "\n\n".join(summary["proc_changed"][str(rel)])))
        if str(rel) in summary["proc_stderr"]:
            p["problems"].append(("nbdev's docs processing of this notebook wrote to stderr:", summary["proc_stderr"][str(rel)]))
        if str(rel) in summary["exec_failed"]:
            p["problems"].append(("this notebook failed to execute; shown without outputs:",
                                  "\n".join(summary["exec_failed"][str(rel)].strip().splitlines()[-15:])))
        outfile = str(fm.get("output-file") or page.name)
        docmap[str(rel.parent / outfile) if rel.parent.parts else outfile] = page
        docmap[str(page)] = page
        docmap["nb:" + str(rel)] = page
        pages.append(p)
    exp, css = _exporter(), CSS + _pyg_css()
    for p in pages:
        body, _ = exp.from_notebook_node(p.pop("_nb"))
        body = rewrite_links(_slug_ids(body), p["html"], doc_url, docmap)
        dest = out/p["html"]
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(page_html(p, pages, body, site_title, css), encoding="utf-8")
    if not any(str(p["html"]) == "index.html" for p in pages):
        (out/"index.html").write_text(render_index_only(pages, site_title, css), encoding="utf-8")
    for f in nbs.rglob("*"): # images referenced from markdown
        if f.suffix.lower() in IMG_EXTS and not any(s.startswith((".", "_")) for s in f.relative_to(nbs).parts):
            (out/f.relative_to(nbs)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(f, out/f.relative_to(nbs))
    summary["render_s"] = round(time.time() - tr, 1)
    summary["pages"] = [dict(nb=str(p["nb"]), html=str(p["html"]), title=p["title"], executed=p["executed"]) for p in pages]
    summary["total_s"] = round(time.time() - t0, 1)
    (out/"summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    scratch.cleanup()
    return summary

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--execute", action="store_true", help="run each notebook first (like nbdev_test) so outputs and plots appear")
    ap.add_argument("--out", default=str(ROOT/"_preview"), help="output folder (default: _preview)")
    ap.add_argument("--proc-dir", default=str(ROOT/"_proc"), help="processed notebooks (default: _proc, as nbdev_proc_nbs)")
    ap.add_argument("--only", nargs="+", metavar="NB", help="only these notebooks (stem or path under nbs/, e.g. 00_settings tutorials/train_colab)")
    ap.add_argument("--skip-flags", nargs="*", default=[], metavar="FLAG", help="with --execute, skip cells with these flags (e.g. slow); default: run all but `eval: false`")
    ap.add_argument("--render-only", action="store_true", help="only re-render the notebooks already in --proc-dir (no execution, no processing)")
    ap.add_argument("--workers", type=int, default=None, help="parallel notebooks (default: min(cpus, 4))")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a notebook fails to execute")
    a = ap.parse_args(argv)
    if a.render_only and a.execute: ap.error("--render-only and --execute exclude each other")
    s = build(Path(a.out), Path(a.proc_dir), execute=a.execute, only=a.only, skip_flags=a.skip_flags, workers=a.workers, render_only=a.render_only)
    out = Path(s["out"])
    print(f"\nwrote {len(s['pages'])} page(s) to {out} in {s['total_s']}s "
          f"(execute {s.get('exec_s', '-')}s, nbdev processing {s['proc_s']}s, render {s['render_s']}s)")
    print(f"open file://{out/'index.html'}")
    if a.execute: print("executed: " + (", ".join(s["executed"]) or "none"))
    if s["exec_failed"]: print("FAILED to execute (rendered without outputs): " + ", ".join(s["exec_failed"]))
    if s["proc_failed"]: print("nbdev processing FAILED (nbdev_docs would fail): " + ", ".join(s["proc_failed"]))
    if s["proc_changed"]: print("nbdev processing CHANGED committed outputs (the site would show build-time output): " + ", ".join(s["proc_changed"]))
    if s["proc_stderr"]: print("nbdev processing wrote to stderr: " + ", ".join(s["proc_stderr"]))
    return 1 if s["proc_failed"] or s["proc_changed"] or s["proc_stderr"] or (a.strict and s["exec_failed"]) else 0

if __name__ == "__main__":
    sys.exit(main())
