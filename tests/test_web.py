"""The web demo through real sockets: the body cap enforced by waitress before the body is read, the size of an
`explain` reply whatever `top_k`, the per-request limits, the security headers, `ratsqa_serve`'s one-line errors
(port in use, bad host, nonsense limits) and `serve_notebook`'s Colab branch with a stand-in `google.colab.output`.

Everything runs on the CPU with the bundled tiny BERT (untrained span head: the answers are arbitrary, their shape is not).
"""
from __future__ import annotations
import base64, hashlib, html.parser, json, select, socket, subprocess, sys, threading, time, types
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

import pytest

BIN = Path(sys.executable).parent
OK = {"question": "하람강은 몇 킬로미터를 흐르나?", "context": "하람강은 317킬로미터를 흐른다. 바람골 마을을 지난다."}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    from ratsqa_nb.model import bundled_tiny_bert
    from ratsqa_nb.inference import QAPredictor
    model_dir = bundled_tiny_bert(tmp_path_factory.mktemp("web")/"tiny")
    return SimpleNamespace(dir=model_dir, predictor=QAPredictor.from_pretrained(model_dir, device="cpu"))


@pytest.fixture(scope="module")
def served(tiny):
    "The app on a real waitress server (loopback, free port), 4 KiB body limit"
    from ratsqa_nb.web import create_app, serve_in_background
    app = create_app(tiny.predictor, max_content_length=4096, examples=[])
    with serve_in_background(app) as url: yield SimpleNamespace(app=app, url=url, port=int(url.rsplit(":", 1)[1]))


def _request_head(port, content_length):
    return (f"POST /api/predict HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {content_length}\r\n\r\n").encode()


def _status(sock)->str:
    data = b""
    while b"\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk: break
        data += chunk
    return data.decode("latin-1").split("\r\n", 1)[0]


# ------------------------------------------------------------------------------------------------------------------
# issue 21 item 7: the body cap is waitress's, before the body is read

def test_oversized_body_refused_on_the_header_alone(served):
    "Content-Length above the cap, no body sent at all: 413 right away (before: waitress waited for 10 MiB of body)"
    with socket.create_connection(("127.0.0.1", served.port), timeout=5) as s:
        s.sendall(_request_head(served.port, 10 * 2**20))
        t0 = time.perf_counter()
        try: line = _status(s)
        except socket.timeout: pytest.fail("no reply within 5 s: the server waits to read the oversized body")
    assert line == "HTTP/1.1 413 Request Entity Too Large", line
    assert time.perf_counter() - t0 < 5


def test_oversized_body_stream_is_cut_short(served):
    "A client streaming 64 MiB learns of the refusal after a small part of it (measured: bytes sent when the reply came)"
    total, chunk, sent, line = 64 * 2**20, b"x" * 2**16, 0, None
    with socket.create_connection(("127.0.0.1", served.port), timeout=20) as s:
        s.sendall(_request_head(served.port, total))
        try:
            while sent < total:
                if select.select([s], [], [], 0)[0]: break # the server answered before the body was sent
                s.sendall(chunk); sent += len(chunk)
            line = _status(s)
        except (BrokenPipeError, ConnectionResetError): pass # the server closed the connection under us
    print(f"\n[body cap] {sent / 2**20:.2f} MiB of a 64 MiB body sent before the refusal: {line}")
    assert sent < 16 * 2**20, f"{sent} bytes were taken before the refusal"
    assert line in (None, "HTTP/1.1 413 Request Entity Too Large")


def test_body_at_the_limit_is_read_and_one_over_is_refused(served):
    "waitress (refuses >= its max) and Flask (refuses > MAX_CONTENT_LENGTH) agree on where the limit is"
    body = json.dumps(OK).encode(); body += b" " * (4096 - len(body))
    for payload, want in ((body, "HTTP/1.1 200 OK"), (body + b" ", "HTTP/1.1 413 Request Entity Too Large")):
        with socket.create_connection(("127.0.0.1", served.port), timeout=10) as s:
            s.sendall(_request_head(served.port, len(payload)) + payload)
            assert _status(s) == want, len(payload)


# ------------------------------------------------------------------------------------------------------------------
# issue 21 item 8: explain replies O(context tokens) whatever top_k; a bound on the work of one request

def test_explain_reply_does_not_grow_with_top_k(tiny):
    from ratsqa_nb.web import create_app
    client = create_app(tiny.predictor, examples=[]).test_client()
    context = ("바람골 마을은 1832년에 세워졌다. 하람강은 317킬로미터를 흐른다. " * 60)[:4000] # several windows
    size = {k: len(client.post("/api/predict", json={"question": "바람골 마을은 언제 세워졌나?", "context": context,
                                                      "top_k": k, "explain": True}).data) for k in (1, 20)}
    assert size[20] < 1.2 * size[1], size # before: about 21 times the top_k=1 reply
    reply = client.post("/api/predict", json={"question": "언제?", "context": context, "top_k": 5, "explain": True}).get_json()
    assert len(reply["answers"]) == 5 and all(set(a) == {"answer", "start", "end", "score", "window"} for a in reply["answers"])
    assert len(reply["tokens"]) > 100 and reply["windows"] and {k: reply[k] for k in ("answer", "window")} == \
        {k: reply["answers"][0][k] for k in ("answer", "window")}


def test_context_over_the_limit_is_a_400_naming_it(tiny):
    from ratsqa_nb.web import create_app
    client = create_app(tiny.predictor, max_context_chars=1000, examples=[]).test_client()
    r = client.post("/api/predict", json={**OK, "context": "가" * 1001})
    assert (r.status_code, r.get_json()) == (400, {"error": "'context' is 1,001 characters, over the limit of 1,000 (max_context_chars)"})
    assert client.post("/api/predict", json={**OK, "context": "가" * 999 + "."}).status_code == 200


@pytest.mark.parametrize("kw", [dict(max_content_length=-1), dict(max_content_length=0), dict(max_top_k=0),
                                dict(max_context_chars=-5), dict(max_content_length=True)])
def test_create_app_refuses_nonsense_limits(tiny, kw):
    from ratsqa_nb.web import create_app
    with pytest.raises(ValueError, match="must be a positive integer"): create_app(tiny.predictor, examples=[], **kw)


# ------------------------------------------------------------------------------------------------------------------
# security headers

class _Inline(html.parser.HTMLParser):
    def __init__(self): super().__init__(); self.tag, self.blocks = None, {}
    def handle_starttag(self, tag, attrs): self.tag = tag
    def handle_endtag(self, tag): self.tag = None
    def handle_data(self, data):
        if self.tag in ("script", "style"): self.blocks[self.tag] = self.blocks.get(self.tag, "") + data


def test_security_headers_on_page_api_and_errors(served):
    import urllib.request, urllib.error
    base = served.url
    with urllib.request.urlopen(base + "/", timeout=10) as r: page, headers = r.read().decode(), r.headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    csp = dict(d.strip().split(" ", 1) if " " in d.strip() else (d.strip(), "") for d in headers["Content-Security-Policy"].split(";"))
    assert csp["default-src"] == "'none'" and csp["connect-src"] == "'self'" and "unsafe-inline" not in headers["Content-Security-Policy"]
    p = _Inline(); p.feed(page)
    for tag in ("script", "style"): # the hash a browser computes over the inline block is allowed
        assert f"'sha256-{base64.b64encode(hashlib.sha256(p.blocks[tag].encode()).digest()).decode()}'" == csp[f"{tag}-src"]
    for path in ("/api/health", "/nothing"):
        try: r = urllib.request.urlopen(base + path, timeout=10)
        except urllib.error.HTTPError as e: r = e
        assert (r.headers["X-Content-Type-Options"], r.headers["Content-Security-Policy"]) == ("nosniff", "default-src 'none'"), path


# ------------------------------------------------------------------------------------------------------------------
# issue 21 item 9: ratsqa_serve on a port in use or a bad host: one line, exit code 1

def test_ratsqa_serve_port_in_use_one_line_exit_1(tiny):
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        r = subprocess.run([str(BIN/"ratsqa_serve"), "--model_dir", str(tiny.dir), "--port", str(port), "--max_batch", "1"],
                           capture_output=True, text=True, timeout=120)
    assert r.returncode == 1, r.stderr[-2000:]
    assert r.stderr.strip() == f"ratsqa_serve: cannot listen on 127.0.0.1:{port}: Address already in use", r.stderr[-2000:]


@pytest.mark.parametrize("kw, said", [
    (dict(host="no such host"), "ratsqa_serve: cannot listen on no such host:8000: Invalid host/port specified."),
    (dict(host="300.1.1.1", port=8123), "ratsqa_serve: cannot listen on 300.1.1.1:8123: Invalid host/port specified."),
    (dict(max_content_length=-1), "ratsqa_serve: --max_content_length=-1 must be at least 1"),
])
def test_ratsqa_serve_mistakes_are_one_line(tiny, kw, said):
    from ratsqa_nb.web import ratsqa_serve
    with pytest.raises(SystemExit) as e: ratsqa_serve(model_dir=str(tiny.dir), max_batch=1, threads=1, **kw)
    assert e.value.code == said


# ------------------------------------------------------------------------------------------------------------------
# stopping without waitress's private attributes; issue 24: serve_notebook

def test_stop_with_an_open_connection_frees_the_port(tiny):
    from ratsqa_nb.web import BackgroundServer, create_app
    server = BackgroundServer(create_app(tiny.predictor, examples=[]))
    idle = socket.create_connection(("127.0.0.1", server.port))
    t0 = time.perf_counter(); server.stop(); idle.close()
    assert not server.running and time.perf_counter() - t0 < 5
    socket.create_server(("127.0.0.1", server.port)).close() # free again (SO_REUSEADDR, as every server binds: the closed connection waits in TIME_WAIT)


def test_serve_notebook_in_colab_uses_the_kernel_port_proxy(tiny):
    from ratsqa_nb import web
    from ratsqa_nb.web import post_json, serve_notebook
    servers = lambda: sum(t.name == "ratsqa-web" and t.is_alive() for t in threading.enumerate())
    before, calls = servers(), []
    colab, output = types.ModuleType("google.colab"), types.ModuleType("google.colab.output")
    output.serve_kernel_port_as_iframe = lambda port, path="/", height="400", width="100%", cache_in_notebook=False: calls.append((port, path, height))
    colab.output = output
    with mock.patch.dict(sys.modules, {"google.colab": colab, "google.colab.output": output}):
        demo = serve_notebook(tiny.dir, height=500)
        try:
            assert calls == [(demo.port, "/", 500)]
            assert post_json(f"http://127.0.0.1:{calls[0][0]}/api/predict", OK)[0] == 200
            again = serve_notebook(tiny.predictor) # the cell run again: same port, the first server gone
            assert (again.port, demo.running, again.running) == (demo.port, False, True)
            assert [c[0] for c in calls] == [demo.port, demo.port]
        finally:
            for s in list(web._notebook_servers.values()): s.stop()
    assert servers() == before
