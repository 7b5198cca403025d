"""The Content-Security-Policy (django-csp): every page gets it, and no template holds an inline
script or an inline event handler that it would block."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.urls import reverse

import inspire.web

WEB = Path(inspire.web.__file__).resolve().parent


def test_every_page_gets_a_policy_allowing_only_inspires_own_files(client, db):
    policy = client.get(reverse("home"))["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == directives["script-src"] == directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == directives["object-src"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


@pytest.mark.parametrize("template", sorted(WEB.rglob("templates/**/*.html")), ids=lambda p: str(p.relative_to(WEB)))
def test_no_template_holds_an_inline_script_or_event_handler(template):
    html = template.read_text()
    inline = [
        tag for tag in re.findall(r"<script\b[^>]*>", html) if "src=" not in tag and "application/json" not in tag
    ]
    assert inline == [], "inline script: move it to a file under static/"
    assert re.findall(r"\son[a-z]+\s*=", html) == [], "inline event handler: use a static script"
    assert re.findall(r"\shx-on[:\w-]*\s*=", html) == [], "htmx inline handler: runs as eval, which the policy blocks"
