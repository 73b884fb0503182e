"""Drive headless Chromium through the DevTools protocol over a pipe (`--remote-debugging-pipe`), standard library only.

Enough to click through a page and keep a screenshot, for the web chapter's browser test and `tools/web_screenshot.py`:

    with Browser(width=1000, height=900) as b:
        b.open("http://127.0.0.1:8000/")
        b.wait("document.querySelectorAll('#examples button').length > 0")
        b.js("document.querySelector('#examples button').click()")
        b.screenshot("page.png")

Chromium reads protocol messages (JSON, each ended by a NUL byte) on its file descriptor 3 and writes replies and
events on 4. One page target, attached in flat mode; `js` evaluates an expression there and returns its value.
"""
from __future__ import annotations
import base64, json, os, shutil, subprocess, tempfile, time
from pathlib import Path

def find_chromium():
    "Path of a Chromium binary, or None"
    return shutil.which("chromium") or shutil.which("chromium-browser") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)

class Browser:
    "A headless Chromium with one page, driven over the DevTools pipe"
    def __init__(self, width:int=1000, height:int=900, chromium:str=None, timeout:float=60):
        self.width, self.height, self.timeout = width, height, timeout
        self.chromium = chromium or find_chromium()
        if self.chromium is None: raise FileNotFoundError("chromium not found (apt-get install chromium)")

    def __enter__(self):
        self.profile = tempfile.mkdtemp(prefix="chromium-cdp-")
        to_r, self._to_w = os.pipe(); self._from_r, from_w = os.pipe()
        def fds(): os.dup2(to_r, 3); os.dup2(from_w, 4) # the child's protocol pipe ends
        self.proc = subprocess.Popen([self.chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                      "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                      "--no-first-run", "--hide-scrollbars", "--remote-debugging-pipe",
                                      f"--user-data-dir={self.profile}", "about:blank"],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     close_fds=False, preexec_fn=fds)
        os.close(to_r); os.close(from_w)
        self._buf, self._id, self.session = b"", 0, None
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.send("Page.enable"); self.send("Runtime.enable")
        self.send("Emulation.setDeviceMetricsOverride", width=self.width, height=self.height, deviceScaleFactor=1, mobile=self.width < 600)
        return self

    def __exit__(self, *exc):
        try: self.send("Browser.close", _session=False)
        except Exception: pass
        try: self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired: self.proc.kill(); self.proc.wait()
        os.close(self._to_w); os.close(self._from_r)
        shutil.rmtree(self.profile, ignore_errors=True)

    def _read(self)->dict:
        while b"\0" not in self._buf:
            chunk = os.read(self._from_r, 1 << 16)
            if not chunk: raise RuntimeError("chromium closed the DevTools pipe")
            self._buf += chunk
        msg, self._buf = self._buf.split(b"\0", 1)
        return json.loads(msg)

    def send(self, method:str, _session:bool=True, **params)->dict:
        "Send one protocol command and return its result (events that arrive meanwhile are dropped)"
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params}
        if _session and self.session: msg["sessionId"] = self.session
        os.write(self._to_w, json.dumps(msg).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._id:
                if "error" in reply: raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def js(self, expression:str):
        "Value of a JavaScript expression in the page (promises are awaited)"
        r = self.send("Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in r: raise RuntimeError(f"{expression}: {r['exceptionDetails'].get('exception', {}).get('description', r['exceptionDetails'])}")
        return r["result"].get("value")

    def wait(self, condition:str, timeout:float=None):
        "Wait until the JavaScript `condition` is true in the page"
        end = time.monotonic() + (timeout or self.timeout)
        while not self.js(f"Boolean({condition})"):
            if time.monotonic() > end: raise TimeoutError(f"waited {timeout or self.timeout} s for {condition}")
            time.sleep(0.05)

    def open(self, url:str):
        "Load `url` and wait for the document to be complete"
        self.send("Page.navigate", url=url)
        self.wait("document.readyState === 'complete' && location.href !== 'about:blank'")

    def screenshot(self, path, full_page:bool=True)->Path:
        "Save the page (all of it, or the viewport) as PNG"
        params = dict(format="png")
        if full_page:
            h = self.js("Math.ceil(document.documentElement.scrollHeight)")
            params.update(captureBeyondViewport=True, clip=dict(x=0, y=0, width=self.width, height=max(h, 1), scale=1))
        Path(path).write_bytes(base64.b64decode(self.send("Page.captureScreenshot", **params)["data"]))
        return Path(path)
