"""Danish street addresses in running text.

Recognised: a street name (one word ending in a street suffix such as ``-gade``, ``-vej``,
``-allé``, ``-stræde``, ``-vænge``, or a few capitalised words before a separate suffix word:
``Søndre Allé``, ``H.C. Andersens Boulevard``), a house number with an optional letter
(``12B``, ``45 A``), an optional floor/side (``st.``, ``st. th.``, ``1. tv.``, ``3. sal``,
``mf.``) and an optional postnummer and town (``5000 Odense C``, ``2200 København N``).
Also ``Postboks 123`` and a postnummer with a town on its own (``5000 Odense C``).

A street name without a house number is an address only where it locates somebody's home
(``hun bor stadig på Kløvervej``, ``boede hos en bekendt, Maiken Lund, på Dæmningen i
Vejle``), not otherwise (``kiosk på Vestergade``); ordinary words are not streets because
they lack both a suffix and a house number. A town after ``i`` belongs to the address
(``Kirkevænget 3 i Bramming``).
"""

from __future__ import annotations

import re

from gldocs.redact.detectors.patterns import PatternMatch, has_digit, resolve_overlaps

ENTITY = "ADDRESS"

_UP = "A-ZÆØÅÉÜÖÄ"
_LOW = "a-zæøåéüöäè"
# Street-name endings as part of one word (Kochsgade, Tagensvej, Rughaven, Nytorv).
_SUFFIXES = (
    "gade", "gaden", "vej", "vejen", "allé", "alle", "boulevard", "plads", "pladsen", "stræde",
    "strædet", "vænge", "vænget", "parken", "park", "have", "haven", "torv", "torvet", "bakke",
    "bakken", "høj", "højen", "højvej", "løkke", "løkken", "toften", "toft", "ager", "ageren",
    "agre", "vang", "vangen", "sti", "stien", "gyde", "gyden", "passage", "kaj", "kajen",
    "brygge", "bryggen", "dal", "dalen", "hegn", "hegnet", "lund", "lunden", "marken", "engen",
    "enge", "holm", "holmen", "skoven", "strand", "stranden", "vænget", "krog", "krogen",
    "bro", "broen", "tofte", "huse", "husene", "mose", "mosen", "bakker",
    "banke", "banken", "bjerg", "bjerget", "dige", "diget", "kvarter", "kvarteret", "vold",
    "volden", "gården", "slette", "sletten", "vig", "vigen",
    "fælled", "fælleden", "plantage", "plantagen", "runddel", "bryn", "brynet", "lien",
    "lyst", "kilde", "kilden", "skrænten", "toppen", "møllen", "kæret", "draget", "stykket",
    "lodden", "hegnet", "vangen", "gårdsvej",
)
# Separate suffix words after a qualifying word (Søndre Allé, Sankt Annæ Plads).
_SUFFIX_WORDS = (
    "Allé", "Alle", "Boulevard", "Plads", "Vej", "Gade", "Stræde", "Torv", "Have", "Park",
    "Vænge", "Bakke", "Kaj", "Passage", "Vang", "Brygge", "Stræde", "Landevej", "Hovedgade",
    "Kvarter", "Dige", "Vold", "Bro", "Toft", "Høj", "Mark", "Sti",
)
# Words that may stand before a street name or a separate suffix word.
_QUALIFIERS = (
    "Gammel", "Gl.", "Ny", "Nye", "Nørre", "Søndre", "Sønder", "Vester", "Øster", "Nordre",
    "Store", "St.", "Lille", "Ll.", "Sankt", "Skt.", "Kongens", "Dronning", "Dronningens",
    "Prins", "Prinsesse", "Den", "Det", "Gamle", "Nr.", "Sdr.", "Sct.", "Vestre", "Østre", "Indre",
    "Ydre", "Kong", "Øvre", "Nedre", "Lange", "Korte",
)

_suffix_alt = "|".join(sorted({re.escape(s) for s in _SUFFIXES}, key=len, reverse=True))
_word_alt = "|".join(sorted({re.escape(s) for s in _SUFFIX_WORDS}, key=len, reverse=True))
_qual_alt = "|".join(sorted({re.escape(s) for s in _QUALIFIERS}, key=len, reverse=True))

_CAP_WORD = rf"[{_UP}][{_LOW}]+"
_GENITIVE = rf"[{_UP}][{_LOW}]+s"  # Frederiks, Andersens, Peders
_INITIALS = rf"(?:[{_UP}]\.){{1,3}}"  # H.C.
# Capitalised words that start sentences or name people's roles, never part of a street name.
_NOT_LEADS = (
    "I", "På", "Til", "Fra", "Hos", "Og", "Men", "Eller", "Han", "Hun", "De", "Den", "Det",
    "Der", "Som", "Bor", "Boede", "Adresse", "Flytter", "Efter", "Før", "Om", "Med", "Uden",
    "Se", "Nu", "Hans", "Hendes", "Deres", "Sin", "Sit", "Sine", "Mor", "Far", "Bror",
    "Søster", "Kæreste", "Ven", "Veninde", "Udlejer", "Nabo", "Naboen", "Fremover", "Siden",
    "Indtil", "Via", "Mod", "Ad", "Forbi", "Tidligere", "Seneste", "Hvis", "Dels", "Alles",
    "Andres", "Os", "Jeres", "Vores", "Mens", "Ens",
)
_not_lead_alt = "|".join(sorted((re.escape(w) for w in _NOT_LEADS), key=len, reverse=True))
_LEAD = rf"(?:(?!(?:{_not_lead_alt})\s)(?:{_qual_alt}|{_INITIALS}|{_GENITIVE}|{_CAP_WORD}-)\s?)"
# One capitalised word ending in a street suffix (Kochsgade, Åboulevard, Rughaven).
_ONE_WORD = rf"[{_UP}][{_LOW}\-]*(?:{_suffix_alt})"
# A district or town before a street word ("Amager Strandvej", "Roskilde Landevej").
_PLACE_LEAD = rf"(?:(?!(?:{_not_lead_alt})\s){_CAP_WORD}\s)"
_STREET = (
    rf"(?:(?:Ved|Over|Under|Bag|Langs|Mellem|Neden\s?for|Oven\s?for)\s{_CAP_WORD}"  # Ved Stranden
    rf"|{_LEAD}{{0,3}}{_ONE_WORD}"
    rf"|{_PLACE_LEAD}{_ONE_WORD}"
    rf"|(?:{_qual_alt}|{_INITIALS}\s?[{_UP}][{_LOW}]+s?|(?:{_CAP_WORD}-)?{_CAP_WORD})\s"
    rf"(?:{_CAP_WORD}\s)?(?:{_word_alt}))"
)
_HOUSE = rf"\d{{1,4}}(?:\s?[A-H](?![{_LOW}\w]))?(?:\s?-\s?\d{{1,4}}(?:[A-H](?!\w))?)?"
_SIDE = r"(?i:tv|th|mf)\.?"
_FLOOR = (
    rf"(?:(?i:st)\.?(?:\s?,?\s?{_SIDE})?"
    rf"|(?i:kl)(?!\.?\s?\d)\.?(?:\s?,?\s?{_SIDE})?"
    rf"|(?i:kld)\.?(?:\s?,?\s?{_SIDE})?"
    rf"|\d{{1,2}}\.?\s?(?i:sal)(?:\s?,?\s?{_SIDE})?"
    rf"|\d{{1,2}}\.?\s?{_SIDE}"
    rf"|\d{{1,2}}\.(?=\s?,?\s?\d{{4}}\s)"
    rf"|{_SIDE}"
    rf")(?:\s?,?\s?(?:dør|lejl\.?|lejlighed|værelse)\s?\d{{1,4}})?"
    rf"(?![\w{_LOW}])"
)
_DIRECTION = r"(?:C|K|N|NV|NØ|S|SV|SØ|V|Ø|Øst|Vest|Nord|Syd|Sj\.?|Strand|M|F|Mors|Falster)"
_TOWN_LEAD = r"(?:Kgs\.|Kongens|Høje|Nørre|Søndre|Sønder|Vester|Øster|Store|Lille|Ny|Gl\.)"
_TOWN = (
    rf"(?:{_TOWN_LEAD}\s)?[{_UP}][{_LOW}]+(?:-[{_UP}]?[{_LOW}]+)?"
    rf"(?:\s{_DIRECTION}(?![\w{_LOW}]))?"
)
_POSTAL = rf"(?P<postnr>[1-9]\d{{3}})[ \t\xa0]{{1,3}}(?P<town>{_TOWN})"
# Between the parts of an address: a comma and/or spaces, or a line break (letter headers).
_GAP = r"(?:[ \t\xa0]{0,3},?[ \t\xa0]{0,3}\n?[ \t\xa0]{0,3})"

# "Kirkevænget 3 i Bramming", "Vestergade i Korsør": the town after "i" belongs to the address
_IN_TOWN = rf"[ \t]+i[ \t]+(?!(?:{_not_lead_alt})\b){_TOWN}(?![\w{_LOW}])"

STREET_ADDRESS_RE = re.compile(
    rf"(?<![\w{_LOW}])(?P<street>{_STREET})[ \t\xa0]{{1,3}}(?P<house>{_HOUSE})(?![\w.,]\d|\d)"
    rf"(?P<floor>{_GAP}{_FLOOR})?"
    rf"(?:(?P<post>{_GAP}{_POSTAL})|(?P<in_town>{_IN_TOWN}))?"
)
POSTBOX_RE = re.compile(
    rf"(?<![\w{_LOW}])(?:[Pp]ostboks|[Pp]\.?\s?[Bb]oks|P\.O\.\s?Box)\s\d{{1,5}}"
    rf"(?P<post>{_GAP}{_POSTAL})?"
)
POSTAL_TOWN_RE = re.compile(rf"(?<![\w.,\-]){_POSTAL}(?![\w{_LOW}])")
# Words that follow a number but are not towns ("5000 Kroner", "1200 Timer").
_NOT_TOWNS = frozenset({"Kroner", "Kr", "Timer", "Dage", "Personer", "Kommune", "Euro"})


def _town_ok(postnr: str, town: str) -> bool:
    """A postnummer with a town: years (1900-2099) only pass as Frederiksberg's codes."""
    if town.split()[0] in _NOT_TOWNS:
        return False
    code = int(postnr)
    if 1900 <= code <= 2099:
        return code <= 2000 and town.startswith("Frederiksberg")
    return True


def _normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


_ALL_CAPS_WORD = re.compile(rf"(?<![\w{_LOW}])[{_UP}]{{2,}}(?![\w{_LOW}])")
_POSTAL_DIRECTIONS = frozenset({"NV", "NØ", "SV", "SØ"})


def _title_case_caps(text: str) -> str:
    """ALL-CAPS words title-cased, offsets unchanged ("KOCHSGADE 31" reads as "Kochsgade 31").

    Two-letter postal directions (NV, SØ) stay as they are.
    """
    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if word in _POSTAL_DIRECTIONS:
            return word
        titled = word.capitalize()
        return titled if len(titled) == len(word) else word

    return _ALL_CAPS_WORD.sub(fix, text)


# A bare street name where it locates somebody's home ("hun bor stadig på Kløvervej",
# "overnatter hos vennen på Rosenvej"): an address even without a house number.
# The words between the verb and "på" may hold a host and a comma ("boede hos en bekendt,
# Maiken Lund, på Dæmningen i Vejle"); a street name without a street suffix counts when
# its town follows ("på Dæmningen i Vejle").
# One lives "på" a street but "i" a town ("bor i Roskilde", "i Hørsholm", "i Holstebro": the
# town's ending is no street suffix there); "i" takes only a -gade/-stræde street ("bor i
# Vestergade").
_I_STREET = rf"[{_UP}][{_LOW}\-]*(?:gade|gaden|stræde|strædet|gyde|gyden)(?![\w{_LOW}])"
_HOME_STREET = re.compile(
    rf"\b(?:bor|boede|boet|bo|flyttet|flyttede|flytter|overnatter|overnattede|opholder\s+sig|"
    rf"holder\s+til|har\s+adresse|adresse|driver|lejer|lejede|lejet|fremlejer|fremlejet|"
    rf"logerer|logerede|sover|sov|indlogeret|indkvarteret)\s+(?:[\w{_LOW}{_UP}\-]+,?\s+){{0,6}}?"
    rf"(?:på|i(?=\s+{_I_STREET}))\s+(?P<street>(?:{_ONE_WORD}|{_CAP_WORD}(?={_IN_TOWN}))"
    rf"(?P<in_town>{_IN_TOWN})?)(?![\w{_LOW}]|\s*\d)")


# Addresses abroad in letters and transfer summaries, by the street words of each language:
# British/American, number first ("14 Ashworth Road, Leeds LS12 3QT", with a district before
# the city: "14 Adeola Odeku Street, Victoria Island, Lagos"); German, Austrian and
# Swiss ("Lindenstraße 12, 10115 Berlin", "Friesische Straße 88, 24937 Flensburg", "Am
# Markt 3"); Swedish and Norwegian ("Storgatan 12, 123 45 Malmö", "Kirkeveien 5"); Polish
# ("ul. Marszałkowska 12/4, 00-590 Warszawa"); French ("12 rue de la Paix, 75002 Paris");
# Italian, Spanish and Portuguese ("Via Garibaldi 5, 00100 Roma", "Calle Mayor 3").
_EN_STREET_WORDS = (r"Road|Street|Avenue|Lane|Close|Drive|Way|Crescent|Gardens|Place|Terrace|"
                    r"Court|Square|Grove|Hill|Row|Walk|Rd|St|Ave")
_UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}"
_W = rf"[{_UP}][{_LOW}ßąćęłńóśźżšžčřěůýíáúőűâêîôûàèùëïç'’\-]+"  # a capitalised word abroad
_TOWN_ABROAD = rf"{_W}(?:[ \t]+(?:am|an|im|[{_UP}][{_LOW}]+)(?:[ \t]+{_W})?)?"
_DE_SUFFIX = r"(?:straße|strasse|str\.|weg|gasse|platz|allee|damm|ufer|chaussee)"
_DE_WORD = r"(?:Straße|Strasse|Str\.|Weg|Gasse|Platz|Allee|Ring|Damm|Ufer|Chaussee|Steig|Markt)"
_NUMBER_ABROAD = r"\d{1,4}[a-zA-Z]?(?:[ \t]?[-/][ \t]?\d{1,4})?"
ABROAD_ADDRESS_RE = re.compile(
    rf"(?<![\w{_LOW}])\d{{1,4}}[A-Za-z]?[ \t]+(?:[{_UP}][{_LOW}]+[ \t]+){{1,3}}"
    rf"(?:{_EN_STREET_WORDS})\b(?:,?[ \t]+[{_UP}][{_LOW}]+(?:[ \t]+[{_UP}][{_LOW}]+)?)?"
    # a district and then the city ("14 Adeola Odeku Street, Victoria Island, Lagos")
    rf"(?:,[ \t]+[{_UP}][{_LOW}]+(?:[ \t]+[{_UP}][{_LOW}]+)?)?"
    rf"(?:,?[ \t]+{_UK_POSTCODE})?"
    # German: one word with the street ending, or words before a street word
    rf"|(?<![\w{_LOW}])(?:[{_UP}][{_LOW}ß]+{_DE_SUFFIX}"
    rf"|(?:[{_UP}][{_LOW}ß]+-)+{_DE_WORD}"
    rf"|(?:(?:Am|An[ \t]der|Auf[ \t]der|Im|In[ \t]der|Zum|Zur)[ \t]+)?"
    rf"(?:[{_UP}][{_LOW}ß]+(?:e|er|es|en)[ \t]+)?{_W}[ \t]+{_DE_WORD}(?![\w{_LOW}])"
    rf"|(?:Am|An[ \t]der|Auf[ \t]der|Im|In[ \t]der|Zum|Zur)[ \t]+{_DE_WORD}(?![\w{_LOW}]))"
    rf"[ \t]+{_NUMBER_ABROAD}(?:,?[ \t]+(?:D-|A-|CH-)?\d{{4,5}}[ \t]+{_TOWN_ABROAD})?"
    # Swedish and Norwegian: one word with the street ending
    rf"|(?<![\w{_LOW}])[{_UP}][{_LOW}]+(?:gatan|vägen|gränd|gränden|torget|stigen|backen|"
    rf"gata|gaten|veien|vegen|vei|veg)[ \t]+{_NUMBER_ABROAD}"
    rf"(?:,?[ \t]+(?:S-|N-)?\d{{3}}[ \t]?\d{{1,2}}[ \t]+{_TOWN_ABROAD})?"
    # Polish: "ul."/"al."/"os." before the street name
    rf"|(?<![\w{_LOW}])(?:(?:ul|al|os|pl)\.[ \t]*|(?:[Uu]lica|[Aa]leja|[Oo]siedle|[Pp]lac)[ \t]+)"
    rf"(?:{_W}[ \t]+){{0,2}}{_W}[ \t]+{_NUMBER_ABROAD}"
    rf"(?:,?[ \t]+\d{{2}}-\d{{3}}[ \t]+{_TOWN_ABROAD})?"
    # any street and number before a Polish postcode and a town ("Długa 14, 80-827 Gdańsk")
    rf"|(?<![\w{_LOW}])(?:{_W}[ \t]+){{0,2}}{_W}[ \t]+{_NUMBER_ABROAD},[ \t]+\d{{2}}-\d{{3}}"
    rf"[ \t]+{_TOWN_ABROAD}"
    # French: number, a street word, the name
    rf"|(?<![\w{_LOW}])\d{{1,4}}(?:[ \t]?(?:bis|ter))?,?[ \t]+(?:rue|avenue|boulevard|bd|place|"
    rf"chemin|allée|impasse|quai|cours|route)[ \t]+(?:(?:de|du|des|la|le|l['’]|d['’])[ \t]*)*"
    rf"{_W}(?:[ \t]+{_W}){{0,2}}(?:,?[ \t]+\d{{5}}[ \t]+{_TOWN_ABROAD})?"
    # Italian, Spanish, Portuguese: a street word, the name, the number
    rf"|(?<![\w{_LOW}])(?:Via|Viale|Piazza|Corso|Calle|Avenida|Paseo|Plaza|Rua|Travessa)[ \t]+"
    rf"(?:(?:de|del|della|di|da|do|dos|das|la)[ \t]+)*{_W}(?:[ \t]+{_W}){{0,2}},?[ \t]+"
    rf"{_NUMBER_ABROAD}(?:,?[ \t]+\d{{4,5}}[ \t]+{_TOWN_ABROAD})?")


# "Bakkekammen 8, Tølløse", "Lupinvej 14, 1. th., Herning": a street (any capitalised
# words) and house number, a comma and a town without postnummer: an address when the town
# is a known place (the policy's place list)
_STREET_COMMA_TOWN = re.compile(
    rf"(?<![\w{_LOW}])(?!(?:{_not_lead_alt})\s)(?:{_CAP_WORD}[ \t]+){{0,2}}{_CAP_WORD}"
    rf"[ \t]+{_HOUSE}(?![\w.,]\d|\d)(?:{_GAP}{_FLOOR})?,[ \t]*(?P<town>{_TOWN})(?![\w{_LOW}])")


def find_addresses(text: str, places: frozenset[str] = frozenset()) -> list[PatternMatch]:
    """Every Danish street address, postbox or postnummer+town in ``text``, sorted.

    Addresses in capitals (letter headers, "KOCHSGADE 31, 5000 ODENSE C") are found too.
    ``places``: known town names; a street and number followed by a comma and one of them
    is an address even without a postnummer.
    """
    found: list[PatternMatch] = []
    if _ALL_CAPS_WORD.search(text):
        caps = _title_case_caps(text)
        found += [PatternMatch(m.start, m.end, text[m.start:m.end], m.entity, m.score,
                               _normalize(text[m.start:m.end]))
                  for m in _find_in(caps, places)]
    found += _find_in(text, places)
    return [_with_care_of(text, m) for m in resolve_overlaps(found)]


# "c/o Hansen, Ahornvej 3, 8000 Aarhus C": the host the post goes through is part of the
# address (a private person's name, as private as the street)
_CARE_OF = re.compile(rf"(?<![\w{_LOW}])[cC]/[oO][ \t]+(?:[{_UP}][\w{_LOW}\-]*\.?,?[ \t]*){{0,4}}$")


def _with_care_of(text: str, m: PatternMatch) -> PatternMatch:
    """``m`` with a "c/o NAME," right before it taken along."""
    if "/" not in text[max(0, m.start - 60):m.start]:
        return m
    c = _CARE_OF.search(text, max(0, m.start - 60), m.start)
    if c is None:
        return m
    span = text[c.start():m.end]
    return PatternMatch(c.start(), m.end, span, m.entity, m.score, _normalize(span))


def _find_in(text: str, places: frozenset[str] = frozenset()) -> list[PatternMatch]:
    found: list[PatternMatch] = []
    if not has_digit(text):  # every form but a home street has a house number or postnummer
        return _home_streets(text)
    if places and "," in text:
        for m in _STREET_COMMA_TOWN.finditer(text):
            town = m.group("town")
            if town in places or town.split()[0] in places:
                found.append(PatternMatch(m.start(), m.end(), m.group(0), ENTITY, 0.9,
                                          _normalize(m.group(0))))
    for m in STREET_ADDRESS_RE.finditer(text):
        end = m.end()
        score = 0.85
        if m.group("post"):
            if _town_ok(m.group("postnr"), m.group("town")):
                score = 0.95
            else:
                end = m.end("floor") if m.group("floor") else m.end("house")
        span = text[m.start():end]
        found.append(PatternMatch(m.start(), end, span, ENTITY, score, _normalize(span)))
    for m in ABROAD_ADDRESS_RE.finditer(text):
        found.append(PatternMatch(m.start(), m.end(), m.group(0), ENTITY, 0.85,
                                  _normalize(m.group(0))))
    for m in POSTBOX_RE.finditer(text):
        end = m.end()
        if m.group("post") and not _town_ok(m.group("postnr"), m.group("town")):
            end = m.start("post")
        span = text[m.start():end]
        found.append(PatternMatch(m.start(), end, span, ENTITY, 0.85, _normalize(span)))
    found += _home_streets(text)
    for m in POSTAL_TOWN_RE.finditer(text):
        if _town_ok(m.group("postnr"), m.group("town")):
            start = _street_before_postal(text, m.start())
            span = text[start:m.end()]
            found.append(PatternMatch(start, m.end(), span, ENTITY,
                                      0.9 if start < m.start() else 0.6, _normalize(span)))
    return found


def _home_streets(text: str) -> list[PatternMatch]:
    """Bare street names where they locate somebody's home (:data:`_HOME_STREET`)."""
    return [PatternMatch(m.start("street"), m.end("street"), m.group("street"), ENTITY, 0.7,
                         _normalize(m.group("street"))) for m in _HOME_STREET.finditer(text)]


# "Hyldespjældet 74, st. th., 2620 Albertslund": a street without a known suffix is still the
# street when a house number (and floor/side) stands right before the postnummer
_STREET_BEFORE_POSTAL = re.compile(
    rf"(?:{_CAP_WORD}[ \t]+){{0,2}}{_CAP_WORD}[ \t]+\d{{1,4}}[ \t]?[A-Za-z]?"
    rf"(?:,?[ \t]*(?:st\.|kl\.|\d{{1,2}}\.)(?:[ \t]*(?:th|tv|mf)\.?)?)?,?[ \t]*$")


def _street_before_postal(text: str, postal_start: int) -> int:
    m = _STREET_BEFORE_POSTAL.search(text[max(0, postal_start - 60):postal_start])
    return max(0, postal_start - 60) + m.start() if m else postal_start
