#!/usr/bin/env python3
"""Drives headless Chromium against a running `evidex serve` the way a person would: loads
the search page, types "bitter irony" into the search box, submits the form, reads the DOM
for the seed article's highlighted snippet and saves a screenshot. Then the same with
JavaScript off (the server-rendered page alone), a document's page and the quotes view.

It talks the Chrome DevTools Protocol over --remote-debugging-pipe (NUL-separated JSON on
file descriptors 3 and 4), so it needs nothing but Python and the `chromium` package.

usage: browser-check.py BASE_URL ARTEFACT_DIR
"""
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

SEED_TITLE = "ICSs should have \u2018duty\u2019 to report progress on addressing discrimination"
TIMEOUT = 30.0


class Browser:
    def __init__(self):
        exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
        if not exe:
            raise SystemExit("browser-check: no chromium on PATH (apt-get install chromium)")
        self.profile = tempfile.mkdtemp(prefix="evidex-chromium-")
        # Chromium reads commands from fd 3 and writes answers to fd 4.
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()
        args = [exe, "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--window-size=1200,900",
                "--user-data-dir=" + self.profile, "about:blank"]
        # The shell puts the pipe ends on fds 3 and 4 and then becomes chromium.
        shell = 'exec "$@" 3<&%d 4>&%d' % (to_browser_r, from_browser_w)
        self.proc = subprocess.Popen(["sh", "-c", shell, "sh"] + args, pass_fds=(to_browser_r, from_browser_w),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            if time.time() > deadline:
                raise TimeoutError("no answer from chromium")
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe (exit %s)" % self.proc.poll())
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_browser, json.dumps(msg).encode() + b"\0")
        deadline = time.time() + TIMEOUT
        while True:
            m = self._read_message(deadline)
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError("%s failed: %s" % (method, m["error"]))
                return m.get("result", {})
            self.events.append(m)

    def open_page(self, url, javascript=True):
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.send("Page.enable", session=session)
        self.send("Runtime.enable", session=session)
        if not javascript:
            self.send("Emulation.setScriptExecutionDisabled", {"value": True}, session=session)
        self.send("Page.navigate", {"url": url}, session=session)
        return session

    def evaluate(self, session, expression):
        r = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=session)
        if "exceptionDetails" in r:
            raise RuntimeError("script failed: %s" % r["exceptionDetails"])
        return r["result"].get("value")

    def wait_for(self, session, expression, what):
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            try:
                if self.evaluate(session, expression):
                    return
            except RuntimeError:
                pass  # the page is between documents
            time.sleep(0.1)
        raise SystemExit("browser-check: timed out waiting for " + what)

    def dom(self, session):
        root = self.send("DOM.getDocument", {"depth": -1}, session=session)["root"]
        return self.send("DOM.getOuterHTML", {"nodeId": root["nodeId"]}, session=session)["outerHTML"]

    def screenshot(self, session, path):
        data = self.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, session=session)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))


def check(condition, message):
    if not condition:
        raise SystemExit("browser-check: FAILED: " + message)
    print("browser-check: ok: " + message)


def main():
    base, artefacts = sys.argv[1].rstrip("/"), sys.argv[2]
    os.makedirs(artefacts, exist_ok=True)
    browser = Browser()
    try:
        # 1. With JavaScript: type the query, submit, results swapped in by /app.js.
        s = browser.open_page(base + "/")
        browser.wait_for(s, "document.readyState === 'complete' && !!document.querySelector('#search input[name=q]')",
                         "the search page")
        browser.evaluate(s, """
            (function () {
              var box = document.querySelector('#search input[name=q]');
              box.focus();
              box.value = '"bitter irony"';
              document.getElementById('search').requestSubmit();
            })()""")
        browser.wait_for(s, "!!document.querySelector('#results .hit mark')", "highlighted results")
        marks = browser.evaluate(s, "Array.from(document.querySelectorAll('#results .hit mark')).map(function (m) { return m.textContent; })")
        titles = browser.evaluate(s, "Array.from(document.querySelectorAll('#results .hit h2')).map(function (h) { return h.textContent; })")
        location = browser.evaluate(s, "location.pathname + location.search")
        html = browser.dom(s)
        with open(os.path.join(artefacts, "serve-search.html"), "w") as f:
            f.write(html)
        browser.screenshot(s, os.path.join(artefacts, "serve-search.png"))
        check(titles and titles[0] == SEED_TITLE, "the seed article is the first hit (%r)" % (titles[:1],))
        check(any(m.lower() == "bitter irony" for m in marks), "\"bitter irony\" is highlighted in its snippet (%r)" % marks)
        check("<mark>bitter irony</mark>" in html, "the DOM holds <mark>bitter irony</mark>")
        check(location == "/?q=%22bitter+irony%22", "the URL links to this search (%s)" % location)
        check("2021-06-08" in html, "the hit shows its date")

        # 2. The first hit's title leads to the document, whose "Results" link leads back.
        browser.evaluate(s, "document.querySelector('#results .hit h2 a').click()")
        browser.wait_for(s, "!!document.querySelector('#document article')", "the document page")
        body = browser.evaluate(s, "document.querySelector('#document article').textContent")
        browser.screenshot(s, os.path.join(artefacts, "serve-document.png"))
        check("It is a bitter irony" in body and SEED_TITLE in body, "the title leads to the document's text")
        browser.evaluate(s, "document.querySelector('nav.tabs a').click()")
        browser.wait_for(s, "!!document.querySelector('#results .hit mark')", "the results again")
        check(browser.evaluate(s, "location.pathname + location.search") == "/?q=%22bitter+irony%22",
              "the document links back to the same results")

        # 3. The quotes tab, still with JavaScript.
        browser.evaluate(s, "Array.from(document.querySelectorAll('nav.tabs a')).filter(function (a) { return a.textContent === 'Quotes'; })[0].click()")
        browser.wait_for(s, "!!document.querySelector('#results .quote .speaker')", "the quotes view")
        who = browser.evaluate(s, "document.querySelector('#results .quote .who').textContent")
        browser.screenshot(s, os.path.join(artefacts, "serve-quotes.png"))
        check("Suzie Bailey" in who and "King" in who, "the quote shows speaker, role and organisation (%s)" % who)

        # 4. JavaScript off: the form's own GET submission renders the same results.
        s2 = browser.open_page(base + "/?q=%22bitter+irony%22", javascript=False)
        browser.wait_for(s2, "document.readyState === 'complete'", "the page without JavaScript")
        html2 = browser.dom(s2)
        browser.screenshot(s2, os.path.join(artefacts, "serve-search-nojs.png"))
        check("<mark>bitter irony</mark>" in html2 and SEED_TITLE in html2, "without JavaScript the server-rendered page has the highlighted hit")
    finally:
        browser.close()
    print("browser-check: screenshots in " + artefacts)


if __name__ == "__main__":
    main()
