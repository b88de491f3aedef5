"""Markers say what was removed (defined in the policy): "[pårørendes tlf.]",
"[pårørendes adresse]", "[navn på barn]", "[udeladt: helbred (rhl. § 10)]". Invented data."""

from __future__ import annotations

from harness import analyse, analyzer_for, redacted

from gldocs.redact.bundle import load_bundle

CLIENT = "Bjørn Kastbjerg Lind"
HEAD = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: 091190-2215\n\n2. Beskrivelse\n"


def test_markers_name_the_kind_of_data() -> None:
    body = ("Hans søster, Gry Kastrup, bor på Hybenvej 9, 4000 Roskilde og kan kontaktes på "
            "61 44 29 08. Hans datter, Ellen, går i 2. klasse. Han har fået diagnosen ADHD.\n")
    bundle = load_bundle("kommune")
    plan = analyse(HEAD + body, CLIENT, ["bolig"], analyzer=analyzer_for(ner=False))
    out = redacted(plan)
    for marker in ("[pårørende]", "[pårørendes adresse]", "[pårørendes tlf.]",
                   "[navn på barn]", "[udeladt: helbred (rhl. § 10)]"):
        assert marker in out, out
    # the markers come from the policy, not from code
    policy = bundle.policy
    assert policy.entity_marker("PHONE", "paaroerende") == "[pårørendes tlf.]"
    assert policy.categories["helbred"].marker == "[udeladt: helbred (rhl. § 10)]"
    assert policy.role_marker("barn") == "[navn på barn]"
