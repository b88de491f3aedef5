"""The review page end to end in real headless Chromium (Debian's chromium + Playwright)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from gldocs.atomic import write_text_atomic
from gldocs.document.units import apply_edits
from gldocs.redact.apply import plan_edits
from gldocs.redact.model import Plan
from gldocs.review.server import ReviewServer, ReviewSession

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]


def txt_writer(plan: Plan, out: Path) -> None:
    edits = plan_edits(plan)
    write_text_atomic(out, "\n".join(apply_edits(u.text, edits.get(u.path, []))
                                     for u in plan.units) + "\n")


@pytest.fixture
def served(tmp_path: Path, plan: Plan) -> Iterator[ReviewServer]:
    session = ReviewSession(plan, None, decisions_path=tmp_path / "afg.yaml",
                            output_path=tmp_path / "ud.txt", write_output=txt_writer)
    server = ReviewServer(session, port=0)
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    yield server
    server.close()
    thread.join(timeout=5)


@pytest.fixture
def page() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            pg = browser.new_page(viewport={"width": 1366, "height": 768})
            pg.set_default_timeout(15_000)
            yield pg
        finally:
            browser.close()


def test_restore_with_justification_and_approve(served: ReviewServer, page, plan: Plan,
                                                tmp_path: Path) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # without the token: refused, and nothing of the document is shown
    bare = page.request.get(f"http://127.0.0.1:{served.port}/")
    assert bare.status == 403
    assert page.request.get(f"http://127.0.0.1:{served.port}/api/state?token=x").status == 403

    page.goto(served.url)
    karen = next(f for f in plan.findings if f.text == "Karen Lykke Holm")
    diag = next(f for f in plan.findings if f.text == "paranoid skizofreni")
    card = page.locator(f"#card-{karen.id}")
    card.wait_for()
    assert page.locator("html").get_attribute("lang") == "da"
    # the script in the case text is shown as text, never run
    assert "<script>alert('x')</script>" in page.locator("main").inner_text()

    # § 10 needs "strengt nødvendigt": the page shows the server's refusal
    page.fill(f"#just-{diag.id}", "Kommunen vil gerne vide det")
    page.click(f"#restore-{diag.id}")
    alert = page.locator(f"#err-{diag.id}")
    alert.filter(has_text="strengt nødvendig").wait_for()

    # restore the sister's name with the keyboard: type, Tab to "Gendan tekst", Enter
    page.focus(f"#just-{karen.id}")
    page.keyboard.type("Søsteren er kontaktperson for boligen efter løsladelsen.")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == f"restore-{karen.id}"
    page.keyboard.press("Enter")
    card.filter(has_text="videregives").wait_for()
    redacted = " ".join(page.locator(".part").nth(1).locator("p.red").all_inner_texts())
    assert "Karen Lykke Holm" in redacted  # live update of the redacted text

    assert page.is_disabled("#approve")  # two findings still await a decision
    page.click("#next-pending")
    assert page.evaluate("document.activeElement.closest('.card.state-pending') !== null")
    page.click("#accept-pending")
    page.locator("#pending", has_text="Alle fund er afgjort").wait_for()
    page.fill("#caseworker", "Lone Berg")
    page.click("#approve")
    page.locator("#done", has_text="Godkendt").wait_for()
    assert served.session.approved.wait(5)
    assert errors == []

    out = (tmp_path / "ud.txt").read_text(encoding="utf-8")
    assert "Karen Lykke Holm" in out
    assert "paranoid skizofreni" not in out and "Gørtlervej" not in out
    assert "Zyprexa" not in out and "rockergruppe" not in out
    saved = yaml.safe_load((tmp_path / "afg.yaml").read_text(encoding="utf-8"))
    assert saved["sagsbehandler"] == "Lone Berg"
    assert saved["afgørelser"][karen.id]["afgørelse"] == "restore"
    assert saved["afgørelser"][karen.id]["begrundelse"].startswith("Søsteren er kontaktperson")
    zyprexa = next(f for f in plan.findings if f.text == "Zyprexa")
    assert saved["afgørelser"][zyprexa.id]["afgørelse"] == "accept"  # "accept the rest"
    assert diag.id not in saved["afgørelser"]  # the refused restore was never recorded


def test_mark_extra_text_by_selecting_it(served: ReviewServer, page, tmp_path: Path) -> None:
    page.goto(served.url)
    page.locator("p.orig").first.wait_for()
    target = page.locator('p.orig[data-path="beskrivelse.helbred"]')
    # select "hver dag" in the original text, as a caseworker would with the mouse
    page.evaluate("""(el) => {
        const node = [...el.childNodes].reverse().find((n) => n.nodeType === 3);
        const start = node.textContent.indexOf("hver dag");
        const range = document.createRange();
        range.setStart(node, start); range.setEnd(node, start + "hver dag".length);
        const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
        el.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
    }""", target.element_handle())
    assert page.input_value("#extra-text") == "hver dag"
    assert page.input_value("#extra-unit") == "beskrivelse.helbred"
    page.select_option("#extra-rule", "R5")
    page.fill("#extra-reason", "Doseringen er ikke nødvendig for kommunen")
    page.click("#extra-add")
    page.locator("#extra-list li", has_text="hver dag").wait_for()
    redacted = " ".join(page.locator(".part").nth(1).locator("p.red").all_inner_texts())
    assert "hver dag" not in redacted and "[udeladt]" in redacted
