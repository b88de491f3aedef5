"""How the policy's rules look in the diff, the HTML report and the review page.

Everything comes from the policy (``rules:`` with ``label``, ``colour`` and ``weight``), as
carried by the plan: nothing here names a rule id, so a policy that adds R6 shows it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gldocs.redact import Plan

DEFAULT_COLOUR = "#555555"
DEFAULT_WEIGHT = 50


@dataclass(frozen=True)
class RuleLook:
    id: str
    label: str
    colour: str  # "#rrggbb"
    weight: int  # lowest wins where removals overlap
    ground: str
    action: str

    @property
    def css_class(self) -> str:
        return css_class(self.id)


def css_class(rule_id: str) -> str:
    """The CSS class of a rule (``rule-R1``); safe for any rule id."""
    return "rule-" + re.sub(r"[^A-Za-z0-9_-]", "_", rule_id)


def rule_looks(plan: Plan) -> dict[str, RuleLook]:
    """The plan's rules as they are shown (from the policy the plan was made with)."""
    rules: Mapping[str, Any] = plan.rules
    if not rules:  # a plan built by hand (tests, old callers): the named policy's rules
        from gldocs.errors import GldocsError
        from gldocs.redact import load_policy

        try:
            rules = load_policy(plan.policy_name).rules
        except GldocsError:
            rules = {}
    return {rid: RuleLook(rid, getattr(r, "label", "") or getattr(r, "title", rid),
                          getattr(r, "colour", DEFAULT_COLOUR) or DEFAULT_COLOUR,
                          getattr(r, "weight", DEFAULT_WEIGHT), getattr(r, "ground", ""),
                          getattr(r, "action", "remove"))
            for rid, r in rules.items()}


def extra_rule(plan: Plan) -> str:
    """The rule a caseworker's extra removal falls under unless they name one (the
    policy's ``deny_rule``)."""
    if plan.extra_rule:
        return plan.extra_rule
    from gldocs.errors import GldocsError
    from gldocs.redact import load_policy

    try:
        return load_policy(plan.policy_name).deny_rule
    except GldocsError:
        return ""


def weights(looks: Mapping[str, RuleLook]) -> dict[str, int]:
    return {rid: look.weight for rid, look in looks.items()}


def label(looks: Mapping[str, RuleLook], rule_id: str) -> str:
    look = looks.get(rule_id)
    return look.label if look is not None else rule_id


def tint(colour: str, share: float = 0.12) -> str:
    """``colour`` mixed with white (a light background for text in that colour)."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    mix = [round(255 - (255 - c) * share) for c in (r, g, b)]
    return "#" + "".join(f"{c:02x}" for c in mix)


def rules_css(looks: Mapping[str, RuleLook]) -> str:
    """CSS for every rule: text colour on a light tint, and the card's left border."""
    lines = []
    for look in looks.values():
        cls = look.css_class
        lines.append(f".{cls} {{ color: {look.colour}; background: {tint(look.colour)}; }}")
        lines.append(f".edge-{cls} {{ border-left-color: {look.colour}; }}")
        lines.append(f"@media print {{ .{cls} {{ -webkit-print-color-adjust: exact; "
                     "print-color-adjust: exact; }} }}")
    return "\n".join(lines) + "\n"


def ansi(colour: str) -> str:
    """A 24-bit terminal colour escape for ``colour``."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"\x1b[38;2;{r};{g};{b}m"
