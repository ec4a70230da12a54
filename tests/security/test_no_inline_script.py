"""The Content-Security-Policy allows scripts only from our own files: no template may rely on
inline script, an inline event handler or a javascript: link (it would silently stop working)."""

import re
from pathlib import Path

from django.conf import settings

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"(?:href|src|action)\s*=\s*[\"']\s*javascript:", re.IGNORECASE)


def our_templates():
    roots = [settings.BASE_DIR / "templates"] + [
        settings.BASE_DIR / app / "templates"
        for app in ("core", "engagement", "repairs", "surveys", "inequities", "desk")
    ]
    return sorted(path for root in roots if root.exists() for path in root.rglob("*.html"))


def test_templates_have_no_inline_script_handlers_or_javascript_links():
    templates = our_templates()
    assert len(templates) > 50
    offenders = []
    for path in templates:
        text = path.read_text(encoding="utf-8")
        for pattern in (INLINE_SCRIPT, EVENT_HANDLER, JAVASCRIPT_URL):
            offenders += [f"{path.relative_to(settings.BASE_DIR)}: {m.group(0)[:60]}" for m in pattern.finditer(text)]
    assert offenders == []


def test_the_scan_would_catch_each_kind():
    assert INLINE_SCRIPT.search("<script>alert(1)</script>")
    assert not INLINE_SCRIPT.search('<script src="/static/js/init.js"></script>')
    assert not INLINE_SCRIPT.search('<script type="application/json" id="chart-data">{}</script>')
    assert EVENT_HANDLER.search('<button onclick="go()">')
    assert JAVASCRIPT_URL.search('<a href="javascript:void(0)">')


def test_our_scripts_do_not_use_eval():
    scripts = list(Path(settings.BASE_DIR / "static" / "js").rglob("*.js"))
    assert scripts
    for script in scripts:
        text = script.read_text(encoding="utf-8")
        assert not re.search(r"\beval\(|new Function\(", text), script
