"""The review page: one HTML document with inline CSS and vanilla JS (no external assets),
from the Jinja2 template ``templates/page.html.j2`` (autoescaped; CSS and script in
``page.css``/``page.js`` beside it, shipped as package data).

All document text reaches the page as JSON and is put into the DOM with ``textContent``
only, never as HTML. The script runs under a CSP nonce; the token is read from the URL.
"""

from __future__ import annotations

from collections.abc import Mapping

from markupsafe import Markup

from gldocs.review.html import templates
from gldocs.review.looks import RuleLook, rules_css


def render_page(nonce: str, looks: Mapping[str, RuleLook] | None = None,
                extra_rule: str = "") -> str:
    """The review page; ``nonce`` must match the server's Content-Security-Policy.
    ``looks``: the policy's rules (colours, labels; the removal rules are offered for extra
    removals, ``extra_rule`` selected)."""
    looks = looks or {}
    return templates().get_template("page.html.j2").render(
        nonce=nonce, extra_rule=extra_rule, rules_css=Markup(rules_css(looks)),
        removal_rules=[look for look in looks.values() if look.action == "remove"])
