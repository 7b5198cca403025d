"""Soak: many people at once on gunicorn and PostgreSQL, editing the same actions of one plan.

    python benchmarks/soak.py [--clients 50] [--duration 60] [--actions 5]

1. Starts a throwaway PostgreSQL server (Debian's package, as ``scripts/test`` does) on 127.0.0.1
   in a temporary folder, removed at the end; loads the corpus into it (``inspire ingest``); makes
   one plan with ``--actions`` shared actions and ten editors of its council.
2. Serves Inspire with gunicorn (``inspire serve``) on a free loopback port.
3. ``--clients`` clients (threads, each with its own keep-alive connection; client n is editor
   n mod 10, signed in through the sign-in page, like one person's browser tabs) for
   ``--duration`` seconds: page reads (authority, inspection, national picture, the plan and its
   items), searches, and edits of the shared actions' words or timescale — half through the API
   (read the plan, PATCH with the version read), half through the action's page form (open it,
   change one field, save).
4. Checks the final state: every accepted change is in it, or was replaced by a later accepted
   change to the same field; every refused one was answered as a conflict (409); each action's
   version is one more than its accepted changes; the audit trail holds exactly the accepted
   changes.

Prints requests, errors, conflicts, lost updates and p50/p95 per kind of request. Exits non-zero
on any error (an answer other than the expected ones, or no answer) or lost update.
"""

from __future__ import annotations

import argparse
import glob
import html
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import quote_plus, urlencode

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("INSPIRE_SHARED", ROOT.parent / "shared")).resolve()
CORPUS = SHARED / "corpus" / "reports"
PASSWORD = "soak-test-password-not-secret"
EDITORS = 10
MAX_CLIENTS, MAX_DURATION = 200, 600  # bounds on what one run may ask for
IDLE_RECONNECT = 1.0  # seconds a client's connection may sit idle before it opens a new one
SEARCHES = [
    "private fostering",
    "care leavers",
    "return home interviews",
    "neglect",
    "missing from home",
    "adoption",
    "corporate parenting",
    "early help",
    "disabled children",
    "supervision",
]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- a throwaway PostgreSQL --------------------------------------------------------------------


class ThrowawayPostgres:
    """initdb + pg_ctl in a temporary folder, listening on 127.0.0.1 only (as scripts/test)."""

    def __init__(self) -> None:
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: [int(x) for x in re.findall(r"\d+", p)])
        if not found:
            raise SystemExit("PostgreSQL is not installed: run scripts/install-system-packages (make test does)")
        self.bin = Path(found[-1])
        self.folder = Path(tempfile.mkdtemp(prefix="inspire-soak-pg-"))
        self.as_pg = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
        self.port = free_port()
        self.url = f"postgres://inspire@127.0.0.1:{self.port}/inspire"

    def start(self) -> None:
        if self.as_pg:
            shutil.chown(self.folder, "postgres")
        data = self.folder / "data"
        subprocess.run(
            [
                *self.as_pg,
                self.bin / "initdb",
                "-D",
                data,
                "-U",
                "inspire",
                "-A",
                "trust",
                "--no-sync",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        options = (
            f"-k {self.folder} -p {self.port} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
        started = subprocess.run(
            [
                *self.as_pg,
                self.bin / "pg_ctl",
                "-D",
                data,
                "-l",
                self.folder / "server.log",
                "-w",
                "start",
                "-o",
                options,
            ],
            stdout=subprocess.DEVNULL,
        )
        if started.returncode:
            raise SystemExit(f"PostgreSQL did not start:\n{(self.folder / 'server.log').read_text()}")
        subprocess.run(
            [self.bin / "createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "inspire", "inspire"], check=True
        )

    def processes(self) -> list[psutil.Process]:
        """The server and its backends (the first line of postmaster.pid is the server's id)."""
        pid = int((self.folder / "data" / "postmaster.pid").read_text().split()[0])
        server = psutil.Process(pid)
        return [server, *server.children(recursive=True)]

    def stop(self) -> None:
        subprocess.run(
            [*self.as_pg, self.bin / "pg_ctl", "-D", self.folder / "data", "-m", "immediate", "stop"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


# --- the data: corpus, a plan with shared actions, editors ---------------------------------------


def prepare_data(actions: int) -> dict:
    """Migrate, ingest the corpus, and make the plan, its shared actions and its editors."""
    from inspire.cli.serve import prepare

    prepare(collect_static=True)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "inspire", "ingest", str(CORPUS), "--allow-failures"],
        cwd=ROOT,
        env=os.environ,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    from django.db.models import Count

    from inspire.web.accounts.services import membership_grant, user_create
    from inspire.web.improve import services
    from inspire.web.read.models import Authority, Inspection

    ingested = f"{Inspection.objects.count()} inspections in {time.perf_counter() - started:.0f} s"
    inspection = (
        Inspection.objects.filter(authority__isnull=False)
        .annotate(n=Count("recommendations"))
        .filter(n__gte=3)
        .order_by("-n", "pk")
        .first()
    )
    editors = []
    for number in range(EDITORS):
        user = user_create(username=f"soak-editor-{number}", password=PASSWORD)
        membership_grant(authority=inspection.authority, user=user, role="editor")
        editors.append(user.username)
    plan = services.plan_create(inspection=inspection, created_by=user)
    items = list(plan.items.order_by("ordinal"))
    shared = [
        services.action_create(item=items[n % len(items)], user=user, text=f"Shared action {n + 1}")
        for n in range(actions)
    ]
    from django.db import connections

    connections.close_all()
    return {
        "ingested": ingested,
        "editors": editors,
        "plan": plan.pk,
        "actions": [a.pk for a in shared],
        "items": [i.pk for i in items],
        "authorities": list(
            Authority.objects.filter(inspections__isnull=False).distinct().values_list("slug", flat=True)[:40]
        ),
        "inspections": list(Inspection.objects.values_list("pk", flat=True)[:60]),
    }


# --- a client: one signed-in person with a keep-alive connection ---------------------------------


class Browser:
    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.last_used = time.monotonic()

    def request(self, method: str, url: str, body: bytes | None = None, headers: dict | None = None):
        sent = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), **(headers or {})}
        if time.monotonic() - self.last_used > IDLE_RECONNECT:
            # gunicorn closes a keep-alive connection idle for 2 s: start a new one rather than
            # race the server's close (as browsers and HTTP libraries do)
            self.connection.close()
        try:
            self.connection.request(method, url, body=body, headers=sent)
            response = self.connection.getresponse()
            content = response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()
            raise
        finally:
            self.last_used = time.monotonic()
        for header in response.msg.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(header)
            self.cookies.update({name: morsel.value for name, morsel in cookie.items()})
        if response.getheader("Connection", "").lower() == "close":
            self.connection.close()
        return response.status, content.decode("utf-8", "replace")

    def form(self, url: str, fields: dict) -> tuple[int, str]:
        body = urlencode({**fields, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}, doseq=True).encode()
        return self.request("POST", url, body, {"Content-Type": "application/x-www-form-urlencoded"})

    def sign_in(self, username: str) -> None:
        status, _ = self.request("GET", "/accounts/login/")
        status, _ = self.form("/accounts/login/", {"username": username, "password": PASSWORD})
        if status != 302:
            print(f"{username} could not sign in (HTTP {status})", file=sys.stderr)


def _form_values(page: str) -> dict:
    """The action form's values as its page shows them (the shared actions have no lead or target date)."""
    version = re.search(r'name="version" value="(\d+)"', page)
    text = re.search(r'<textarea[^>]*name="text"[^>]*>(.*?)</textarea>', page, re.S)
    timescale = re.search(r'id="timescale" name="timescale" type="text" value="([^"]*)"', page)
    if not (version and text and timescale):
        raise ValueError("the action form is not as expected")
    return {
        "version": version.group(1),
        "text": html.unescape(text.group(1)).strip(),
        "timescale": html.unescape(timescale.group(1)),
        "lead": "",
        "target-day": "",
        "target-month": "",
        "target-year": "",
    }


class Soak:
    def __init__(self, port: int, data: dict, clients: int, duration: float, seed: int):
        self.port, self.data, self.clients, self.duration = port, data, clients, duration
        self.seed = seed
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: list[str] = []
        #: accepted changes: (action id, version made, field, value)
        self.accepted: list[tuple[int, int, str, str]] = []
        self.conflicts = 0

    def run(self) -> float:
        # Before the clock starts, each editor signs in once through the sign-in page; the clients
        # are their browser tabs (client n is editor n mod 10), sharing the editor's session.
        # (50 sign-ins at once, each a deliberately slow password hash, would only measure that.)
        signed_in = {}
        for username in self.data["editors"]:
            editor = Browser(self.port)
            editor.sign_in(username)
            signed_in[username] = editor.cookies
            editor.connection.close()
        browsers = []
        for number in range(self.clients):
            browser = Browser(self.port)
            browser.cookies = dict(signed_in[self.data["editors"][number % len(self.data["editors"])]])
            browsers.append(browser)
        if not all("sessionid" in b.cookies for b in browsers):
            raise SystemExit("not every editor could sign in")
        self.stop_at = time.monotonic() + self.duration
        threads = [threading.Thread(target=self.client, args=(n, b)) for n, b in enumerate(browsers)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.perf_counter() - started

    def timed(self, kind: str, browser: Browser, method: str, url: str, expected: tuple[int, ...], **kwargs):
        started = time.perf_counter()
        try:
            if method == "FORM":
                status, content = browser.form(url, kwargs["fields"])
            else:
                status, content = browser.request(method, url, kwargs.get("body"), kwargs.get("headers"))
        except (OSError, http.client.HTTPException) as error:
            status, content = None, f"{type(error).__name__}: {error}"
        elapsed = (time.perf_counter() - started) * 1000
        with self.lock:
            self.times[kind].append(elapsed)
            if status not in expected:
                self.errors.append(f"{kind}: {method} {url} answered {status} {content[:200]!r}")
        return status, content

    def client(self, number: int, browser: Browser) -> None:
        rng = random.Random(self.seed * 1000 + number)
        data, plan = self.data, self.data["plan"]
        edits = 0
        while time.monotonic() < self.stop_at:
            roll = rng.random()
            if roll < 0.35:
                url = rng.choice(
                    [
                        f"/authorities/{rng.choice(data['authorities'])}/",
                        f"/inspections/{rng.choice(data['inspections'])}/",
                        "/national/",
                        f"/plans/{plan}/",
                        f"/plans/{plan}/items/{rng.choice(data['items'][:5])}/",
                    ]
                )
                self.timed("page read", browser, "GET", url, (200,))
            elif roll < 0.55:
                self.timed("search", browser, "GET", f"/search/?q={quote_plus(rng.choice(SEARCHES))}", (200,))
            else:
                edits += 1
                action = rng.choice(data["actions"])
                field = rng.choice(["text", "timescale"])
                value = f"{field} from client {number}, edit {edits}"
                if roll < 0.775:
                    self.edit_by_api(browser, plan, action, field, value)
                else:
                    self.edit_by_form(browser, plan, action, field, value)

    def edit_by_api(self, browser: Browser, plan: int, action: int, field: str, value: str) -> None:
        status, content = self.timed("plan read (API)", browser, "GET", f"/api/plans/{plan}", (200,))
        if status != 200:
            return
        read = json.loads(content)
        version = next(a["version"] for i in read["items"] for a in i["actions"] if a["id"] == action)
        body = json.dumps({"version": version, field: value}).encode()
        status, content = self.timed(
            "edit (API PATCH)",
            browser,
            "PATCH",
            f"/api/plans/{plan}/actions/{action}",
            (200, 409),
            body=body,
            headers={"Content-Type": "application/json", "X-CSRFToken": browser.cookies["csrftoken"]},
        )
        self.outcome(action, field, value, status, json.loads(content).get("version") if status == 200 else None)

    def edit_by_form(self, browser: Browser, plan: int, action: int, field: str, value: str) -> None:
        url = f"/plans/{plan}/actions/{action}/"
        status, page = self.timed("edit form read", browser, "GET", url, (200,))
        if status != 200:
            return
        try:
            fields = _form_values(page)
        except ValueError as error:
            with self.lock:
                self.errors.append(f"edit form read: {error}")
            return
        status, _ = self.timed("edit (form POST)", browser, "FORM", url, (302, 409), fields={**fields, field: value})
        self.outcome(action, field, value, status, int(fields["version"]) + 1 if status == 302 else None)

    def outcome(self, action: int, field: str, value: str, status: int | None, version: int | None) -> None:
        with self.lock:
            if version is not None:
                self.accepted.append((action, version, field, value))
            elif status == 409:
                self.conflicts += 1

    def lost_updates(self) -> list[str]:
        """Every accepted change is stored, or replaced by a later accepted one of the same field."""
        from inspire.web.improve.models import Action, AuditEntry

        problems = []
        for action in Action.objects.filter(pk__in=self.data["actions"]):
            mine = sorted((v, f, value) for a, v, f, value in self.accepted if a == action.pk)
            versions = [v for v, _, _ in mine]
            if len(set(versions)) != len(versions):
                problems.append(f"action {action.pk}: two accepted changes made the same version")
            if action.version != 1 + len(mine):
                problems.append(f"action {action.pk}: version {action.version} after {len(mine)} accepted changes")
            for field in ("text", "timescale"):
                last = [value for _, f, value in mine if f == field]
                if last and getattr(action, field) != last[-1]:
                    problems.append(
                        f"action {action.pk}: {field} is {getattr(action, field)!r}, "
                        f"the last accepted change made it {last[-1]!r}"
                    )
            audited = sorted(
                AuditEntry.objects.filter(object_type="Action", object_id=action.pk, action="update").values_list(
                    "version", "field", "after"
                )
            )
            if audited != mine:
                problems.append(
                    f"action {action.pk}: the audit trail holds {len(audited)} changes, {len(mine)} were accepted"
                )
        return problems


def cpu_seconds(processes: list[psutil.Process]) -> float:
    """User + system CPU seconds of the processes and of the children they have reaped."""
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system + times.children_user + times.children_system  # backends ended
    return total


def serve(port: int, workers: int, threads: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "inspire",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--threads",
            str(threads),
        ],
        cwd=ROOT,
        env=os.environ,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/api/authorities?limit=1")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise SystemExit("the server did not start")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50, help=f"concurrent clients (at most {MAX_CLIENTS})")
    parser.add_argument("--duration", type=float, default=60, help=f"seconds (at most {MAX_DURATION})")
    parser.add_argument("--actions", type=int, default=5, help="shared actions every client edits")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    parser.add_argument("--seed", type=int, default=1)
    args, _ = parser.parse_known_args()  # benchmarks/run.py passes its own arguments to every script
    clients, duration = min(max(1, args.clients), MAX_CLIENTS), min(max(1.0, args.duration), MAX_DURATION)

    database = ThrowawayPostgres()
    data_dir = Path(tempfile.mkdtemp(prefix="inspire-soak-data-"))
    server = None
    try:
        database.start()
        os.environ.update(
            {
                "DATABASE_URL": database.url,
                "INSPIRE_DATA_DIR": str(data_dir),
                "INSPIRE_DEBUG": "0",
                "INSPIRE_SECRET_KEY": f"soak-throwaway-{random.random()}",
            }
        )
        data = prepare_data(max(1, args.actions))
        print(
            f"PostgreSQL {database.bin.parent.name} on 127.0.0.1:{database.port}; corpus: {data['ingested']}; "
            f"plan {data['plan']} with {len(data['actions'])} shared actions, {len(data['editors'])} editors"
        )
        port = free_port()
        server = serve(port, args.workers, args.threads)
        soak = Soak(port, data, clients, duration, args.seed)
        web = [psutil.Process(server.pid), *psutil.Process(server.pid).children(recursive=True)]
        db = database.processes()
        cpu_before = cpu_seconds(web), cpu_seconds(db)
        elapsed = soak.run()
        cpu = cpu_seconds(web) - cpu_before[0], cpu_seconds(database.processes()) - cpu_before[1]
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        server = None

        total = sum(len(t) for t in soak.times.values())
        print(
            f"\nSoak: gunicorn ({args.workers} workers × {args.threads} threads) + PostgreSQL, {clients} signed-in "
            f"clients for {elapsed:.0f} s on 127.0.0.1: {total} requests, {total / elapsed:.0f} requests/s"
        )
        print(
            f"  CPU: gunicorn {cpu[0]:.0f} s, PostgreSQL {cpu[1]:.0f} s, "
            f"{1000 * sum(cpu) / max(1, total):.0f} ms a request (incl. sign-in); "
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
        )
        print(f"  {'request':<20}{'count':>8}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
        for kind in (
            "page read",
            "search",
            "plan read (API)",
            "edit (API PATCH)",
            "edit form read",
            "edit (form POST)",
        ):
            times = soak.times.get(kind, [])
            if times:
                print(
                    f"  {kind:<20}{len(times):>8}{percentile(times, 50):>9.0f}{percentile(times, 95):>9.0f}"
                    f"{max(times):>9.0f}"
                )
        lost = soak.lost_updates()
        edits = len(soak.accepted) + soak.conflicts
        print(f"  edits {edits}: {len(soak.accepted)} accepted, {soak.conflicts} refused as conflicts (409)")
        print(f"  errors {len(soak.errors)}" + (f" (first: {soak.errors[:3]})" if soak.errors else ""))
        print(f"  lost updates {len(lost)}" + (f" ({lost[:3]})" if lost else ""))
        return 1 if soak.errors or lost or not soak.accepted else 0
    finally:
        if server is not None:
            server.kill()
        if "django" in sys.modules and "DJANGO_SETTINGS_MODULE" in os.environ:
            from django.db import connections

            connections.close_all()
        database.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
