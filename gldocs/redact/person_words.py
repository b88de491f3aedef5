"""The patterns around persons' names, built from the policy's person words.

The words (particles, forms of address, titles, nickname cues, letter closings, verbs only
a person does, words that are never part of a name) are policy data:
``resources.person_words`` (``policies/lexicons/personord.yaml``), loaded once into the
bundle. :func:`person_patterns` builds the regexes and sets from them once per bundle; the
discovery stage (:mod:`.case_entities`), the name rules (:mod:`.detectors.names`), the NER
scope and the layout reader use them.

    pats = person_patterns(bundle.person_words)
    pats.nickname.finditer(text); is_closing("Med venlig hilsen", pats)
"""

from __future__ import annotations

import re
from functools import lru_cache

from gldocs.document.sections import normalise
from gldocs.redact.default_words import default_words
from gldocs.redact.prefilter import required_gate, with_first_char_gate
from gldocs.redact.wordlists import WordLists, alternation

# a capitalised name word (Latin letters with accents; a hyphenated second part)
NAME_WORD = r"[A-ZÆØÅÀ-ÖØ-ÞĀ-ſ][\wÀ-ſ'’]*(?:-[A-ZÆØÅÀ-ÞĀ-ſ][\wÀ-ſ'’]*)?"


class PersonPatterns:
    """Everything built from one policy's person words (see the module doc)."""

    def __init__(self, words: WordLists) -> None:
        self.words = words
        # words before an ordinary word used as a word ("at bo", "kan bo", "en storm")
        self.word_use_before = words.set("word_use_before")
        self.closing_keys = frozenset(normalise(c) for c in words["signature_closings"])
        self.not_surnames = words.set("not_surnames")
        # a role word inside an idiom that tells no role ("jeg er bekendt med, at …")
        self.role_idiom = re.compile(
            rf"(?i)\b(?:{words.alternation('role_word_idioms')})\b")
        self.not_name_leads = words.set("not_name_leads")
        self.ner_inner_words = words.set("ner_inner_words")
        hyphen = words["hyphen_particles"]
        # what may continue a name: particles (Sólja í Lon, Ludwig van der Berg, Omar bin
        # Laden), prefixed parts (Ahmad al-Hassan) and a nickname in quotes (Zbigniew
        # "Zibi" Mazur)
        self.name_tail = re.compile(
            rf"(?:[ \t]+(?:{words.alternation('name_tail_particles')})"
            rf"(?:[ \t]+(?:{words.alternation('second_particles')}))?[ \t]+{NAME_WORD}"
            rf"|[ \t]+(?:{alternation(tuple(p for p in hyphen if p.islower()))})-{NAME_WORD}"
            rf"|[ \t]+[\"“„«'‘]{NAME_WORD}[\"”»'’][ \t]+{NAME_WORD})+")
        # "al-Qudsi" is also written "Qudsi" and "alQudsi"
        self.particle_variant = re.compile(rf"({alternation(hyphen)})-(\w{{3,}})")
        # between a name-like word and the street the address pattern found: street-name
        # particles only ("Janus la Cours Gade"); never a preposition
        particles = words.alternation("street_name_particles")
        self.street_gap = re.compile(rf"(?:[ \t]+(?:{particles}))+[ \t]+")
        # ... and the capitalised words and particles right before an address the pattern
        # left out of it (``Janus la Cours Gade 12`` when only ``Cours Gade 12`` was found)
        self.street_lead = re.compile(rf"(?:\b(?:[A-ZÆØÅ][\w.'’\-]*|{particles})\s+)+$")
        # an English or German form field for a name and its value
        labels = words.alternation("name_field_labels", "[ \t]?")  # "First name", "Firstname"
        self.name_field = re.compile(
            rf"(?im)^[ \t]*(?:{labels})"
            r"(?:_\d+)?[ \t]*:[ \t]*"
            r"(?P<n>[A-ZÀ-ÖØ-ÞĀ-ſ][\wÀ-ſ'’\-]+(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-ſ][\wÀ-ſ'’\-]+){0,2})")
        # a CPR number, a birth date or an age in brackets right after a name (not "Char
        # (10)")
        units = words.alternation("age_units")
        id_in_brackets = (
            rf"[ \t]*\((?:{words.alternation('birth_cues_in_brackets')}|\d{{6}}-?\d{{4}}"
            rf"|\d{{1,2}}[ \t]*(?:{units})\b|\d{{1,2}}-(?:{words.alternation('age_adjectives')})"
            rf"|(?:{words.alternation('age_leads')})[ \t]+\d")
        self.id_after = re.compile(id_in_brackets + ")")
        # ... and the one capitalised word before it: a name ("Liva (7 år)", "Jeanette (CPR
        # …)"); a bare number in brackets is an age here ("Oliver (5)")
        self.name_before_id = required_gate(re.compile(
            r"(?<![\w@.\-])(?P<n>[A-ZÆØÅ][a-zæøåéèüöä\-]{1,20})"
            + id_in_brackets + r"|\d{1,2}\))"))
        # "Tilde (8 år)", "Signe på 8 år", "Oliver, 5 år,": an age right after a name
        self.age_after = re.compile(
            rf"\s*(?:\(|,)?\s*(?:på\s+|ca\.\s+)?\d{{1,2}}\s*(?:{units})\b")
        # a form of address and the name after it: "Mr Thornbury", "Mrs. Ellen Parry",
        # "Frau Vogel"
        address = words.alternation("forms_of_address")
        self.addressed = re.compile(
            rf"(?<![\w.])(?:{address})\.?[ \t]+"
            r"(?P<n>[A-ZÀ-ÖØ-ÞĀ-ſ][\wÀ-ſ'’\-]+(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-ſ][\wÀ-ſ'’\-]+)?)")
        # a title or form of address right before a name, in English, German and Danish
        # (as written, for the forms of a surname that is also an ordinary word: "Fru Munk")
        self.address_titles = tuple(words["forms_of_address"] + words["titles_before_name"])
        honorifics = alternation(self.address_titles)
        self.honorific = re.compile(rf"(?<![\w.])(?:{honorifics})\.?[ \t]+$")
        # keys of a Stamoplysninger field whose value is another name of the client
        self.client_nickname_keys = frozenset(
            " ".join(k.lower().split()) for k in words["client_nickname_keys"])
        # a label naming the client's own address ("Løsladelsesadresse:", "Folkeregister-
        # adresse (moderen):"), opening a line or a sentence, a remark in brackets allowed
        self.place_time_prepositions = words.set("place_time_prepositions")
        keys = words.alternation("client_address_keys")
        self.client_address_label = re.compile(
            rf"(?:^|(?<=[.;!?:])[ \t]+)[ \t]*[-•*]?[ \t]*(?i:{keys})"
            r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*:[ \t]*", re.MULTILINE)
        # A nickname: "Abdirahman, kaldet "Dodi"", "som han kun kender som »Bulder«", an
        # adverb or two between ("vi kalder ham bare Mus")
        self.nickname = re.compile(
            rf"\b(?:{words.alternation('nickname_cues')})(?:\s*:)?\s+"
            rf"(?:(?:{words.alternation('nickname_adverbs')})\s+){{0,2}}[\"“”'‘’»«]?"
            r"(?P<n>[A-ZÆØÅ][\w\-]{1,20}(?:[ \t][A-ZÆØÅ][\w\-]{1,20})?)[\"“”'‘’»«]?")
        # ... a common noun that serves as a nickname, in lower case, after the cue (round
        # 22: "en person kaldet ræven", "ham de kalder tyren"; after a bare "kalder" only
        # with a person and a subject before it: "ham de kalder", "en mand, de kalder", not
        # "han kalder hunden")
        nouns = words.alternation("nickname_nouns")
        self.nickname_noun = required_gate(re.compile(
            rf"(?P<who>\b(?i:ham|hende|en|dem|{words.alternation('person_nouns')})(?:en|et)?"
            r",?[ \t]+(?:(?i:som|der)[ \t]+)?[^\W\d_]+[ \t]+(?:[^\W\d_]+[ \t]+)?)?"
            rf"\b(?P<cue>(?i:{words.alternation('nickname_cues')}))(?:\s*:)?\s+"
            rf"(?:(?i:{words.alternation('nickname_adverbs')})\s+){{0,2}}[\"“”'‘’»«]?"
            rf"(?P<n>{nouns})(?![\w\-])"))
        # (the cue that calls without naming: "kalder" alone)
        self.bare_nickname_cues = frozenset({"kalder"})
        # ... or as the apposition of a person noun between commas ("hans kammerat, bjørnen,
        # har skaffet …")
        self.nickname_noun_apposition = required_gate(re.compile(
            rf"\b(?i:{words.alternation('person_nouns')})[ \t]*,[ \t]*[\"“”'‘’»«]?"
            rf"(?P<n>{nouns})[\"“”'‘’»«]?[ \t]*,"))
        # ... or named before the verb that says it is one ("Tyren kender han kun ved
        # øgenavnet")
        self.nickname_before_cue = required_gate(re.compile(
            r"(?<![\w@.\-])[\"“„«»]?(?P<n>[A-ZÆØÅ][\w\-]{1,20})[\"”“»«]?[ \t]+"
            rf"(?i:{words.alternation('nickname_back_verbs')})[ \t]+(?:[\wæøå]+[ \t]+){{0,3}}"
            rf"(?i:{words.alternation('nickname_back_cues')})(?![\w\-])"))
        # ... and the next quoted nickname of a list after it ("øgenavne: "Tjekkeren",
        # "Lange Lars", "Kaptajnen" og "Pingo"")
        self.nickname_more = re.compile(
            rf"[ \t]*(?:,[ \t]*(?:(?:{words.alternation('place_conjunctions')})[ \t]+)?"
            rf"|[ \t]+(?:{words.alternation('place_conjunctions')})[ \t]+)"
            r"[\"“”'‘’»«](?P<n>[A-ZÆØÅ][\w\-]{1,20}(?:[ \t][A-ZÆØÅ][\w\-]{1,20})?)"
            r"[\"“”'‘’»«]")
        # the line above a quoted message: "… skrev Sol Stær <sol@live.dk>:"
        self.attribution = re.compile(
            rf"(?<![\w])(?:{words.alternation('mail_attribution_verbs')})[ \t]+"
            rf"(?P<n>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{1,3}})"
            r"[ \t]*<[^<>\n]*@[^<>\n]*>[ \t]*:?[ \t]*$")
        # ... of them, a cue by which the one named before names another ("som Kristoffer
        # kalder Tusse", "han kun kender som Storebror"); "kalder sig" names himself
        self.names_another = re.compile(
            rf"(?:{words.alternation('nickname_cues_of_another')})(?!\s+sig\b)",
            re.IGNORECASE)
        # a nickname in brackets after the client's name in the Navn field ("Kanokwan
        # Srisuk Jensen (kaldet Kwan)", "Mads Holm (kaldes »Molle«)")
        cues = words.alternation("bracket_nickname_cues", r"\s+")
        self.bracket_nickname = re.compile(
            rf"\s*\((?:{cues})\s+[\"“”„«»'‘’]?"
            r"(?P<n>[A-ZÆØÅÀ-ÖØ-Þ][\wÀ-ſ'’\-]{1,20})[\"“”„«»'‘’]?\)\s*$")
        # a given name right before a nickname in brackets ("Pakpao (kaldet Pao), 12 år"):
        # that person's name (the client's own is skipped by its words)
        self.name_before_nickname = required_gate(re.compile(
            r"(?<![\w@.\-])(?P<n>[A-ZÆØÅÀ-ÖØ-Þ][a-zæøåà-öø-ÿ\-]{1,20})[ \t]*"
            rf"\((?:{cues})(?::)?\s+[\"“”„«»'‘’]?[A-ZÆØÅÀ-ÖØ-Þ]"))
        # a surname before marriage after "født" ("Tove Hald, født Riis, …"): a name
        self.maiden_name = required_gate(re.compile(
            rf"(?<![\w.])(?:{words.alternation('maiden_name_cues', _BLANKS)})[ \t]+"
            r"(?P<n>[A-ZÆØÅÀ-ÖØ-Þ][a-zæøåà-öø-ÿ]{1,20}(?:-[A-ZÆØÅÀ-ÖØ-Þ][a-zæøåà-öø-ÿ]{1,20})?)"
            r"(?![\w\-])"))
        # a mail header naming the sender: "Fra: Lone Bach <lone.bach@aarhus.dk>"
        self.sender_header = re.compile(
            rf"^[ \t]*(?:{words.alternation('sender_header_keys')})[ \t]*:[ \t]*(.+)$")
        # a message's sender or receiver in lower case in quotes, with the emojis a phone
        # shows beside a contact's name ("Fra: "mati 🇨🇱"")
        party = alternation(tuple(f for w in words["message_party_keys"]
                                  for f in (w, w[:1].upper() + w[1:])))
        self.lower_sender = re.compile(
            rf"(?:^|[\]\)]\s*)(?:{party}):?[ \t]+"
            r"[\"“„«»'‘](?P<n>[a-zæøåà-ÿ][\wæøåà-ÿ\-]{1,20})(?:[ \t]*[^\w\s\"“”„«»'‘’]{1,8})?"
            r"[\"”»«'’]", re.MULTILINE)
        # two or three capitalised words, then a comma, dash, colon or "<" and a contact
        # right after (a contact label between: "Tom Hale, tel. …")
        self.run_before_contact = re.compile(
            r"(?<![\w@.\-])(?P<n>[A-ZÀ-ÖØ-ÞĀ-ſ][\wÀ-ſ'’\-]+"
            r"(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-ſ][\wÀ-ſ'’\-]+){1,2})"
            r"[ \t]*(?:[,:;<(\t]|[-–][ \t])[ \t]*"
            rf"(?:(?:{words.alternation('contact_labels')})\.?:?[ \t]*)?\Z")
        # a role right after a name: "Lykke, hans halvsøster", "Bo er hendes nabo"
        self.role_after_name = re.compile(
            rf"(?<![\w@.\-]){NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,2}}"
            rf"(?=\s*[,(]|[ \t]+(?:{words.alternation('role_copulas')})[ \t]+(?:også[ \t]+)?"
            rf"(?:{words.alternation('role_possessives')}|[A-ZÆØÅ]\w+s)[ \t])")
        self.role_after_name = with_first_char_gate(self.role_after_name)
        # a quoted name as the subject of a sentence saying it is a person ("\"Tykke\" er en
        # person i Brejning", "»Bassen« var en fyr fra skolen"): the noun is read by the
        # caller (person_nouns or a private role word)
        self.quoted_person = required_gate(re.compile(
            r"(?<![\w@.\-])[\"“„«»](?P<n>[A-ZÆØÅ][\wæøå\-]{1,20}"
            r"(?:[ \t][A-ZÆØÅ][\wæøå\-]{1,20})?)[\"”“»«]"
            rf"[ \t]+(?:{words.alternation('role_copulas')})[ \t]+"
            rf"(?:(?:{words.alternation('role_fillers')})[ \t]+){{0,3}}(?P<noun>[^\W\d_]+)"))
        self.person_nouns = words.set("person_nouns")
        # a quoted name that does what only a person does ("\"Tyren\" har skrevet til ham",
        # "»Snude« og »Myren« ringede", a second quoted name joined before the verb) or that
        # a message comes from ("en sms fra \"Tyren\"", "beskeder fra »Myren«"): a nickname
        quoted = (r"[\"“„«»](?P<n>[A-ZÆØÅ][\wæøå\-]{1,20}(?:[ \t][A-ZÆØÅ][\wæøå\-]{1,20})?)"
                  r"[\"”“»«]")
        self.quoted_actor = required_gate(re.compile(
            rf"(?<![\w@.\-]){quoted}(?=(?:[ \t]+(?:og|eller|&)[ \t]+[\"“„«»][^\"“”„«»\n]{{1,40}}"
            r"[\"”“»«])?[ \t]+"
            rf"(?:(?:{words.alternation('person_verb_auxiliaries')})[ \t]+)?"
            rf"(?:{words.alternation('person_verbs')})(?![\w\-]))"))
        # the names a naming verb gives, a list of them ("Børnene hedder Dijon, Malte og
        # Ilse"): read one by one by the caller, with what stands before the verb
        name = r"[A-ZÆØÅÀ-ÖØ-Þ][a-zæøåà-öø-ÿ'’\-]{1,20}"
        self.named_list = required_gate(re.compile(
            rf"(?<![\w\-])(?i:{words.alternation('naming_verbs')})[ \t]+"
            rf"(?P<list>{name}(?:[ \t]*,[ \t]*{name})*(?:[ \t]+(?:og|&)[ \t]+{name})?)"
            r"(?![\w\-])"))
        self.naming_subjects = words.set("naming_subjects")
        # words that define a person's initials after the name ("(herefter NB)")
        self.initials_cues = words.alternation("initials_definition_cues", r"[ \t]+")
        self.quoted_sender = required_gate(re.compile(
            rf"(?<![\w\-])(?i:{words.alternation('message_nouns')})[ \t]+fra[ \t]+{quoted}"))
        # an unknown lower-case word after a verb whose object is a person ("sig til dolle
        # at …"), in group "n"
        objects = words.alternation("person_object_cues", r"[ \t]+")
        self.person_object = required_gate(re.compile(
            rf"(?<![\w\-])(?i:{objects})[ \t]+(?P<n>[a-zæøå][a-zæøå\-]{{2,15}})"
            r"(?=[ \t]*(?:[.,!?\n]|$)|[ \t]+(?:at|om|og|fra|fordi|hvis|hun|han)\b)"))
        # ... and one that opens a clause of a message right before its finite verb
        # ("tomek henter dig", "at zuzia ikke skal se ham"), in group "n"
        verbs = words.alternation("person_subject_verbs", r"[ \t]+")
        self.person_subject = required_gate(re.compile(
            r"(?:(?<=[\"“„«»])|(?<=,)[ \t]*|(?<=[.!?])[ \t]+"
            r"|(?<![\w\-])(?:og|men|at|så|fordi|hvis|når)[ \t]+)"
            r"(?P<n>[a-zæøå][a-zæøå\-]{2,15})"
            rf"(?:[ \t]+(?:ikke|også|altid|aldrig|lige|godt))?[ \t]+(?P<v>{verbs})(?![\w\-])"))
        # the verbs among them only a person does (a word that is also a given name is a
        # person's before one: "lærke siger hun henter os")
        self.person_speech_verbs = words.set("person_speech_verbs")
        # a quoted nickname a sentence identifies as a named person ("\"Bamse\" er
        # identificeret som Rasmus Holm")
        identity = words.alternation("identity_phrases", r"[ \t]+")
        self.quoted_identified = required_gate(re.compile(
            rf"(?<![\w@.\-]){quoted}[ \t]+(?i:{identity})[ \t]+(?=[A-ZÆØÅ])"))
        # the header of a quoted message between two parties, one or both quoted nicknames
        # ("Danny til \"Bamse\", 14.07.2023: \"…\"", "\"Bamse\" til Danny:"): the part
        # before the colon in group "head"
        party = r"(?:[\"“„«»][A-ZÆØÅ][\wæøå\-]{1,20}[\"”“»«]|[A-ZÆØÅ][\wæøå\-]{1,20})"
        self.message_header = required_gate(re.compile(
            rf"^[ \t]*(?P<head>{party}[ \t]+(?:{words.alternation('message_header_words')})"
            rf"[ \t]+{party})[ \t]*(?:,[^:\n]{{1,30}})?:[ \t]*[\"“„«»]", re.MULTILINE))
        # one capitalised word, then what only a person does, in a sentence of another
        # language ("with Poppy starting school"); not a sentence's first word
        self.foreign_determiners = words.set("foreign_determiners")
        predicates = words.alternation("person_predicates_foreign", r"[ \t]+")
        self.predicated_word = required_gate(re.compile(
            r"(?<=[\w,;)][ \t])(?P<n>[A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-öø-ÿā-ſ'’\-]+)[ \t]+"
            rf"(?i:{predicates})(?![\w\-])"))
        # keys of the client's own contact data in Stamoplysninger
        stems = "|".join(alternation((w,)) + r"\w*" for w in words["client_contact_key_stems"])
        parts = "|".join(r"\w*" + alternation((w,)) + r"\w*"
                         for w in words["client_contact_key_parts"])
        self.client_contact_key = re.compile(
            rf"^(?:klientens\s+)?(?:{stems}|{words.alternation('client_contact_key_words')}"
            rf"|{parts})\b")
        # the last of two or three capitalised words ending in a sure surname ending
        self.surname_ending = re.compile(
            rf"({words.alternation('strong_surname_endings')})s?$")
        # a verb only a person does, right after a run of capitalised words ("Kwabena Owusu
        # ringede")
        self.person_verb_after = re.compile(
            rf"[ \t]+(?:(?:{words.alternation('person_verb_auxiliaries')})[ \t]+)?"
            rf"(?:{words.alternation('person_verbs')})\b")
        # "var han hos Dmytro Shevchuk", "bor sammen med Kwame Mensah": staying with someone
        # (not "arbejder hos Lagerhuset Nord": a firm)
        work = "|".join(alternation((w,)) for w in words["work_stems"])
        stay = words.alternation("stay_verbs", "[ \t]+")
        stay_with = words.alternation("stay_with", "[ \t]+")
        self.person_place_before = re.compile(
            rf"\b(?:{stay})[ \t]+(?:(?!(?:{work})\w*)[\wæøå]+[ \t]+){{0,2}}?"
            rf"(?:{stay_with})[ \t]+$", re.IGNORECASE)
        # a possessive, a family or friendship word and a lower-case word after it
        # ("hans fætter ronaldo", "min bror kim")
        self.lower_after_role = re.compile(
            rf"(?<![\w\-])(?i:{words.alternation('possessives')}|"
            r"[a-zæøå]+s)[ \t]+([a-zæøåA-ZÆØÅ]{2,})[ \t]+(?=([a-zæøå][a-zæøåé]{2,15})(?![\w@.\-]))")
        # a preposition of place right before a word; places joined in a list before it
        prepositions = words.alternation("place_prepositions")
        conjunctions = words.alternation("place_conjunctions")
        self.place_preposition = re.compile(rf"(?<![\w])(?:{prepositions})[ \t]+$",
                                            re.IGNORECASE)
        self.after_places = re.compile(
            rf"(?<![\w])(?i:{prepositions})[ \t]+"
            r"(?P<places>(?:[A-ZÆØÅ][\w\-]+(?:[ \t][A-ZÆØÅ][\w\-]+)?"
            rf"(?:,|[ \t]+(?:{conjunctions}))[ \t]+)+)$")
        self.place_list_split = re.compile(rf",|\b(?:{conjunctions})\b")
        # "familien Kragh": the family right before its name (the name after it is a
        # family's name, a surname)
        self.family_before = re.compile(
            rf"\b(?:{words.alternation('family_words_before_name')})\s+$", re.IGNORECASE)
        # "Hansen-familien": a family's name before a hyphen and the family word
        self.family_after_hyphen = re.compile(
            rf"-(?:{words.alternation('family_words_after_hyphen')})\b")
        # "Sandahls familie", "Kraghs forældre": a name in the genitive before a family word
        self.family_after = re.compile(
            rf"[ \t]+(?:{words.alternation('family_words_after_name')})\b")
        # "job hos Matas", "handler hos Irmas": at a firm or a shop, not a family's home
        self.at_work_before = re.compile(
            rf"\b(?:{words.alternation('work_or_shop_words')})\b[^.;:!?]*$", re.IGNORECASE)
        # a contact saved in a phone or a list, in quotes ("kontakten "Fætter Jonny"", "gemt
        # som "Mor 2""), and the quoted sender or receiver of a message in a transcript
        # ("[02.11 21:14] Fra "Hooyo": …", "Til 'Cabdi W':"): the quoted label names a person
        self.contact_entry = re.compile(
            rf"(?:\b(?:{words.alternation('contact_entry_cues')})\s+"
            rf"|(?:^|[\]\)]\s*)(?:{party}):?[ \t]+)"
            r"[\"“„«»'‘]"
            r"(?P<n>[A-ZÆØÅ][\w\-]{1,20}(?:[ \t][A-ZÆØÅ][\w\-.]{0,20})?)[\"”»«'’]")
        self.contact_entry = required_gate(with_first_char_gate(self.contact_entry))
        # a medicine's name right before a dose, a bracketed generic name allowed between
        # ("Androcur (cyproteronacetat) 50 mg"): the name of a drug, not of a person
        self.drug_before_dose = required_gate(re.compile(
            rf"(?<![\w\-])({NAME_WORD})(?:[ \t]*\([^()\n]{{1,40}}\))?[ \t]+\d+(?:[.,]\d+)?"
            rf"[ \t]?(?i:{words.alternation('dose_units')})(?!\w)"))
        # words that open a chat message and name nobody ("hva du laver", "yo, kom nu")
        self.chat_words = words.set("chat_words")


_BLANKS = r"[ \t]+"


@lru_cache(maxsize=8)
def person_patterns(words: WordLists | None = None) -> PersonPatterns:
    """The patterns of ``words`` (a bundle's ``person_words``), built once; None: the
    bundled kommune policy's (for a function called on its own)."""
    return PersonPatterns(words if words is not None else default_words("person_words"))


_QUOTE_MARKS = re.compile(r"^\s*(?:>\s?)+")  # a quoted mail line's marks (unquote)


def unquote(line: str) -> str:
    """A line of a quoted e-mail without its quote marks ("> Venlig hilsen")."""
    return _QUOTE_MARKS.sub("", line)


def is_closing(line: str, pats: PersonPatterns | None = None) -> bool:
    """A letter's closing on its own line ("Med venlig hilsen", "Kind regards")."""
    keys = (pats or person_patterns()).closing_keys
    line = unquote(line)
    return len(line) < 40 and normalise(line).rstrip(",.!") in keys


__all__ = ["NAME_WORD", "PersonPatterns", "is_closing", "person_patterns", "unquote"]
