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
from functools import lru_cache

from gldocs.redact.default_words import default_words
from gldocs.redact.detectors.patterns import PatternMatch, has_digit, resolve_overlaps
from gldocs.redact.prefilter import required_gate, with_first_char_gate
from gldocs.redact.wordlists import WordLists, alternation
from gldocs.text.alternation import whole_word

ENTITY = "ADDRESS"

_UP = "A-ZÆØÅÉÜÖÄ"
_LOW = "a-zæøåéüöäè"
_CAP_WORD = rf"[{_UP}][{_LOW}]+"
_GENITIVE = rf"[{_UP}][{_LOW}]+s"  # Frederiks, Andersens, Peders
_INITIALS = rf"(?:[{_UP}]\.){{1,3}}"  # H.C.
# a house number, maybe a letter (a capital, or a small one right after it: "58b") or a range
_HOUSE = (rf"\d{{1,4}}(?:\s?[A-H](?![{_LOW}\w])|[a-h](?![{_LOW}\w]))?"
          rf"(?:\s?-\s?\d{{1,4}}(?:[A-H](?!\w))?)?")
# Between the parts of an address: a comma and/or spaces, or a line break (letter headers).
_GAP = r"(?:[ \t\xa0]{0,3},?[ \t\xa0]{0,3}\n?[ \t\xa0]{0,3})"
_UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}"
# a capitalised word abroad
_W = rf"[{_UP}ȘŞȚŢĂÂÎ][{_LOW}ßąćęłńóśźżšžčřěůýíáúőűâêîôûàèùëïçășşțţ'’\-]+"
_TOWN_ABROAD = rf"{_W}(?:[ \t]+(?:am|an|im|[{_UP}][{_LOW}]+)(?:[ \t]+{_W})?)?"
_NUMBER_ABROAD = r"\d{1,4}[a-zA-Z]?(?:[ \t]?[-/][ \t]?\d{1,4})?"
# a capital letter of the Latin, Greek and Cyrillic scripts (a street name abroad)
_ANY_UP = "A-ZÀ-ÖØ-ÞĀ-ſȘ-țΑ-ΩА-ЯЁЄІЇҐ"
_ALL_CAPS_WORD = re.compile(rf"(?<![\w{_LOW}])[{_UP}]{{2,}}(?![\w{_LOW}])")


# words that link a clause, never inside a street's name ("Femke på Schiekade 27-III", "i uge
# 12"): a street abroad told by its postcode has none of them
_LINK_WORDS = (r"(?:på|i|hos|til|ved|og|eller|fra|med|for|af|om|under|over|bor|boede|"
               r"uge|kl|nr|som|der|den|det|at|er|var|har|en|et)")
# A Korean road-name address: building number and road ("55 Haeundaehaebyeon-ro", "12
# Teheran-ro 8-gil"), maybe a flat ("1408-ho, ") or a building ("101-dong") before, the
# district and the city after ("…, Haeundae-gu, Busan"); the endings are the road-name
# address act's (도로명주소: -ro, -gil, -daero; districts -gu, -si, -gun, -dong, -eup, -myeon)
_KOREAN_ADDRESS = re.compile(
    r"(?<![\w\-])(?:\d{1,5}-(?:ho|dong),?[ \t]+){0,2}\d{1,5}(?:-\d{1,3})?[ \t]+"
    r"[A-Z][a-z]+(?:-[a-z]+)?-(?:ro|gil|daero)(?:[ \t]+\d{1,3}(?:beon)?-gil)?(?![\w\-])"
    r"(?:,[ \t]+[A-Z][a-z]+-(?:gu|si|gun|dong|eup|myeon)(?![\w\-])){0,3}"
    r"(?:,[ \t]+[A-Z][a-z]+(?=[ \t]*(?:[;.)]|$)))?", re.MULTILINE)
# a house's number by its label, as Ghana, Nigeria and India write it ("House No.
# AK-224-1187": a GhanaPost digital address; "Plot No. 14B", "H/No. 12-3-45")
_HOUSE_LABEL = re.compile(
    r"(?<![\w])(?:House|Plot|Flat|Apartment|Apt\.|H/)[ \t]*(?:No|Nr|Number)\.?[ \t]*:?[ \t]*"
    r"[A-Z0-9](?=[A-Z\-/]*\d)[A-Z0-9\-/]{0,15}[A-Z0-9](?![\w])", re.IGNORECASE)
# what every postcode_address holds: a comma, then a postcode abroad and a capital (the
# pattern runs only where one stands)
_POSTCODE_GATE = re.compile(r",[ \t]+(?:\d{5}|\d{4}[ \t]?[A-Z]{2})[ \t]+[A-ZÆØÅÀ-ÞȘŞȚŢĂÂÎ]")
# an Irish Eircode ("D03 KX59") or a British postcode after an address, maybe after a
# Dublin district's number (", Dublin 3, D03 KX59")
_POSTCODE_AFTER = re.compile(
    r"(?:[ \t]\d{1,2})?,?[ \t]+(?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ \t]?[AC-FHKNPRTV-Y0-9]{4}"
    r"(?![\w])")

# a village between the street and the postnummer in a rural address ("Skovvej 12, Nørre
# Nissum, 7620 Lemvig")
_VILLAGE = rf"[{_UP}][{_LOW}]+(?:[ \t\-][{_UP}][{_LOW}]+)?"


class _Patterns:
    """The address patterns built from a policy's address words (``resources.address_words``,
    ``policies/lexicons/adresseord.yaml``): once per bundle (:func:`patterns_for`)."""

    def __init__(self, words: WordLists) -> None:
        suffix_alt = words.alternation("street_suffixes")
        word_alt = words.alternation("street_suffix_words")
        qual_alt = words.alternation("street_qualifiers")
        not_lead_alt = words.alternation("not_street_leads")
        self.not_towns = words.set("not_towns")
        # Two-letter postal directions in capitals (NV, SØ) stay as they are in capitals.
        self.postal_directions = frozenset(d for d in words["town_directions"]
                                           if len(d) == 2 and d.isupper())
        lead = (rf"(?:(?!(?:{not_lead_alt})\s)(?:{qual_alt}|{_INITIALS}|{_GENITIVE}"
                rf"|{_CAP_WORD}-)\s?)")
        # One capitalised word ending in a street suffix (Kochsgade, Åboulevard, Rughaven).
        one_word = rf"[{_UP}][{_LOW}\-]*(?:{suffix_alt})"
        # A district or town before a street word ("Amager Strandvej", "Roskilde Landevej").
        place_lead = rf"(?:(?!(?:{not_lead_alt})\s){_CAP_WORD}\s)"
        preposition = words.alternation("street_prepositions", r"\s?")
        street = (
            rf"(?:(?:{preposition})\s{_CAP_WORD}"  # Ved Stranden
            rf"|{lead}{{0,3}}{one_word}"
            rf"|{place_lead}{one_word}"
            rf"|(?:{qual_alt}|{_INITIALS}\s?[{_UP}][{_LOW}]+s?|(?:{_CAP_WORD}-)?{_CAP_WORD})\s"
            rf"(?:{_CAP_WORD}\s)?(?:{word_alt}))"
        )
        ground = words.alternation("ground_floors")
        basement = words.alternation("basement_floors")
        floor_word = words.alternation("floor_words")
        side = rf"(?i:{words.alternation('floor_sides')})\.?"
        floor = (
            rf"(?:(?i:{ground})\.?(?:\s?,?\s?{side})?"
            rf"|(?i:{basement})(?!\.?\s?\d)\.?(?:\s?,?\s?{side})?"
            rf"|\d{{1,2}}\.?\s?(?i:{floor_word})(?:\s?,?\s?{side})?"
            rf"|\d{{1,2}}\.?\s?{side}"
            rf"|\d{{1,2}}\.(?=\s?,?\s?\d{{4}}\s)"
            rf"|{side}"
            rf")(?:\s?,?\s?(?:{words.alternation('flat_words')})\s?\d{{1,4}})?"
            rf"(?![\w{_LOW}])"
        )
        direction = rf"(?:{words.alternation('town_directions')})"
        town = (
            rf"(?:(?:{words.alternation('town_leads')})\s)?[{_UP}][{_LOW}]+(?:-[{_UP}]?[{_LOW}]+)?"
            rf"(?:\s{direction}(?![\w{_LOW}]))?"
        )
        postal = rf"(?P<postnr>[1-9]\d{{3}})[ \t\xa0]{{1,3}}(?P<town>{town})"
        # "Kirkevænget 3 i Bramming", "Vestergade i Korsør": the town after "i" belongs to
        # the address
        in_town = rf"[ \t]+i[ \t]+(?!(?:{not_lead_alt})\b){town}(?![\w{_LOW}])"
        # (each pattern opens with a lookahead for the characters a match can start with:
        # re then skips every other position at once instead of trying the alternatives)
        starts = _first_letters(words["street_prepositions"], words["street_qualifiers"])
        # a number before a unit is an amount ("flyttet til Esbjerg 4 måneder før")
        no_unit = (rf"(?![ \t\xa0]+(?i:{words.alternation('not_after_house_number')})"
                   rf"(?![\w{_LOW}]))")
        self.street_address = re.compile(
            rf"(?=[{_UP}{starts}])"
            rf"(?<![\w{_LOW}])(?P<street>{street})[ \t\xa0]{{1,3}}(?P<house>{_HOUSE})"
            rf"(?![\w.,]\d|\d){no_unit}"
            rf"(?P<floor>{_GAP}{floor})?"
            rf"(?:(?P<post>{_GAP}(?:{_VILLAGE}[ \t]*,[ \t]*)?{postal})|(?P<in_town>{in_town}))?"
        )
        self.postbox = required_gate(re.compile(
            rf"(?<![\w{_LOW}])(?:[Pp]ostboks|[Pp]\.?\s?[Bb]oks|P\.O\.\s?Box)\s\d{{1,5}}"
            rf"(?P<post>{_GAP}{postal})?"
        ))
        self.postal_town = re.compile(rf"(?=[1-9])(?<![\w.,\-]){postal}(?![\w{_LOW}])")
        # "Hyldespjældet 74, st. th., 2620 Albertslund", "Nørreport 19, 1. sal, 6200
        # Aabenraa": a street without a known suffix is still the street when a house number
        # (and floor/side) stands right before the postnummer
        self.street_before_postal = re.compile(
            rf"(?:{_CAP_WORD}[ \t]+){{0,2}}{_CAP_WORD}[ \t]+\d{{1,4}}[ \t]?[A-Za-z]?"
            rf"(?:,?[ \t]*(?:(?:{ground}|{basement})\.|\d{{1,2}}\.(?:[ \t]?(?:{floor_word}))?)"
            rf"(?:[ \t]*(?:{words.alternation('floor_sides')})\.?)?)?,?[ \t]*"
            rf"(?:{_VILLAGE}[ \t]*,[ \t]*)?$")
        # A bare street name where it locates somebody's home ("hun bor stadig på
        # Kløvervej", "overnatter hos vennen på Rosenvej"): an address even without a house
        # number. The words between the verb and "på" may hold a host and a comma ("boede
        # hos en bekendt, Maiken Lund, på Dæmningen i Vejle"); a street name without a
        # street suffix counts when its town follows ("på Dæmningen i Vejle").
        # One lives "på" a street but "i" a town ("bor i Roskilde", "i Hørsholm", "i
        # Holstebro": the town's ending is no street suffix there); "i" takes only a
        # -gade/-stræde street ("bor i Vestergade").
        i_street = (rf"[{_UP}][{_LOW}\-]*(?:{words.alternation('i_street_suffixes')})"
                    rf"(?![\w{_LOW}])")
        self.home_street = re.compile(
            rf"\b(?:{words.alternation('home_verbs')})\s+"
            rf"(?:[\w{_LOW}{_UP}\-]+,?\s+){{0,6}}?"
            rf"(?:(?:på|i(?=\s+{i_street}))\s+(?P<street>(?:{one_word}|{_CAP_WORD}(?={in_town}))"
            rf"(?P<in_town>{in_town})?)"
            # "bor hos ex-kæresten Lone Dahl, Ringkøbingvej [ulæseligt]": the host's street
            # right after a comma (a word with a street suffix only)
            rf"|(?<=,[ \t])(?P<host_street>{one_word}))(?![\w{_LOW}]|\s*\d)")
        # Addresses abroad in letters and transfer summaries, by the street words of each
        # language: British/American, number first ("14 Ashworth Road, Leeds LS12 3QT", with a
        # district before the city: "14 Adeola Odeku Street, Victoria Island, Lagos");
        # German, Austrian and Swiss ("Lindenstraße 12, 10115 Berlin", "Friesische Straße
        # 88, 24937 Flensburg", "Am Markt 3"); Swedish and Norwegian ("Storgatan 12, 123 45
        # Malmö", "Kirkeveien 5"); Polish ("ul. Marszałkowska 12/4, 00-590 Warszawa");
        # French ("12 rue de la Paix, 75002 Paris"); Italian, Spanish and Portuguese ("Via
        # Garibaldi 5, 00100 Roma", "Calle Mayor 3").
        de_suffix = rf"(?:{words.alternation('de_street_suffixes')})"
        de_word = rf"(?:{words.alternation('de_street_words')})"
        de_article = "(?:" + words.alternation("de_street_articles", "[ \t]") + ")"
        # "nr." or "no." before a house number abroad ("Strada Brestei nr. 114")
        number_label = rf"(?:(?:{words.alternation('house_number_labels')})\.?[ \t]*)?"
        self.abroad_address = re.compile(
            rf"(?<![\w{_LOW}])\d{{1,4}}[A-Za-z]?[ \t]+(?:[{_UP}][{_LOW}]+[ \t]+){{1,3}}"
            rf"(?:{words.alternation('en_street_words')})\b"
            rf"(?:,?[ \t]+[{_UP}][{_LOW}]+(?:[ \t]+[{_UP}][{_LOW}]+)?)?"
            # a district and then the city ("14 Adeola Odeku Street, Victoria Island, Lagos")
            rf"(?:,[ \t]+[{_UP}][{_LOW}]+(?:[ \t]+[{_UP}][{_LOW}]+)?)?"
            rf"(?:,?[ \t]+{_UK_POSTCODE})?"
            # German: one word with the street ending, or words before a street word
            rf"|(?<![\w{_LOW}])(?:[{_UP}][{_LOW}ß]+{de_suffix}"
            rf"|(?:[{_UP}][{_LOW}ß]+-)+{de_word}"
            rf"|(?:{de_article}[ \t]+)?"
            rf"(?:[{_UP}][{_LOW}ß]+(?:e|er|es|en)[ \t]+)?{_W}[ \t]+{de_word}(?![\w{_LOW}])"
            rf"|{de_article}[ \t]+{de_word}(?![\w{_LOW}]))"
            rf"[ \t]+{_NUMBER_ABROAD}(?:,?[ \t]+(?:D-|A-|CH-)?\d{{4,5}}[ \t]+{_TOWN_ABROAD})?"
            # Swedish and Norwegian: one word with the street ending
            rf"|(?<![\w{_LOW}])[{_UP}][{_LOW}]+(?:{words.alternation('nordic_street_suffixes')})"
            rf"[ \t]+{_NUMBER_ABROAD}"
            rf"(?:,?[ \t]+(?:S-|N-)?\d{{3}}[ \t]?\d{{1,2}}[ \t]+{_TOWN_ABROAD})?"
            # Polish: "ul."/"al."/"os." before the street name
            rf"|(?<![\w{_LOW}])(?:(?:{words.alternation('pl_street_abbreviations')})\.[ \t]*"
            rf"|(?:{words.alternation('pl_street_words')})[ \t]+)"
            rf"(?:{_W}[ \t]+){{0,2}}{_W}[ \t]+{_NUMBER_ABROAD}"
            rf"(?:,?[ \t]+\d{{2}}-\d{{3}}[ \t]+{_TOWN_ABROAD})?"
            # any street and number before a Polish postcode and a town ("Długa 14, 80-827
            # Gdańsk")
            rf"|(?<![\w{_LOW}])(?:{_W}[ \t]+){{0,2}}{_W}[ \t]+{_NUMBER_ABROAD},[ \t]+"
            rf"\d{{2}}-\d{{3}}[ \t]+{_TOWN_ABROAD}"
            # French: number, a street word, the name
            rf"|(?<![\w{_LOW}])\d{{1,4}}(?:[ \t]?(?:bis|ter))?,?[ \t]+"
            rf"(?:{words.alternation('fr_street_words')})[ \t]+"
            rf"(?:(?:{words.alternation('fr_articles')})[ \t]*)*"
            rf"{_W}(?:[ \t]+{_W}){{0,2}}(?:,?[ \t]+\d{{5}}[ \t]+{_TOWN_ABROAD})?"
            # Italian, Spanish, Portuguese: a street word, the name, the number
            rf"|(?<![\w{_LOW}])(?:{words.alternation('south_street_words')})[ \t]+"
            rf"(?:(?:{words.alternation('south_articles')})[ \t]+)*{_W}(?:[ \t]+{_W}){{0,2}},?"
            rf"[ \t]+{number_label}{_NUMBER_ABROAD}(?:,?[ \t]+\d{{4,6}}[ \t]+{_TOWN_ABROAD})?")
        # What every form of abroad_address holds (a street word of its language where
        # the pattern writes it, or a Polish postcode): a text without one is not searched
        # (the pattern's many alternatives cost a scan at every position). Each piece is a
        # run of the pattern's own alternatives, so a match of the pattern holds a match
        # of the gate.
        self.abroad_gate = re.compile(
            rf"[ \t](?:{words.alternation('en_street_words')})\b"
            rf"|[{_LOW}ß](?:{words.alternation('de_street_suffixes')})[ \t]+\d"
            rf"|-{de_word}[ \t]+\d"
            rf"|[ \t]{de_word}(?![\w{_LOW}])[ \t]+\d"
            rf"|[{_LOW}](?:{words.alternation('nordic_street_suffixes')})[ \t]+\d"
            rf"|(?<![\w{_LOW}])(?:(?:{words.alternation('pl_street_abbreviations')})\."
            rf"|(?:{words.alternation('pl_street_words')})[ \t])"
            rf"|,[ \t]+\d{{2}}-\d{{3}}[ \t]"
            rf"|[ \t](?:{words.alternation('fr_street_words')})[ \t]"
            rf"|(?<![\w{_LOW}])(?:{words.alternation('south_street_words')})[ \t]")
        # A street-like word and a house number where a cue before it in the sentence
        # places a home or names an address ("mette bor på tvedvej 14", "Hun bor hos sin
        # mor i Brøndby Strand, Horsedammen 44", "Adresse: Horsedammen 44"): the street
        # may lack a known ending or a capital; the number ends the clause or a floor, a
        # flat or a town follows. Words that name a room, a unit, a rule or a time with a
        # number ("bor på Hus 3", "flyttet til afdeling 2", "uge 3") are no street.
        cue = (rf"(?<![\w{_LOW}])(?i:{words.alternation('home_verbs')}"
               rf"|{words.alternation('address_cue_words')})(?![\w{_LOW}])")
        not_name = rf"(?!(?i:{words.alternation('not_street_names')})(?![\w{_LOW}]))"
        any_word = rf"{not_name}[^\W\d_][^\W\d_'’]*(?:-[^\W\d_]+)*"
        cap_word = rf"{not_name}[{_ANY_UP}][^\W\d_'’]*(?:-[^\W\d_]+)*"
        low_street = rf"[{_LOW}][{_LOW}\-]*(?:{suffix_alt})"
        # any one word in lower case after "bor på"/"adresse:" ("hun bor på horsedammen
        # 44"), but no compound of a room's or a unit's word ("enkeltværelse 12")
        room_end = alternation(tuple(w for w in words["not_street_names"] if len(w) >= 4))
        low_word = (rf"{not_name}(?![{_LOW}]*(?:{room_end})(?![\w{_LOW}]))"
                    rf"[{_LOW}][{_LOW}\-]+")
        cued_street = (rf"(?:{low_street}|(?:{cap_word}[ \t]+){{0,2}}{cap_word}"
                       rf"|(?<=[ \t]på[ \t]){low_word}|(?<=:[ \t]){low_word})")
        follow = (rf"(?=[ \t]*(?:[,;:)\]!?\n]|\.(?!\d)|$)"
                  rf"|[ \t]+(?:{words.alternation('after_house_number')})(?![\w{_LOW}]))")
        flat = (rf"(?:,?[ \t]*(?i:{words.alternation('foreign_flat_words')})[ \t]*"
                rf"\d{{1,4}}[a-zA-Z]?(?![\w{_LOW}]))")
        self.cue_gate = with_first_char_gate(re.compile(cue))
        # a numbered home that is no street ("hos naboen i have 25", "bor på parcel 12")
        numbered = rf"(?i:{words.alternation('numbered_home_words')})"
        self.cued_address = re.compile(
            rf"(?:[ \t]+[^\s.!?;]+){{0,8}}?"
            rf"(?:[ \t]+(?i:{words.alternation('address_joiners')})[ \t]+|,[ \t]*|:[ \t]*"
            rf"|[ \t]+i[ \t]+(?={numbered}[ \t]))"
            rf"(?P<street>{numbered}(?=[ \t]+\d)|{cued_street})[ \t]+"
            rf"(?:(?i:nr)\.?[ \t]*)?(?P<house>{_HOUSE})(?![\w.,]\d|\d)"
            rf"(?:(?P<floor>{_GAP}{floor})|{follow})(?P<flat>{flat})?")
        # a house number with "nr." or a flat's number ("lejlighed 14"), then a floor and
        # side, the street left out ("Henrik Bisgaard, nr. 16, 3. th.", "en anden beboer,
        # lejlighed 14, st. tv.": a neighbour in the same block)
        self.number_and_floor = required_gate(re.compile(
            rf"(?<![\w{_LOW}])(?i:nr|{words.alternation('flat_words')})\.?[ \t]*"
            rf"\d{{1,4}}[ \t]?[A-Ha-h]?,?[ \t]*"
            rf"(?:(?i:{ground}|{basement})\.?|\d{{1,2}}\.?)[ \t]*,?[ \t]*"
            rf"(?:{side}|(?i:{floor_word}))(?![\w{_LOW}])"))
        # a farm's or house's own name before its street ("Bakkely, Kirkevej 3")
        self.farm_before = re.compile(
            rf"(?<![\w{_LOW}])[{_UP}][{_LOW}\-]*(?i:{words.alternation('farm_name_endings')})"
            rf",[ \t]*$")
        # Streets of other languages and scripts by their street word: before the name
        # ("вул. Сумська 48, кв. 12", "Khiaban-e Zand, Kuche 14") or after it ("Žirmūnų g.
        # 68-12"), then a house number, maybe a flat
        before = rf"(?i:{words.alternation('foreign_street_words_before')})"
        after = rf"(?i:{words.alternation('foreign_street_words_after')})"
        name_words = rf"(?:[ \t]+{any_word}){{0,3}}"
        # (searched in the lower-cased text: a case-sensitive scan is the cheaper one)
        lowered = tuple({w.lower() for w in (*words["foreign_street_words_before"],
                                             *words["foreign_street_words_after"])})
        self.foreign_gate = with_first_char_gate(whole_word(alternation(lowered)))
        # a floor in Roman numerals and a door after the house number, as Hungary writes
        # them ("Petőfi utca 12. II/7": 2nd floor, door 7)
        roman_floor = r"\.?[ \t]+[IVX]{1,4}\.?[ \t]?/[ \t]?\d{1,3}(?![\w/])"
        self.foreign_address = re.compile(
            rf"(?<![\w{_LOW}])(?:{before}(?:(?<=\.)|(?![\w{_LOW}])){name_words}"
            rf"(?:,[ \t]*{before}(?:(?<=\.)|(?![\w{_LOW}])){name_words})?"
            rf"|(?:[{_ANY_UP}][^\W\d_'’\-]+[ \t]+){{0,2}}[{_ANY_UP}][^\W\d_'’\-]+[ \t]+{after}"
            rf"(?:(?<=\.)|(?![\w{_LOW}])))"
            rf",?[ \t]+(?:(?i:{words.alternation('foreign_flat_words')})[ \t]*)?"
            rf"{_NUMBER_ABROAD}(?![\w.,]\d|\d)(?P<flat>{flat}|{roman_floor})?")
        # An address abroad told by its postcode and town after a comma, whatever the
        # street's words: one to three words (the first capitalised), a house number with
        # a staircase and a flat or a floor ("Hervannan valtaväylä 9 C 41, 33720 Tampere",
        # "Schiekade 27-III, 3032 AJ Rotterdam"), maybe a district, then five digits (Finland,
        # Germany, France, Italy, Spain, Korea …) or a Dutch postcode (four digits, two
        # capitals) and a town. The postcode and the town are the evidence; four digits
        # alone are Danish (street_address, street_before_postal).
        house_abroad = (r"\d{1,4}[A-Za-z]?(?:[ \t]?[-/][ \t]?(?:[IVX]{1,4}|\d{1,4})(?![\w])"
                        r"|[ \t][A-H](?:[ \t]\d{1,4})?(?![\w]))?")
        postcode = rf"(?:\d{{5}}|\d{{4}}[ \t]?[A-Z]{{2}}(?![\w{_LOW}]))"
        self.postcode_address = re.compile(
            rf"(?<![\w{_LOW}])(?!(?:{not_lead_alt})\s){_W}"
            rf"(?:[ \t]+(?!{_LINK_WORDS}(?![\w{_LOW}]))[{_UP}{_LOW}][\w'’\-]*){{0,2}}"
            rf"[ \t]+{house_abroad},[ \t]+(?:{_W}(?:[ \t]\d{{1,2}})?,[ \t]+)?"
            rf"{postcode}[ \t]+{_TOWN_ABROAD}(?![\w{_LOW}])")
        # "Bakkekammen 8, Tølløse", "Lupinvej 14, 1. th., Herning": a street (any
        # capitalised words) and house number, a comma and a town without postnummer: an
        # address when the town is a known place (the policy's place list); a block, a house
        # or a unit by its number is no street ("beboerhuset ved Blok 3, Vollsmose"): only a
        # cue that places a home makes it an address (cued_address)
        self.street_comma_town = re.compile(
            rf"(?=[{_UP}])"
            rf"(?<![\w{_LOW}])(?!(?:{not_lead_alt})\s)(?:{_CAP_WORD}[ \t]+){{0,2}}"
            rf"{not_name}{_CAP_WORD}"
            rf"[ \t]+{_HOUSE}(?![\w.,]\d|\d)(?:{_GAP}{floor})?,[ \t]*(?P<town>{town})"
            rf"(?![\w{_LOW}])")


def _first_letters(*lists: tuple[str, ...]) -> str:
    """The first characters of the words of ``lists``, escaped for a character class."""
    return "".join(sorted({re.escape(w[0]) for words in lists for w in words if w}))


@lru_cache(maxsize=8)
def patterns_for(words: WordLists) -> _Patterns:
    return _Patterns(words)


def _town_ok(pats: _Patterns, postnr: str, town: str) -> bool:
    """A postnummer with a town: years (1900-2099) only pass as Frederiksberg's codes."""
    if town.split()[0] in pats.not_towns:
        return False
    code = int(postnr)
    if 1900 <= code <= 2099:
        return code <= 2000 and town.startswith("Frederiksberg")
    return True


def _normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _title_case_caps(text: str, postal_directions: frozenset[str]) -> str:
    """ALL-CAPS words title-cased, offsets unchanged ("KOCHSGADE 31" reads as "Kochsgade 31").

    Two-letter postal directions (NV, SØ) stay as they are.
    """
    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if word in postal_directions:
            return word
        titled = word.capitalize()
        return titled if len(titled) == len(word) else word

    return _ALL_CAPS_WORD.sub(fix, text)


def find_addresses(text: str, places: frozenset[str] = frozenset(),
                   words: WordLists | None = None) -> list[PatternMatch]:
    """Every Danish street address, postbox or postnummer+town in ``text``, sorted.

    Addresses in capitals (letter headers, "KOCHSGADE 31, 5000 ODENSE C") are found too.
    ``places``: known town names; a street and number followed by a comma and one of them
    is an address even without a postnummer. ``words``: the policy's address words
    (``bundle.address_words``; default: the bundled kommune policy's).
    """
    pats = patterns_for(words if words is not None else default_words("address_words"))
    found: list[PatternMatch] = []
    if _ALL_CAPS_WORD.search(text):
        caps = _title_case_caps(text, pats.postal_directions)
        found += [PatternMatch(m.start, m.end, text[m.start:m.end], m.entity, m.score,
                               _normalize(text[m.start:m.end]))
                  for m in _find_in(pats, caps, places)]
    found += _find_in(pats, text, places)
    return [_with_postcode(text, _with_farm(pats, text, _with_town(text, _with_care_of(text, m))))
            for m in resolve_overlaps(found)]


def _with_postcode(text: str, m: PatternMatch) -> PatternMatch:
    """``m`` with an Irish Eircode after it taken along ("22 Clonliffe Road, Drumcondra,
    Dublin 3, D03 KX59"): the code names the house alone."""
    p = _POSTCODE_AFTER.match(text, m.end)
    if p is None:
        return m
    span = text[m.start:p.end()]
    return PatternMatch(m.start, p.end(), span, m.entity, m.score, _normalize(span))


_NAME_BEFORE = re.compile(rf"[{_UP}][\w{_LOW}]*[ \t]+$")


def _with_farm(pats: _Patterns, text: str, m: PatternMatch) -> PatternMatch:
    """``m`` with the farm's or house's own name right before it taken along ("Bakkely,
    Kirkevej 3"): a capitalised word with a farm name's ending and a comma."""
    if text[max(0, m.start - 2):m.start].strip() != "," or not m.text[:1].isupper():
        return m
    f = pats.farm_before.search(text, max(0, m.start - 40), m.start)
    if f is None or _NAME_BEFORE.search(text, max(0, f.start() - 30), f.start()):
        return m  # (a surname: "Mette Højlund, Skovvej 3")
    span = text[f.start():m.end]
    return PatternMatch(f.start(), m.end, span, m.entity, m.score, _normalize(span))


# ", Tuse (tlf. …)", ", Vig.": a town no list knows after a street and house number without
# a postnummer, ending the address (a bracket, a full stop, a semicolon or the line's end
# after it)
_TOWN_AFTER = re.compile(rf",[ \t]+[{_UP}][{_LOW}]{{2,}}(?:[ \t\-][{_UP}][{_LOW}]+)?"
                         r"(?=[ \t]*(?:[(.;:]|$))", re.MULTILINE)
_ENDS_IN_NUMBER = re.compile(r"\d[a-zA-Z]?\.?$")


def _with_town(text: str, m: PatternMatch) -> PatternMatch:
    """``m`` with the town after it taken along ("Ved Fjorden 8, Tuse"): an address with no
    postnummer whose house number ends it, then a comma and one capitalised word or two
    that end the clause, names the town where the person lives."""
    if text[m.end:m.end + 1] != "," or not _ENDS_IN_NUMBER.search(m.text) or \
            re.search(r"\b\d{4}\b", m.text):
        return m
    t = _TOWN_AFTER.match(text, m.end)
    if t is None:
        return m
    span = text[m.start:t.end()]
    return PatternMatch(m.start, t.end(), span, m.entity, m.score, _normalize(span))


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


def _find_in(pats: _Patterns, text: str, places: frozenset[str] = frozenset()
             ) -> list[PatternMatch]:
    found: list[PatternMatch] = []
    if not has_digit(text):  # every form but a home street has a house number or postnummer
        return _home_streets(pats, text)
    if places and "," in text:
        for m in pats.street_comma_town.finditer(text):
            town = m.group("town")
            if town in places or town.split()[0] in places:
                found.append(PatternMatch(m.start(), m.end(), m.group(0), ENTITY, 0.9,
                                          _normalize(m.group(0))))
    for m in pats.street_address.finditer(text):
        end = m.end()
        score = 0.85
        if m.group("post"):
            if _town_ok(pats, m.group("postnr"), m.group("town")):
                score = 0.95
            else:
                end = m.end("floor") if m.group("floor") else m.end("house")
        span = text[m.start():end]
        found.append(PatternMatch(m.start(), end, span, ENTITY, score, _normalize(span)))
    for m in pats.abroad_address.finditer(text) if pats.abroad_gate.search(text) else ():
        found.append(PatternMatch(m.start(), m.end(), m.group(0), ENTITY, 0.85,
                                  _normalize(m.group(0))))
    found += _cued_addresses(pats, text)
    for rx in (_KOREAN_ADDRESS, _HOUSE_LABEL):
        for m in rx.finditer(text):
            found.append(PatternMatch(m.start(), m.end(), m.group(0), ENTITY, 0.85,
                                      _normalize(m.group(0))))
    for m in pats.number_and_floor.finditer(text):
        found.append(PatternMatch(m.start(), m.end(), m.group(0), ENTITY, 0.8,
                                  _normalize(m.group(0))))
    if pats.foreign_gate.search(text.lower()):
        for m in pats.foreign_address.finditer(text):
            found.append(PatternMatch(m.start(), m.end(), m.group(0), ENTITY, 0.85,
                                      _normalize(m.group(0))))
    for m in pats.postbox.finditer(text):
        end = m.end()
        if m.group("post") and not _town_ok(pats, m.group("postnr"), m.group("town")):
            end = m.start("post")
        span = text[m.start():end]
        found.append(PatternMatch(m.start(), end, span, ENTITY, 0.85, _normalize(span)))
    found += _home_streets(pats, text)
    for m in pats.postal_town.finditer(text):
        if _town_ok(pats, m.group("postnr"), m.group("town")):
            start = _street_before_postal(pats, text, m.start())
            span = text[start:m.end()]
            found.append(PatternMatch(start, m.end(), span, ENTITY,
                                      0.9 if start < m.start() else 0.6, _normalize(span)))
    if "," in text and _POSTCODE_GATE.search(text):
        # (the last resort: only where no street pattern of a language read the address,
        # "Wohnung Friesische Straße 88, …" is the German pattern's)
        for m in pats.postcode_address.finditer(text):
            if not any(f.start < m.end() and m.start() < f.end for f in found):
                found.append(PatternMatch(m.start(), m.end(), m.group(0), ENTITY, 0.85,
                                          _normalize(m.group(0))))
    return found


def _cued_addresses(pats: _Patterns, text: str) -> list[PatternMatch]:
    """Street-like words and a house number after a cue that places a home or names an
    address in the same sentence (``_Patterns.cued_address``)."""
    found: list[PatternMatch] = []
    end = 0
    for c in pats.cue_gate.finditer(text):
        if c.start() < end or not has_digit(text[c.end():c.end() + 160]):
            continue  # (a house number follows within the sentence, or nothing does)
        m = pats.cued_address.match(text, c.end())
        if m is None:
            continue
        start, end = m.start("street"), m.end()
        span = text[start:end]
        found.append(PatternMatch(start, end, span, ENTITY, 0.8, _normalize(span)))
    return found


def _home_streets(pats: _Patterns, text: str) -> list[PatternMatch]:
    """Bare street names where they locate somebody's home (``_Patterns.home_street``)."""
    found = []
    for m in pats.home_street.finditer(text):
        group = "street" if m.group("street") is not None else "host_street"
        found.append(PatternMatch(m.start(group), m.end(group), m.group(group), ENTITY, 0.7,
                                  _normalize(m.group(group))))
    return found


def _street_before_postal(pats: _Patterns, text: str, postal_start: int) -> int:
    m = pats.street_before_postal.search(text[max(0, postal_start - 80):postal_start])
    return max(0, postal_start - 80) + m.start() if m else postal_start
