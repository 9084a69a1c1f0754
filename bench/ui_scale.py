"""The review UI with a real job: time to the first page, Chromium's memory, other users' latency.

    python bench/ui_scale.py [--mb-first 1] [--mb-big 4] [--run-big 90] [--out bench/results/ui_scale.txt]

Starts ``python app.py`` (a temporary database, ``--max-upload-mb 5``) and drives Debian's Chromium with
Playwright (headless, no network beyond loopback). It prints figures and their ratio to the targets of
issue 16, not a pass or fail:

1. **first page** — a ``--mb-first`` MB text is uploaded and reviewed: seconds from the click to the first
   highlighted flag of page 1 (target 5 s); then **Cancel**: seconds until the review has stopped;
2. **other users** — a ``--mb-big`` MB text is reviewed by one browser; while it runs, a second browser
   (another user) reviews a seven-word text three times: seconds from its click to its «Reviewed»
   (target 3 s each); in between, the first user presses ``j`` (next flag), ``]`` (next page) and ``a``
   (accept): seconds each;
3. **memory** — after ``--run-big`` seconds of the big review (or its end, if sooner), a few pages further
   and with the other user's tab closed: the Chromium processes' memory (sum of PSS from
   ``/proc/PID/smaps_rollup``, and of RSS), against the same measure with the page open before any review
   and with the same tab on about:blank (step 0: the browser's own floor), the tab's renderer process alone
   (``--type=renderer``, the one the page's site brought), each process's PSS, and the page's JS heap and DOM
   nodes (CDP ``Performance.getMetrics``) (target: Chromium under 500 MB); and the server's RSS. The big
   review is then cancelled.

Chromium runs with the arguments the UI tests use (``CHROMIUM_ARGS``), nothing that trims its memory.

The texts are real French MT output: the WMT22 de-fr references and system outputs of
``../shared/data/wmt22-general-de-fr`` (each file once, then again from the start to reach the size),
else the seed article repeated. The app and Chromium share the machine with whatever else runs: the
load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "wmt22-general-de-fr" / "de-fr"
SEED = ROOT / "corpora" / "seed" / "musk-putin-wsj.fr-mt.txt"
CHROMIUM = os.environ.get("MTREVIEW_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SMALL = "Le masque a parlé avec Poutine hier.\n"  # seven words


def real_text(mb: float) -> str:
    """About ``mb`` MB (2**20 bytes) of French MT output, whole lines."""
    files = ([SHARED / "generaltest2022.de-fr.ref.A.fr"] + sorted((SHARED / "system-outputs").glob("*.fr"))
             if SHARED.is_dir() else [SEED])
    pool = "".join(p.read_text(encoding="utf-8") for p in files if p.is_file())
    want = int(mb * 2**20)
    out: list[str] = []
    size = 0
    while size < want:
        for line in pool.splitlines(keepends=True):
            n = len(line.encode("utf-8"))
            if size + n > want:
                break
            out.append(line)
            size += n
        else:
            continue
        break
    return "".join(out)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(tmp: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
           "PYTHONUNBUFFERED": "1", "NO_PROXY": "127.0.0.1,localhost"}
    env.pop("MTREVIEW_DB", None)
    env.pop("MTREVIEW_AUTH", None)
    log = (tmp / "app.log").open("wb")
    proc = subprocess.Popen([sys.executable, "app.py", "--port", str(port), "--db", str(tmp / "reviews.sqlite3"),
                             "--max-upload-mb", "5"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"app.py exited: {(tmp / 'app.log').read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return proc, url
        except OSError:
            time.sleep(1.0)
    raise SystemExit("app.py did not start")


def chromium_processes() -> list[tuple[int, str, float, float]]:
    """(pid, kind, PSS MB, RSS MB) of the Chromium processes under this one; ``kind`` is ``browser``,
    ``renderer``, ``renderer/webui`` (Chromium's own top-chrome WebUI), ``gpu-process``, ``zygote``,
    ``utility/<service>``…, from the process's command line (``--type=``)."""
    me = os.getpid()
    parents: dict[int, int] = {}
    names: dict[int, str] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
            names[int(d.name)] = (d / "comm").read_text().strip()
        except OSError:
            continue
        parents[int(d.name)] = int(stat.rsplit(")", 1)[1].split()[1])

    def under_me(pid: int) -> bool:
        seen = 0
        while pid > 1 and seen < 64:
            if pid == me:
                return True
            pid = parents.get(pid, 0)
            seen += 1
        return False

    out = []
    for pid, name in names.items():
        if "chrom" not in name or not under_me(pid):
            continue
        pss = rss = 0.0
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    pss = int(line.split()[1]) / 1024
                elif line.startswith("Rss:"):
                    rss = int(line.split()[1]) / 1024
        except OSError:
            continue
        kind = next((a.split("=", 1)[1] for a in cmd.split() if a.startswith("--type=")), "browser")
        sub = next((a.split("=", 1)[1] for a in cmd.split() if a.startswith("--utility-sub-type=")), "")
        if sub:
            kind += "/" + sub.split(".")[-1]
        if kind == "renderer" and "--top-chrome-webui" in cmd.split():
            kind = "renderer/webui"
        out.append((pid, kind, pss, rss))
    return sorted(out)


def chromium_memory() -> tuple[float, float, int]:
    """(PSS MB, RSS MB, processes) of the Chromium processes under this one."""
    procs = chromium_processes()
    return sum(p[2] for p in procs), sum(p[3] for p in procs), len(procs)


def by_process(procs: list[tuple[int, str, float, float]], tab: int | None = None) -> str:
    """«browser 126, renderer/webui 80, …» (PSS MB), the tab's renderer named as such."""
    return ", ".join(f"{'the tab' if pid == tab else kind} {pss:.0f}" for pid, kind, pss, _ in
                     sorted(procs, key=lambda p: -p[2]))


def tab_renderer(procs: list[tuple[int, str, float, float]], before: set[int], known: int | None = None
                 ) -> tuple[int, str, float, float] | None:
    """The renderer process of the review's tab: ``known`` while it lives, else the largest renderer that was
    not there before the page was opened (the page left about:blank for another site: a new process)."""
    renderers = [p for p in procs if p[1] == "renderer"]
    same = [p for p in renderers if p[0] == known]
    new = [p for p in renderers if p[0] not in before]
    return (same or sorted(new, key=lambda p: -p[2]) or sorted(renderers, key=lambda p: -p[2]) or [None])[0]


def status(pg) -> str:
    return pg.inner_text("#mtr-status")


def wait_status(pg, text: str, timeout: float = 600) -> float:
    t0 = time.perf_counter()
    pg.wait_for_function("t => document.querySelector('#mtr-status').innerText.includes(t)", arg=text,
                         timeout=timeout * 1000)
    return time.perf_counter() - t0


def upload_and_review(pg, path: Path) -> float:
    """Upload ``path``, click Review; returns the click's time (perf_counter)."""
    pg.set_input_files("#mtr-file-in input[type=file]", str(path))
    pg.wait_for_selector(f"#mtr-file-in :text('{path.name}')")
    t0 = time.perf_counter()
    pg.click("#mtr-review-btn")
    return t0


def first_flag_seconds(pg, t0: float, timeout: float = 600) -> float:
    pg.wait_for_selector("#mtr-highlight .token.highlighted", timeout=timeout * 1000)
    return time.perf_counter() - t0


def press_and_wait(pg, key: str, js: str, arg: object = None) -> float:
    t0 = time.perf_counter()
    pg.keyboard.press(key)
    pg.wait_for_function(js, arg=arg, timeout=120_000)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb-first", type=float, default=1.0)
    ap.add_argument("--mb-big", type=float, default=4.0)
    ap.add_argument("--run-big", type=float, default=90.0, help="seconds of the big review before measuring")
    ap.add_argument("--out", type=Path, default=None, help="also write the report here")
    args = ap.parse_args(argv)
    import playwright.sync_api as pw_api

    lines: list[str] = []

    def say(msg: str) -> None:
        print(msg, flush=True)
        lines.append(msg)
        if args.out:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")

    tmp = Path(tempfile.mkdtemp(prefix="ui-scale-"))
    first_txt, big_txt = tmp / "first.txt", tmp / "big.txt"
    first_txt.write_text(real_text(args.mb_first), encoding="utf-8")
    big_txt.write_text(real_text(args.mb_big), encoding="utf-8")
    say(f"# bench/ui_scale.py — {time.strftime('%Y-%m-%d %H:%M')} — {os.cpu_count()} cores, load average "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())} at the start")
    say(f"texts: {first_txt.stat().st_size / 2**20:.2f} MB and {big_txt.stat().st_size / 2**20:.2f} MB of WMT22 de-fr "
        "French MT output" if SHARED.is_dir() else "texts: the seed article repeated")
    t0 = time.perf_counter()
    proc, url = start_app(tmp)
    say(f"app.py ready in {time.perf_counter() - t0:.1f} s (engine warm-up included)")
    try:
        with pw_api.sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            user = browser.new_context(viewport={"width": 1400, "height": 1000})
            other = browser.new_context(viewport={"width": 1400, "height": 1000})
            pg = user.new_page()

            def open_tab(p) -> None:
                p.set_default_timeout(600_000)
                p.goto(url)
                p.wait_for_selector("#mtr-review-btn")
                p.wait_for_function("() => !!window.__mtrKeys")

            pg.goto("about:blank")  # the browser's own floor: the same Chromium, the same tab, an empty page
            time.sleep(2)
            floor = chromium_processes()
            floor_pss = sum(p[2] for p in floor)
            say(f"0. Chromium with about:blank ({len(floor)} processes): PSS {floor_pss:.0f} MB (the browser's floor; "
                f"by process: {by_process(floor)})")
            open_tab(pg)
            time.sleep(2)
            cdp = user.new_cdp_session(pg)
            cdp.send("Performance.enable")
            base = chromium_processes()
            base_pss, base_rss = sum(p[2] for p in base), sum(p[3] for p in base)
            tab = tab_renderer(base, {p[0] for p in floor})
            tab_pid = tab[0] if tab else None
            metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
            say(f"0. Chromium with the page open, before any review ({len(base)} processes): PSS {base_pss:.0f} MB, "
                f"RSS {base_rss:.0f} MB ({base_pss - floor_pss:+.0f} MB over the floor); the tab's renderer: PSS "
                f"{tab[2] if tab else 0:.0f} MB, JS heap {metrics['JSHeapUsedSize'] / 2**20:.1f} MB used of "
                f"{metrics['JSHeapTotalSize'] / 2**20:.1f} MB, {int(metrics['Nodes']):,} DOM nodes; by process: "
                f"{by_process(base, tab_pid)}")
            pg2 = other.new_page()  # another user
            open_tab(pg2)

            # 1. the first page of a 1 MB text, then cancel
            click = upload_and_review(pg, first_txt)
            first = first_flag_seconds(pg, click)
            say(f"1. first page of {args.mb_first:g} MB: {first:.2f} s after the click (target 5 s: "
                f"{first / 5:.2f} of it); {pg.inner_text('#mtr-page-info').strip()}")
            say(f"   progress then: {pg.inner_text('#mtr-progress').strip()}")
            t1 = time.perf_counter()
            pg.click("#mtr-cancel")
            wait_status(pg, "Cancelled after")
            say(f"   cancel: stopped and saved {time.perf_counter() - t1:.2f} s after the click; "
                f"{status(pg).strip()}")

            # 2. the big review; other users' small reviews meanwhile
            pg.goto(url)  # a fresh page (the file box holds the first file)
            pg.wait_for_function("() => !!window.__mtrKeys")
            click = upload_and_review(pg, big_txt)
            first = first_flag_seconds(pg, click)
            say(f"2. first page of {args.mb_big:g} MB: {first:.2f} s after the click (target 5 s: {first / 5:.2f})")
            pg.mouse.click(5, 5)  # focus the page, not a text box (keys)
            for n in range(3):
                pg2.fill("#mtr-text-in textarea", SMALL.replace("hier", ["hier", "lundi", "mardi"][n]))
                t2 = time.perf_counter()
                pg2.click("#mtr-review-btn")
                try:
                    pg2.wait_for_function("n => document.querySelector('#mtr-status').innerText.includes("
                                          "'Reviewed 7 words') && document.querySelector('#mtr-summary').innerText"
                                          ".includes(n)", arg=["hier", "lundi", "mardi"][n], timeout=120_000)
                except pw_api.TimeoutError:
                    say(f"   another user's review #{n + 1}: no answer in 120 s; its page says "
                        f"«{status(pg2).strip()[:120]}» / «{pg2.inner_text('#mtr-summary').strip()[:80]}»")
                    continue
                small = time.perf_counter() - t2
                prog = pg.inner_text("#mtr-progress").strip()
                say(f"   another user's seven-word review #{n + 1}: {small:.2f} s (target 3 s: {small / 3:.2f}) "
                    f"while the big one runs ({prog[:80]})")
                sel = pg.get_attribute("#mtr-detail .mtr-detail", "data-flag") or ""
                js = ("f => { const d = document.querySelector('#mtr-detail .mtr-detail'); "
                      "return !!d && d.dataset.flag !== f; }")
                if n == 0:
                    say(f"   j (next flag) on the big review: {press_and_wait(pg, 'j', js, sel):.2f} s")
                elif n == 1:
                    page = pg.get_attribute("#mtr-page-info-text", "data-page")
                    s = press_and_wait(pg, "]", "p => (document.querySelector('#mtr-page-info-text') || "
                                       "{dataset: {}}).dataset.page !== p", page)
                    say(f"   ] (next page) on the big review: {s:.2f} s "
                        f"({pg.inner_text('#mtr-page-info').strip()})")
                else:
                    s = press_and_wait(pg, "a", "f => document.querySelector('#mtr-status').innerText"
                                       ".includes(f + ' «')", sel)
                    say(f"   a (accept {sel}) on the big review: {s:.2f} s ({status(pg).strip()[:70]})")
                time.sleep(2)

            # 3. memory after a while (or at the end), on the last reviewed page
            deadline = time.perf_counter() + args.run_big
            while time.perf_counter() < deadline and pg.locator("#mtr-cancel").is_visible():
                time.sleep(2)
            running = pg.locator("#mtr-cancel").is_visible()
            pages = int(pg.get_attribute("#mtr-page-info-text", "data-pages") or 1)
            page = int(pg.get_attribute("#mtr-page-info-text", "data-page") or 1)
            for _ in range(min(3, max(0, pages - page))):
                p0 = pg.get_attribute("#mtr-page-info-text", "data-page")
                press_and_wait(pg, "]", "p => (document.querySelector('#mtr-page-info-text') || "
                               "{dataset: {}}).dataset.page !== p", p0)
            time.sleep(2)
            other.close()  # the other user leaves: the same processes as at the start
            time.sleep(2)
            metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
            procs = chromium_processes()
            pss, rss, n = sum(p[2] for p in procs), sum(p[3] for p in procs), len(procs)
            tab = tab_renderer(procs, {p[0] for p in floor}, tab_pid)
            app_rss = next((int(x.split()[1]) / 1024 for x in Path(f"/proc/{proc.pid}/status").read_text().splitlines()
                            if x.startswith("VmRSS:")), 0.0)
            say(f"3. after {args.run_big:g} s of the {args.mb_big:g} MB review ({'still running: ' if running else ''}"
                f"{pg.inner_text('#mtr-progress').strip()[:90] or status(pg).strip()[:90]})")
            say(f"   page shown: {pg.inner_text('#mtr-page-info').strip()}")
            say(f"   Chromium ({n} processes, the review's tab): PSS {pss:.0f} MB, RSS {rss:.0f} MB (target < 500 MB: "
                f"{pss / 500:.2f} of it by PSS; {pss - base_pss:+.0f} MB since the page was opened, {pss - floor_pss:+.0f} "
                f"MB over the floor); the big review's tab: its renderer PSS {tab[2] if tab else 0:.0f} MB (RSS "
                f"{tab[3] if tab else 0:.0f} MB), JS heap {metrics['JSHeapUsedSize'] / 2**20:.1f} MB used of "
                f"{metrics['JSHeapTotalSize'] / 2**20:.1f} MB, {int(metrics['Nodes']):,} DOM nodes")
            say(f"   by process (PSS MB): {by_process(procs, tab[0] if tab else None)}")
            say(f"   the server (app.py, models loaded): RSS {app_rss:.0f} MB")
            if running:
                t3 = time.perf_counter()
                pg.click("#mtr-cancel")
                wait_status(pg, "Cancelled after")
                say(f"   cancel: {time.perf_counter() - t3:.2f} s; {status(pg).strip()}")
            browser.close()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    say(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())} (the machine is shared: "
        "the figures vary with the load)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
