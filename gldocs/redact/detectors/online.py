"""Online and financial identifiers: usernames and handles, profile URLs, IP addresses,
IMEI numbers, bank accounts and MobilePay box numbers (R1 data of whoever they belong to).

- ``ONLINE_ID``: ``@handle``; a profile URL (``instagram.com/…``); a username after a
  platform label ("Snapchat: josse97"), a platform or a username label (also with "er":
  "hans gamertag er NordLys_07"; "på Snapchat som
  josse_krabbe97", "brugernavn: ShadowWolf_DK", "spiller under navnet fr3ddy.g"). A word
  after a cue counts only when it looks like a handle (a digit, ``_`` or ``.`` inside, inner
  capitals, or quoted), so "arbejder som kok" is none. A word joined by underscores with a
  digit in it ("b_sjaelland_81") is a username wherever it stands.
- ``IP_ADDRESS``: IPv4 (each part 0-255) and full or ``::``-compressed IPv6.
- ``IMEI``: fifteen digits that pass the Luhn check, or any fifteen digits after "IMEI".
- ``COMPANY_ID``: a company's registration number after its label ("CVR 40 55 19 32",
  "SE-nr. 39126458"): eight digits, maybe in pairs.
- ``TRANSFER_REF``: a money transfer's reference after its label ("MTCN 719-404-2286",
  "Remitly-ref. RM4471902XQ"); a bare "ref." only in a text about a transfer.
- ``ID_NUMBER``: a person's identity or travel document number of any country after its
  label ("pas nr. C4410287", "hendes BSN (183402977)", "PPS-nr. 7294016WA"):
  six to fourteen letters and digits with five digits or more, maybe in groups; and a
  licence's or permit's number after its word and a number word ("bevillingsnr. 4-0291",
  "taxibevilling nr. 7-1183", "autorisations-id 19834"): two digits or more.
- ``VESSEL``: a boat's name and registration after a vessel word
  (:mod:`gldocs.redact.detectors.vessel`).
- ``BANK_ACCOUNT``: reg.nr. and kontonr. ("reg.nr. 9570 kontonr. 0012874411"), a kontonr.
  alone, a valid IBAN, and a MobilePay box number after "MobilePay";
  a crypto-currency wallet address: bech32 ("bc1q…") and Ethereum ("0x" and 40 hex
  digits) by their shape, a legacy base58 address ("1…"/"3…") with a valid checksum or a
  wallet word in its sentence (``wallet_cues``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from stdnum import iban as _iban
from stdnum import luhn
from stdnum.exceptions import InvalidChecksum, ValidationError

from gldocs.redact.default_words import default_words
from gldocs.redact.detectors.patterns import PatternMatch
from gldocs.redact.prefilter import required_gate, with_first_char_gate
from gldocs.redact.wordlists import WordLists, alternation, with_first_letters

ONLINE_ENTITIES = frozenset({"ONLINE_ID", "IP_ADDRESS", "IMEI", "BANK_ACCOUNT",
                             "COMPANY_ID", "TRANSFER_REF", "VESSEL", "ID_NUMBER"})

_HANDLE = r"[A-Za-z0-9ÆØÅæøå][\w.\-]{1,29}[\wæøå]"
# a remark in brackets before a label's colon ("Snapchat (kæresten): x")
_REMARK = r"(?:[ \t]*\([^()\n]{1,30}\))?"
_AT_HANDLE = re.compile(r"(?<![\w@.])@(?P<h>[A-Za-z0-9_][\w.]{1,29}[\w])(?![\w@])")
_AT_HANDLE = with_first_char_gate(_AT_HANDLE)
# "trusler fra b_sjaelland_81", "skrev til xX_ghost_99", "VoidRaptor_DK": a word joined by
# underscores with a digit or an inner capital in it is a username wherever it stands (not a
# file name: no extension follows; not a constant in capitals: MAX_LENGTH)
_UNDERSCORE_HANDLE = re.compile(
    r"(?<![\w@./\\\-])(?=[\w]*(?:\d|[a-zæøå][A-ZÆØÅ]))(?=[\w]*[A-Za-zÆØÅæøå])"
    r"[A-Za-z0-9ÆØÅæøå]+(?:_+[A-Za-z0-9ÆØÅæøå]+)+_*(?![\w@\-]|\.[A-Za-z0-9]{2,5}\b)")
_UNDERSCORE_HANDLE = with_first_char_gate(_UNDERSCORE_HANDLE)


class _Patterns:
    """The username patterns built from the policy's platform names and username words
    (``resources.identifier_words``, ``policies/lexicons/identifikatorord.yaml``): once per
    bundle (:func:`patterns_for`)."""

    def __init__(self, words: WordLists) -> None:
        platforms = words.alternation("platforms")
        self.url = re.compile(
            r"\b(?:https?://)?(?:www\.|m\.)?(?:" + platforms +
            r")\.(?:com|dk|gg|tv|me)/[\w@.\-/%?=&]+", re.IGNORECASE)
        self.url = with_first_char_gate(self.url)
        # a label, a remark in brackets perhaps ("Snapchat (kæresten): x", "Brugernavn
        # (gammelt): x"), then the username; after the definite labels a plain word is the
        # username too ("med brugernavnet shadowbyte"), a function word none ("brugernavnet
        # og koden"), so the handle must end there
        self.label = _labelled(words.alternation("username_labels"))
        self.definite_label = _labelled(words.alternation("definite_username_labels"),
                                        r"(?![\w@\-])")
        self.not_handles = words.set("not_handles")
        self.cue = re.compile(
            rf"\b(?:{words.alternation('username_cues')})"
            r"\s+[\"“”'‘’]?(?P<h>" + _HANDLE + r")[\"“”'‘’]?", re.IGNORECASE)
        # "Snapchat: josse97", "Instagram-profil: @x", "TikTok = lilla.mus": a platform as a
        # label; and without a colon after a platform's profile word ("Snapchat-navnet
        # mortenxx88", "Instagram-profilen lilla.mus er": then the value must look like one)
        self.platform_label = re.compile(
            r"\b(?:" + platforms + r")(?:[- ]?(?P<word>"
            + words.alternation("platform_label_suffixes") + r"))?" + _REMARK +
            r"(?:[ \t]+(?:er|var|hedder))?[ \t]*(?P<colon>[:=])?[ \t]*"
            r"[\"“”'‘’]?(?P<h>" + _HANDLE + r")", re.IGNORECASE)
        self.platform_label = with_first_char_gate(self.platform_label)
        # a handle in brackets right after a platform's name ("skrev på Facebook
        # (kennethravn87) at …", "Snapchat (sol.bk_04)"): when it looks like one
        self.platform_bracket = with_first_char_gate(re.compile(
            r"\b(?:" + platforms + r")(?:[- ]?(?:" + words.alternation("platform_label_suffixes")
            + r"))?[ \t]*\([ \t]*@?(?P<h>" + _HANDLE + r")[ \t]*\)", re.IGNORECASE))
        stems = "|".join(alternation((w,)) + r"\w*" for w in words["platform_context_stems"])
        self.platform_word = re.compile(
            r"\b(?:" + platforms + "|" + words.alternation("platform_context") + "|"
            + stems + r")\b", re.IGNORECASE)
        # (also "konto" alone: "via Dahabshiil, konto 7731-55820-1"; never an amount after
        # it: the policy's account_amount_units)
        number = rf"(?:(?:{words.alternation('number_words')})\.?)?"
        account = rf"(?:{words.alternation('account_labels')})\.?\s*{number}"
        # (up to 14 digits in groups: a registration number and a ten-digit account written
        # "9280 4471 026 513" after one label; a shorter run left "513" behind)
        self.account_alone = required_gate(re.compile(
            rf"\b{account}"
            r"\s*[:.]?\s*(?P<acc>\d[\d \-]{5,16}\d)\b"
            rf"(?![ \t]*(?:{words.alternation('account_amount_units')})\b|[.,]\d)",
            re.IGNORECASE))
        # a registration number and an account number ("reg.nr. 9570 kontonr. 0012874411",
        # "Reg. 1551, konto 3456789012", the account after a bare "nr.": "reg. 4410 nr.
        # 7702 113 958")
        self.account = required_gate(re.compile(
            rf"\b(?:{words.alternation('registration_labels')})\.?\s*{number}"
            r"\s*[:.]?\s*(?P<reg>\d{4})\s*[,/\-]?\s*(?:og\s+)?"
            rf"(?:{account}|(?:{words.alternation('number_words')})\.?)?\s*[:.]?\s*"
            r"(?P<acc>\d[\d \-.]{5,12}\d)\b", re.IGNORECASE))  # ("3456.789.012")
        # a MobilePay box ("MobilePay box 12345"): the payment_box_words between
        self.mobilepay_box = required_gate(re.compile(
            rf"\bmobile\s?pay\w*\s*(?:{words.alternation('payment_box_words')})?\s*[:.]?\s*"
            r"(?P<box>\d{4,6})\b(?![\s\d]*\d{2}\b)", re.IGNORECASE))
        # a version number before four numbers with dots is no IP address ("version 1.2.3.4")
        self.company_id = re.compile(with_first_letters(
            words["company_id_labels"],
            rf"(?<![\w\-])(?i:{words.alternation('company_id_labels')})"
            r"[ \t]*[:.]?[ \t]*(?P<n>\d{2}[ \t\xa0]?\d{2}[ \t\xa0]?\d{2}[ \t\xa0]?\d{2})"
            r"(?![\w\-]|[ \t]?\d)"))
        transfer_labels = words.alternation("transfer_reference_labels", r"[ \t]?")
        # (the label opens the match; a service's name joined before it, "Remitly-ref.", is
        # read by looking back: _TRANSFER_PRE)
        self.transfer_ref = required_gate(re.compile(with_first_letters(
            words["transfer_reference_labels"],
            rf"(?<![\w])(?P<label>(?i:{transfer_labels}))"
            r"[ \t]*[:.#]?[ \t]*(?P<n>(?=[A-Z0-9\-]*\d[A-Z0-9\-]*\d)[A-Z0-9]"
            r"[A-Z0-9\-]{4,24}[A-Z0-9])(?![\w\-])")))
        # a person's identity or travel document number after its label, a number word, a
        # colon, a bracket or "er" allowed between ("pas nr. C4410287", "BSN (183402977)")
        id_labels = words.alternation("id_number_labels", r"[ \t]?")
        self.id_number = re.compile(with_first_letters(
            words["id_number_labels"],
            rf"(?<![\w\-])(?i:{id_labels})(?![\w\-])"
            rf"(?:[ \t]*(?i:{words.alternation('number_words')})\.?)?"
            r"(?:[ \t]+(?:er|var|is|was|ist))?[ \t]*[:#]?[ \t]*\(?[ \t]*"
            r"(?P<n>(?=(?:[A-Z\-/ ]*\d){5})[A-Z0-9](?:[A-Z0-9]|[ \-/](?=[A-Z0-9])){5,16})"
            r"(?![\w\-])"))
        # a licence's or permit's number after its word and a number word (round 22:
        # "bevillingsnr. 4-0291", "taxibevilling nr. 7-1183", "tilladelsesnr. 55-1209",
        # "autorisations-id 19834"): the word alone or ending a compound, a linking "s",
        # then two digits or more, maybe in groups ("4-0291", "AB 4412")
        self.licence_number = re.compile(
            rf"(?<![\w\-])[^\W\d_]*?(?:{words.alternation('licence_words')})"
            r"(?:s|en|et|ens|ets)?[ \t]*-?[ \t]*(?:nr|nummer|nummeret|id|no)\b\.?"
            r"(?:[ \t]+(?:er|var))?[ \t]*[:#]?[ \t]*"
            r"(?P<n>(?:[A-ZÆØÅ]{1,3}[ \-]?)?\d(?:\d|[\-/.](?=\d)|[ ](?=\d\d)){1,16})"
            r"(?![\w\-])", re.IGNORECASE)
        self.licence_stems = tuple(w.lower() for w in words["licence_words"])
        self.weak_transfer_labels = frozenset(w.lower() for w in words["weak_transfer_labels"])
        self.transfer_context = words.cue("transfer_context_words")
        self.version_before = re.compile(
            rf"\b(?:{words.alternation('version_words')})\.?\s*$", re.IGNORECASE)
        # a phone's label right before a number ("Mobil: 24.91.60.37", "tlf. nr. …")
        self.phone_label_before = re.compile(
            rf"\b(?:{words.alternation('phone_labels')})\b\.?\s*(?:nr\.?\s*)?[:.]?\s*$",
            re.IGNORECASE)


@lru_cache(maxsize=8)
def patterns_for(words: WordLists | None) -> _Patterns:
    return _Patterns(words if words is not None else default_words("identifier_words"))

_IPV4 = re.compile(r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}"
                   r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d.]*\d)")
_IPV4 = with_first_char_gate(_IPV4)
_IPV6 = re.compile(r"(?<![\w:])(?:(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|"
                   r"(?:[0-9a-fA-F]{1,4}:){1,6}:(?:[0-9a-fA-F]{1,4}:){0,5}[0-9a-fA-F]{1,4})"
                   r"(?![\w:])")
_IMEI = re.compile(r"(?<![\d\-])(?P<d>\d{2}[ \-]?\d{6}[ \-]?\d{6}[ \-]?\d)(?![\d\-])")
_IMEI = with_first_char_gate(_IMEI)
_IMEI_LABEL = re.compile(r"\bimei\b[^\d\n]{0,20}$", re.IGNORECASE)
# (reg.nr. and kontonr., the account number after "konto" alone, the MobilePay box:
# _Patterns, from the policy)
# reg.nr. and kontonr. joined without a label ("1551-3456789012", "1551 0003456789"): four
# digits and a kontonr. padded to ten; unlabelled, so a lower score (flagged for review)
# (a registration number and an account number by a space, a hyphen or a slash, the last
# two perhaps with spaces around: "1551 - 3456789012")
_ACCOUNT_BARE = re.compile(
    r"(?<![\d\-./])(?P<reg>\d{4})(?:[ ]?[\-/][ ]?|[ ])(?P<acc>\d{10})(?![\d\-/])")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,3})?\b")
_DIGIT = re.compile(r"\d")
# a service's name joined to a reference's label ("Remitly-ref.")
_TRANSFER_PRE = re.compile(r"(?<![\w\-])[^\W\d_]+-$")
_DIGIT_DOT = re.compile(r"\d\.\d")


def _looks_like_handle(token: str, quoted: bool) -> bool:
    if quoted:
        return True
    inner = token[1:]
    return (any(c.isdigit() for c in token) or "_" in token or "." in token.strip(".")
            or (any(c.isupper() for c in inner) and any(c.islower() for c in token)))


def _stage_name(token: str) -> bool:
    """A name a person publishes under, written in capitals ("på Spotify som NANNAKØ"): four
    letters or more, all capitals (an abbreviation of two or three letters is no such name)."""
    return len(token) >= 4 and token.isalpha() and token.isupper()


def _quoted(text: str, start: int) -> bool:
    return start > 0 and text[start - 1] in "\"“”'‘’"


# the rest of a quoted profile name after its first word, up to the closing quote: more words
# (letters of any alphabet, digits, ".", "-", "'") on the same line ("under navnet "Grzegorz
# Duży"", "kalder sig "Den Sorte Ulv"")
_QUOTED_REST = re.compile(r"(?:[ \t]+[^\W_][\w.\-']{0,29}){1,4}(?=[\"“”'‘’])")


def _whole_quoted(text: str, start: int, handle: str) -> str:
    """The whole quoted profile name whose first word ``handle`` starts at ``start``: a name
    in quotes after a username cue or label is the profile's name as one piece, all of its
    words (a name of two words left its second one behind)."""
    if not _quoted(text, start):
        return handle
    end = start + len(handle)
    m = _QUOTED_REST.match(text, end)
    return handle if m is None else text[start:m.end()]


def find_online_ids(text: str, words: WordLists | None = None) -> list[PatternMatch]:
    """Usernames, handles and profile URLs in ``text``. ``words``: the policy's identifier
    words (``bundle.identifier_words``; default: the bundled kommune policy's)."""
    pats = patterns_for(words)
    found: list[PatternMatch] = []
    # (each pattern runs only where a character it needs stands: "/" of a URL, "@", ":"
    # or "=" after a platform label)
    for m in pats.url.finditer(text) if "/" in text else ():
        found.append(PatternMatch(m.start(), m.end(), m.group(0), "ONLINE_ID", 0.9,
                                  m.group(0).lower()))
    for m in _AT_HANDLE.finditer(text) if "@" in text else ():
        found.append(PatternMatch(m.start(), m.end(), m.group(0), "ONLINE_ID", 0.85,
                                  m.group("h").lower()))
    for m in pats.platform_label.finditer(text):
        h = m.group("h").rstrip(".")
        if not m.group("colon") and not (_looks_like_handle(h, _quoted(text, m.start("h")))
                                         and any(c.isalpha() for c in h)):
            # "Facebook-profilen blev lukket": no handle without a colon, unless the value
            # looks like one ("har Snapchat sisse_xo", "Instagram-profilen lilla.mus")
            continue
        if h.startswith("@") or not (h.islower() or _looks_like_handle(h, _quoted(
                text, m.start("h")))):
            continue  # "@x" is found above; "Facebook: Mette Holm" is a name (NER's)
        found.append(PatternMatch(m.start("h"), m.start("h") + len(h), h, "ONLINE_ID",
                                  0.85, h.lower()))
    for m in pats.platform_bracket.finditer(text) if "(" in text else ():
        h = m.group("h")
        if _looks_like_handle(h, False) and any(c.isalpha() for c in h) and not any(
                f.overlaps(m.start("h"), m.end("h")) for f in found):
            found.append(PatternMatch(m.start("h"), m.end("h"), h, "ONLINE_ID", 0.8,
                                      h.lower()))
    platform: bool | None = None  # a platform word in the text (looked for when needed)
    for rx, needs_platform in ((pats.label, False), (pats.cue, True)):
        pos = 0
        while (c := rx.search(text, pos)) is not None:
            h = c.group("h").rstrip(".")
            if not _looks_like_handle(h, _quoted(text, c.start("h"))) and not (
                    needs_platform and _stage_name(h)):
                # (a longer cue may start inside this one: "som kalder sig "x"")
                pos = c.start("h")
                continue
            pos = c.end()
            if needs_platform:
                if platform is None:
                    platform = bool(pats.platform_word.search(text))
                if not platform:
                    continue
            h = _whole_quoted(text, c.start("h"), h)
            found.append(PatternMatch(c.start("h"), c.start("h") + len(h), h, "ONLINE_ID",
                                      0.8, h.lower()))
    for m in pats.definite_label.finditer(text):
        h = m.group("h").rstrip(".")
        if h.lower() in pats.not_handles or not any(c.isalpha() for c in h) or any(
                f.overlaps(m.start("h"), m.start("h") + len(h)) for f in found):
            continue
        found.append(PatternMatch(m.start("h"), m.start("h") + len(h), h, "ONLINE_ID", 0.8,
                                  h.lower()))
    if "_" in text:
        for m in _UNDERSCORE_HANDLE.finditer(text):
            if not any(f.overlaps(m.start(), m.end()) for f in found):
                found.append(PatternMatch(m.start(), m.end(), m.group(0), "ONLINE_ID", 0.75,
                                          m.group(0).lower()))
    return found


def is_online_label(text: str, words: WordLists | None = None) -> bool:
    """Whether ``text`` (a field label) names a platform, profile or username."""
    return bool(patterns_for(words).platform_word.search(text))


# a Danish phone number written in pairs with dots ("24.91.60.37")
_DOTTED_PAIRS = re.compile(r"\d\d\.\d\d\.\d\d\.\d\d")


def _phone_in_pairs(pats: _Patterns, text: str, m: re.Match[str]) -> bool:
    """Four pairs of digits with dots right after a phone's label are a phone number
    ("Mobil: 24.91.60.37"), no IP address (the phone detector finds it)."""
    return _DOTTED_PAIRS.fullmatch(m.group(0)) is not None and \
        pats.phone_label_before.search(text, max(0, m.start() - 30), m.start()) is not None


def is_account_label(text: str, words: WordLists | None = None) -> bool:
    """Whether ``text`` (one word) is a bank account's label, also as the last part of a
    compound ("NemKonto", "lønkontoen"): the policy's ``account_labels``."""
    w = (words if words is not None else default_words("identifier_words"))
    return text.lower().endswith(tuple(w["account_labels"]))


def find_ip_addresses(text: str, words: WordLists | None = None) -> list[PatternMatch]:
    if not _DIGIT_DOT.search(text) and "::" not in text and text.count(":") < 7:
        return []  # IPv4 needs "1.2", IPv6 "::" or seven colons
    pats = patterns_for(words)
    found = [PatternMatch(m.start(), m.end(), m.group(0), "IP_ADDRESS", 0.9, m.group(0))
             for m in _IPV4.finditer(text)
             if not pats.version_before.search(text[max(0, m.start() - 9):m.start()])
             and not _phone_in_pairs(pats, text, m)]
    found += [PatternMatch(m.start(), m.end(), m.group(0), "IP_ADDRESS", 0.85,
                           m.group(0).lower())
              for m in _IPV6.finditer(text) if m.group(0).count(":") >= 3]
    return found


def find_imeis(text: str) -> list[PatternMatch]:
    found: list[PatternMatch] = []
    if not _DIGIT.search(text):
        return found
    for m in _IMEI.finditer(text):
        digits = re.sub(r"\D", "", m.group("d"))
        labelled = bool(_IMEI_LABEL.search(text[max(0, m.start() - 30):m.start()]))
        if labelled or luhn.is_valid(digits):
            found.append(PatternMatch(m.start(), m.end(), m.group(0), "IMEI",
                                      0.9 if labelled else 0.6, digits))
    return found


def _iban_score(value: str) -> float:
    """0.9 for a valid IBAN; 0.7 for one whose country and length are right but whose check
    digits are wrong (a typing error or an invented number is still an account: fail
    closed); 0 otherwise."""
    try:
        _iban.validate(value)
        return 0.9
    except InvalidChecksum:
        pass
    except ValidationError:
        return 0.0
    number = _iban.compact(value)
    try:  # the same number with the right check digits: country and structure must fit
        _iban.validate(number[:2] + _iban.calc_check_digits(number) + number[4:],
                       check_country=False)
    except ValidationError:
        return 0.0
    return 0.7


def find_bank_accounts(text: str, words: WordLists | None = None) -> list[PatternMatch]:
    found: list[PatternMatch] = []
    if not _DIGIT.search(text):
        return found  # every account and box number has digits
    pats = patterns_for(words)
    for m in pats.account.finditer(text):
        acc = re.sub(r"\D", "", m.group("acc"))
        if 6 <= len(acc) <= 10:
            found.append(PatternMatch(m.start(), m.end(), m.group(0), "BANK_ACCOUNT", 0.9,
                                      f"{m.group('reg')}-{acc}"))
    for m in pats.account_alone.finditer(text):
        found.append(PatternMatch(m.start("acc"), m.end("acc"), m.group("acc"),
                                  "BANK_ACCOUNT", 0.85, re.sub(r"\D", "", m.group("acc"))))
    taken = [(p.start, p.end) for p in found]
    for m in _ACCOUNT_BARE.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b in taken):
            found.append(PatternMatch(m.start(), m.end(), m.group(0), "BANK_ACCOUNT", 0.6,
                                      f"{m.group('reg')}-{m.group('acc')}"))
    for m in _IBAN.finditer(text):
        score = _iban_score(m.group(0))
        if score:
            found.append(PatternMatch(m.start(), m.end(), m.group(0), "BANK_ACCOUNT", score,
                                      _iban.compact(m.group(0))))
    for m in pats.mobilepay_box.finditer(text):
        found.append(PatternMatch(m.start("box"), m.end("box"), m.group("box"),
                                  "BANK_ACCOUNT", 0.8, "mobilepay:" + m.group("box")))
    context: bool | None = None
    for m in pats.transfer_ref.finditer(text):
        pre = _TRANSFER_PRE.search(text, max(0, m.start() - 30), m.start())
        if pre is None and m.start() > 0 and text[m.start() - 1] == "-":
            continue  # ("x-ref" inside another word: no label)
        if m.group("label").lower() in pats.weak_transfer_labels and pre is None:
            if context is None:
                context = bool(pats.transfer_context.search(text))
            if not context:
                continue  # "Vores ref.: 2026-1184": a letter's own reference
        found.append(PatternMatch(m.start("n"), m.end("n"), m.group("n"), "TRANSFER_REF",
                                  0.8, "ref:" + m.group("n")))
    for m in pats.id_number.finditer(text):
        n = m.group("n").rstrip(" ")
        if 6 <= len(re.sub(r"[ \-/]", "", n)) <= 14:
            found.append(PatternMatch(m.start("n"), m.start("n") + len(n), n, "ID_NUMBER",
                                      0.85, "id:" + re.sub(r"[ \-/]", "", n).upper()))
    low = text.lower()
    if any(stem in low for stem in pats.licence_stems):
        for m in pats.licence_number.finditer(text):
            n = m.group("n")
            if not any(f.entity == "ID_NUMBER" and f.overlaps(m.start("n"), m.end("n"))
                       for f in found):
                found.append(PatternMatch(m.start("n"), m.end("n"), n, "ID_NUMBER", 0.85,
                                          "id:" + re.sub(r"[ \-/.]", "", n).upper()))
    for m in pats.company_id.finditer(text):
        found.append(PatternMatch(m.start("n"), m.end("n"), m.group("n"), "COMPANY_ID", 0.85,
                                  "cvr:" + re.sub(r"\D", "", m.group("n"))))
    return found


_BECH32 = required_gate(re.compile(r"(?<![\w])(?:bc|tb|ltc)1[a-z0-9]{25,87}(?![\w])",
                                   re.IGNORECASE))
_ETHEREUM = required_gate(re.compile(r"(?<![\w])0x[0-9a-fA-F]{40}(?![\w])"))
_BASE58 = re.compile(r"(?<![\w])[13][a-km-zA-HJ-NP-Z1-9]{25,34}(?![\w])")
_WALLET_SENTENCE = re.compile(r"[.!?]\s+(?=[A-ZÆØÅ])|\n")


def find_wallets(text: str, words: WordLists | None = None) -> list[PatternMatch]:
    """Crypto-currency wallet addresses (BANK_ACCOUNT): bech32 and Ethereum by their shape, a
    base58 address with a valid checksum or a wallet word in its sentence. A bech32 or
    base58 address written in one case only counts with a digit in it (no plain word)."""
    from stdnum import bitcoin

    found: list[PatternMatch] = []
    if not _DIGIT.search(text):
        return found  # every wallet address has digits
    for m in (*_BECH32.finditer(text), *_ETHEREUM.finditer(text)):
        v = m.group(0)
        if v[:2].lower() != "0x" and (v != v.lower() and v != v.upper()):
            continue  # bech32 is one case throughout
        found.append(PatternMatch(m.start(), m.end(), v, "BANK_ACCOUNT", 0.85,
                                  "wallet:" + v.lower()))
    cue = (words if words is not None else default_words("identifier_words")).cue("wallet_cues")
    for m in _BASE58.finditer(text):
        v = m.group(0)
        if not (_DIGIT.search(v[1:]) and re.search("[a-z]", v) and re.search("[A-Z]", v)):
            continue
        ends = list(_WALLET_SENTENCE.finditer(text, max(0, m.start() - 160), m.start()))
        start = ends[-1].end() if ends else max(0, m.start() - 160)
        if bitcoin.is_valid(v) or cue.search(text, start, m.start()):
            found.append(PatternMatch(m.start(), m.end(), v, "BANK_ACCOUNT", 0.8, "wallet:" + v))
    return found


def find_online(text: str, words: WordLists | None = None) -> list[PatternMatch]:
    """Every online or financial identifier in ``text`` (may overlap; the engine resolves).
    ``words``: the policy's identifier words (default: the bundled kommune policy's)."""
    from gldocs.redact.detectors.vessel import find_vessels

    return (find_online_ids(text, words) + find_ip_addresses(text, words) + find_imeis(text)
            + find_bank_accounts(text, words) + find_wallets(text, words)
            + find_vessels(text, words))


def _labelled(labels: str, end: str = "") -> re.Pattern[str]:
    """A label of ``labels`` (an alternation), a remark in brackets perhaps, "er/var/
    hedder/is" and ":"/"=" perhaps, a quote perhaps, then the handle (group ``h``) and
    ``end``; gated by its first characters."""
    return with_first_char_gate(re.compile(
        rf"\b(?:{labels})\b{_REMARK}"
        r"(?:\s+(?:er|var|hedder|is))?\s*[:=]?\s*"
        r"[\"“”'‘’]?(?P<h>" + _HANDLE + r")" + end, re.IGNORECASE))
