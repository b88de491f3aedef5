"""A private person's name falls under the policy's PERSON rule wherever a rule finds it:
a family by its name and a name in its own script too (no rule id written in the code)."""

from __future__ import annotations

from gldocs.document.txt import units_from_text
from gldocs.redact.bundle import load_bundle
from gldocs.redact.engine import AnalysisContext, Analyzer

BODY = ("1. Stamoplysninger\nNavn: Vilhelm Brix\n\n2. Beskrivelse\n"
        "Han har boet hos familien Kragh. Hans ven Zhao Lanfang (赵兰芳) hjælper.\n")


def _family_and_script(policy: str) -> list[tuple[str, str, str]]:
    plan = Analyzer(load_bundle(policy), nlp=None).analyze(
        units_from_text(BODY), AnalysisContext(areas=["bolig"], client_name="Vilhelm Brix"))
    return sorted({(f.text, f.rule, f.action) for f in plan.findings
                   if f.text in ("Kragh", "赵兰芳")})


def test_the_kommune_policy_removes_them_under_its_person_rule() -> None:
    rule = load_bundle("kommune").policy.entities["PERSON"].rule
    assert _family_and_script("kommune") == [("Kragh", rule, "remove"),
                                             ("赵兰芳", rule, "remove")]


def test_a_policy_that_keeps_third_persons_names_keeps_them() -> None:
    """The internal policy keeps private persons' names (PERSON: K3): a family's name and
    a name in its own script are kept under K3 too, not removed under a rule id in Python."""
    rule = load_bundle("intern").policy.entities["PERSON"].rule
    assert load_bundle("intern").policy.rule(rule).action == "keep"
    assert _family_and_script("intern") == [("Kragh", rule, "keep"), ("赵兰芳", rule, "keep")]
