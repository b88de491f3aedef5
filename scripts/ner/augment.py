"""Invented Danish case-file sentences for NER augmentation (seeded, reproducible).

Every sentence is generated from a template below; every name comes from the hand-compiled
lists in ``scripts/ner/data``. No text from any real case file or from the gldocs dev
corpus is used. Templates imitate handleplaner, journal notes and e-mails:
relatives ("Hans bror Kasper Lund har tidligere domme"), professionals
("Sagsbehandler Lene Dahl, Vejle Kommune"), genitives ("Jonas' mor"), ALL CAPS
names, first names alone, hyphenated and double surnames, and names that are also
ordinary words (Bo, Sten, Lykke, Hans, Mark, Vilde, Sol ...) both as names (PER) and as
words (O) so the model learns the difference from context.

Slots in templates:
    {P} full name (PER)        {F} first name alone (PER)
    {Pg} {Fg} genitive of them (PER, the genitive ending inside the span, as in DDT)
    {O} organisation (ORG)     {T} town (LOC)   {L} town or place (LOC)   {S} street (LOC)
    {REL} relative  {ROLE} professional role  {NUM} house number  {DATE} date
    {PHONE} phone number  {EMAIL} e-mail address  {W} a name-like word used as a word
Unlabelled slots are plain text (O).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

Span = tuple[int, int, str]


@dataclass(frozen=True)
class Names:
    """Name lists grouped by origin section ("# --- dansk" ...)."""

    first: dict[str, list[str]]
    surnames: dict[str, list[str]]
    word_names: list[str]
    orgs: list[str]
    towns: list[str]
    places: list[str]
    streets: list[str]


def _read_list(path: Path) -> list[str]:
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.lstrip().startswith("#")]


def _read_sections(path: Path) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = "andet"
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("# ---"):
            current = line[5:].strip()
            continue
        if line and not line.startswith("#"):
            sections.setdefault(current, []).append(line)
    return sections


def load_names(data_dir: Path = DATA_DIR) -> Names:
    return Names(
        first=_read_sections(data_dir / "first_names.txt"),
        surnames=_read_sections(data_dir / "surnames.txt"),
        word_names=_read_list(data_dir / "words_as_names.txt"),
        orgs=_read_list(data_dir / "organisations.txt"),
        towns=_read_list(data_dir / "towns.txt"),
        places=_read_list(data_dir / "places.txt"),
        streets=_read_list(data_dir / "streets.txt"),
    )


def split_names(names: Names, held_out: float, rng: random.Random) -> tuple[Names, Names]:
    """Split the person-name lists into (train, held-out) parts, per origin section."""

    def split(groups: dict[str, list[str]]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        a: dict[str, list[str]] = {}
        b: dict[str, list[str]] = {}
        for key, items in groups.items():
            items = sorted(set(items))
            rng.shuffle(items)
            cut = max(1, round(len(items) * held_out))
            b[key], a[key] = items[:cut], items[cut:] or items[:cut]
        return a, b

    fa, fb = split(names.first)
    sa, sb = split(names.surnames)
    train = Names(fa, sa, names.word_names, names.orgs, names.towns, names.places, names.streets)
    test = Names(fb, sb, names.word_names, names.orgs, names.towns, names.places, names.streets)
    return train, test


# --- templates ------------------------------------------------------------------------

# Sentences about persons in case-file phrasing.
PERSON_TEMPLATES = [
    "Hans {REL} {P} har tidligere domme for vold.",
    "Hendes {REL} {P} er fortsat i aktivt misbrug.",
    "{Pg} {REL} har ringet til afdelingen flere gange.",
    "{Fg} {REL} bor i {T} og har ikke kontakt med familien.",
    "{REL}en {F} kan kontaktes på {PHONE}.",
    "{REL}en {P} kan kontaktes på {PHONE} eller {EMAIL}.",
    "Ægtefællen {F} kan kontaktes på {PHONE}.",
    "Sagsbehandler {P}, {O}, deltog i mødet.",
    "{ROLE} {P}, {O}",
    "{P} er {ROLE} i {O}.",
    "Mødet med {P} blev holdt den {DATE}.",
    "Mødet med {P} og {P} er flyttet til {DATE}.",
    "Der er aftalt møde med {ROLE} {P} fra {O}.",
    "{P} ({REL}) deltog ikke i netværksmødet.",
    "Pårørende: {P} ({REL}), tlf. {PHONE}",
    "Kontaktperson: {P}, {O}, tlf. {PHONE}",
    "Navn: {P}",
    "Klienten {P} er løsladt fra {O} den {DATE}.",
    "{F} fortæller, at han har haft svært ved at holde sig stoffri.",
    "{F} oplyser, at hun ønsker at flytte til {T}.",
    "{F} har fået job hos {O} og møder stabilt.",
    "{F} er motiveret for behandling i {O}.",
    "Han har været i kontakt med sin {REL} {F}, som bor på {L}.",
    "Han bor sammen med sin kæreste {P} på {S} {NUM} i {T}.",
    "Hun ønsker ikke, at {Pg} {REL} får oplysninger om sagen.",
    "Samværet med {Fg} børn sker under overvågning.",
    "Ifølge {REL}en {F} har klienten drukket igen.",
    "{P} har overtaget sagen efter {P}.",
    "Der er sendt kopi til {P}, {O}.",
    "Underskrevet af {P}, {ROLE}.",
    "Klientens {REL}, {P}, er tidligere straffet for narkotikakriminalitet.",
    "Han omgås fortsat {P} og {P}, som er kendt af politiet.",
    "{P} og {F} var til stede under samtalen.",
    "Samtale med {F} den {DATE} på kontoret i {T}.",
    "{F} mødte ikke op til samtalen, og {ROLE} {P} er orienteret.",
    "I journalnotat af {DATE} skriver {P}, at aftalen er overholdt.",
    "{Fg} mor har kræft og er indlagt på {O}.",
    "{Fg} far døde, da han var 12 år.",
    "{Pg} advokat har bedt om aktindsigt.",
    "Forsvarer {P} har fået kopi af handleplanen.",
    "Psykolog {P} vurderer, at {F} har behov for støtte.",
    "Lægen {P} har ordineret medicin.",
    "Misbrugskonsulent {P} fra {O} har foretaget urinprøver.",
    "{P} fra {O} oplyser, at klienten er udeblevet.",
    "Klienten har haft besøg af sin {REL} {F} og sin {REL} {F}.",
    "Offeret {P} har givet udtryk for at være utryg.",
    "Forurettede {P} bor fortsat i {T}.",
    "Der er opstillet kontaktforbud til {P}.",
    "Vidnet {P} har forklaret til politiet.",
    "Medindsatte {P} blev overført til {O}.",
    "Han har to børn, {F} og {F}, med sin tidligere {REL} {P}.",
    "Kontakt gerne {F} på {EMAIL}.",
    "Jeg har talt med {F} i telefonen i dag.",
    "Til {P}",
    "Att.: {P}, {O}",
    "Kære {F}\n\nTak for mødet i går. Jeg vender tilbage med en ny tid.\n\n"
    "Med venlig hilsen\n{P}\n{ROLE}\n{O}",
    "Hej {F}\nJeg kan desværre ikke komme på torsdag.\nVh {F}",
    "Fra: {P} <{EMAIL}>\nTil: {P} <{EMAIL}>\nEmne: Netværksmøde",
    "Med venlig hilsen\n\n{P}\n{ROLE}, {O}\nTlf. {PHONE}",
    "{P} har søgt om udgang for at besøge sin {REL} i {L}.",
    "{P} er født i {L} og kom til Danmark som barn.",
    "Familien {S2} bor i {T}.",
    "Hr. {S2} har ikke svaret på henvendelsen.",
    "Fru {S2} oplyser, at sønnen har det bedre.",
    "{F} {S2} har været i behandling siden {DATE}.",
    "{P} mødte op sammen med sin {REL}.",
    "Det blev aftalt med {F}, at han skal søge uddannelse.",
    "{P} blev anholdt i {T} sammen med {P}.",
    "Han oplyser, at {F} truede ham med en kniv.",
    "Ifølge {P} har klienten betalt sin gæld til {O}.",
    "Kontaktpersonen {F} har været med til lægen.",
    "Han ønsker at genoptage kontakten til sin datter {F}.",
    "Sønnen {F} går i skole i {T}.",
    "Datteren {F} bor hos moren {P}.",
    "Bostøttemedarbejder {P} kommer to gange om ugen.",
    "Tilsynsførende: {P}",
    "Samarbejdspartnere: {P} ({O}), {P} ({O})",
    "Ansvarlig: {P}",
    "{P}, {ROLE}",
    "{F} er motiveret for at komme i arbejde.",
    "{F} har svært ved at overholde aftaler.",
    "{F} ønsker ikke kontakt med sin {REL}.",
    "{F} mødte stabilt op i hele perioden.",
    "{P} har søgt om prøveløsladelse.",
    "{P} har overtaget sagen.",
    "{P} er kendt af politiet i {T}.",
    "{P} blev dømt for røveri i {DATE}.",
    "{Fg} {REL} bor i {T}.",
    "{Fg} {REL} har ringet flere gange.",
    "{Pg} {REL} er tidligere straffet.",
    "{Fg} økonomi er presset, og {F} har gæld til {O}.",
    "{F} og {F} bor sammen i {T}.",
    "{F} fortæller, at {F} har truet ham.",
    "Ifølge {F} er der ikke noget misbrug.",
    "Efter samtalen ringede {F} til sin {REL}.",
    "Det oplyses, at {P} har været indlagt på {O}.",
    "I dag har jeg talt med {P} om løsladelsen.",
    "Klienten har tidligere boet hos {P} i {T}.",
    "Hun har fået et barn med {P}.",
    "{P} arbejder som {ROLE} i {O}.",
]

# Sentences with a name-like word used as an ordinary word ({W} is filled from WORD_USES).
WORD_TEMPLATES = [
    "Hans {REL} har tidligere domme.",
    "Hans {REL} er syg og bor i {T}.",
    "Hans mor og hans far er skilt.",
    "Hans økonomi er stabil, og hans bolig er sikret.",
    "Hans misbrug er ophørt, og han møder stabilt.",
    "Hun ønsker at bo i egen lejlighed i {T}.",
    "Han skal bo på {O} de første måneder.",
    "Han kan ikke bo hos sin {REL} efter løsladelsen.",
    "Det er vigtigt, at han får et sted at bo.",
    "Han kastede med sten mod politiet.",
    "Sten og flasker blev kastet mod betjentene.",
    "Held og lykke med det nye job.",
    "Lykke er for ham at have et arbejde og en familie.",
    "Han har haft lykke med at finde en lejlighed.",
    "Han arbejder på en mark ved {T}.",
    "Bilen blev fundet på en mark uden for {T}.",
    "De vilde planer om at flytte er opgivet.",
    "Han har tidligere haft vilde fester i lejligheden.",
    "Sol og frisk luft hjælper på humøret, siger han.",
    "Han sad i solen på gårdturen.",
    "Han ønsker et stabilt liv uden kriminalitet.",
    "Liv og helbred er ikke i fare.",
    "Der var storm, og bussen var forsinket.",
    "Han mødte op i maj og igen i juni.",
    "Samtalen blev holdt per telefon.",
    "Ydelsen udbetales per måned.",
    "Hans ønske er at komme i uddannelse.",
    "Hans netværk består primært af familien.",
    "Bo- og støttetilbud er drøftet med kommunen.",
]

# Sentences without any entity, in case-file phrasing.
PLAIN_TEMPLATES = [
    "Klienten har overholdt vilkårene i prøvetiden.",
    "Der er ikke registreret nye sigtelser.",
    "Han er motiveret for at søge arbejde efter løsladelsen.",
    "Hun har behov for hjælp til at søge bolig.",
    "Klienten ønsker kontakt til misbrugsbehandling.",
    "Sagsbehandleren er orienteret om løsladelsesdatoen.",
    "Han har gæld til det offentlige.",
    "Der er aftalt urinprøver hver uge.",
    "Klienten har selv underskrevet samtykkeerklæringen.",
    "Mødet blev aflyst på grund af sygdom.",
    "Hun har fået tilbudt en lejlighed med indflytning den {DATE}.",
    "Han møder til samtale hver anden uge på kontoret.",
    "Handleplanen er drøftet med klienten den {DATE}.",
    "Der er ikke behov for yderligere tiltag på nuværende tidspunkt.",
    "Han har arbejdet hos {O} som lagermedarbejder.",
    "Hun har fået praktikplads i {O} i {T}.",
    "Han handler ind i {O} og betaler selv sin husleje.",
    "Lejligheden er lejet gennem {O}.",
    "Han har ansøgt om optagelse på {O}.",
    "{O} har bevilget støtte efter serviceloven.",
    "{O} har sendt en indkaldelse til samtale.",
    "Klienten er i behandling hos {O} i {T}.",
    "Der er sendt underretning til {O}.",
]

WORD_USES = ["bo", "sten", "lykke", "mark", "vilde", "sol", "liv", "storm", "maj", "per", "hans"]

RELATIVES = ["bror", "søster", "mor", "far", "kæreste", "ekskone", "eksmand", "ægtefælle",
             "hustru", "mand", "kone", "søn", "datter", "fætter", "kusine", "onkel", "moster",
             "faster", "morbror", "farbror", "halvbror", "halvsøster", "stedfar", "mormor",
             "farmor", "morfar", "svoger", "svigerinde", "nevø", "niece", "samlever", "ven",
             "veninde", "plejemor", "plejefar", "tidligere kæreste"]
# For "{REL}en ..." the relative is made definite by simple rules below.
DEFINITE = {"bror": "Broren", "søster": "Søsteren", "mor": "Moren", "far": "Faren",
            "kæreste": "Kæresten", "ekskone": "Ekskonen", "ægtefælle": "Ægtefællen",
            "søn": "Sønnen", "datter": "Datteren", "onkel": "Onklen", "ven": "Vennen",
            "samlever": "Samleveren", "fætter": "Fætteren", "kusine": "Kusinen"}

ROLES = ["Sagsbehandler", "sagsbehandler", "KiF-medarbejder", "Misbrugskonsulent",
         "misbrugskonsulent", "Kontaktperson", "kontaktperson", "Socialrådgiver",
         "socialrådgiver", "Fængselsbetjent", "fængselsbetjent", "Psykiater", "psykolog",
         "Jobkonsulent", "jobkonsulent", "Bostøtte", "Mentor", "Afdelingsleder",
         "Fængselsfunktionær", "Tilsynsførende", "advokat", "Sundhedsplejerske",
         "Værkstedsformand", "Udslusningskoordinator", "Boligsocial medarbejder"]

MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
          "september", "oktober", "november", "december"]

SLOT_RE = re.compile(r"\{(P|F|Pg|Fg|O|T|L|S|S2|REL|ROLE|NUM|DATE|PHONE|EMAIL|W)\}")
PER_SLOTS = {"P", "F", "Pg", "Fg"}


class Generator:
    """Fills templates with invented names, recording entity character offsets."""

    def __init__(self, names: Names, rng: random.Random, caps_rate: float = 0.1) -> None:
        self.n = names
        self.rng = rng
        self.caps_rate = caps_rate
        self.origins = sorted(names.first)

    # --- names --------------------------------------------------------------------------
    def _origin(self) -> str:
        # About half Danish, the rest spread over other origins common in Denmark.
        if self.rng.random() < 0.5 and "dansk / nordisk" in self.n.first:
            return "dansk / nordisk"
        return self.rng.choice(self.origins)

    def first_name(self, origin: str | None = None) -> str:
        if self.rng.random() < 0.12:
            return self.rng.choice(self.n.word_names)
        origin = origin or self._origin()
        return self.rng.choice(self.n.first[origin])

    def surname(self, origin: str) -> str:
        key = origin if origin in self.n.surnames else "dansk"
        if origin == "dansk / nordisk":
            key = "dansk"
        if self.rng.random() < 0.25:  # mixed families are common
            key = self.rng.choice(sorted(self.n.surnames))
        return self.rng.choice(self.n.surnames[key])

    def full_name(self) -> str:
        origin = self._origin()
        parts = [self.first_name(origin)]
        r = self.rng.random()
        if r < 0.12:
            parts.append(self.first_name(origin))  # double first name
        elif r < 0.3:
            parts.append(self.surname(origin))  # middle name (Anne Kjær Holm)
        last = self.surname(origin)
        if self.rng.random() < 0.08:
            last = f"{last}-{self.surname(origin)}"
        parts.append(last)
        return " ".join(parts)

    @staticmethod
    def genitive(name: str) -> str:
        return name + "'" if name[-1].lower() in "sxz" else name + "s"

    # --- other fillers --------------------------------------------------------------------
    def org(self) -> str:
        return self.rng.choice(self.n.orgs).replace("{by}", self.rng.choice(self.n.towns))

    def date(self) -> str:
        day, month = self.rng.randint(1, 28), self.rng.choice(MONTHS)
        return f"{day}. {month} {self.rng.randint(2019, 2027)}"

    def phone(self) -> str:
        digits = "".join(str(self.rng.randint(0, 9)) for _ in range(8))
        styles = [f"{digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:]}", digits,
                  f"+45 {digits[:4]} {digits[4:]}", f"{digits[:4]} {digits[4:]}"]
        return self.rng.choice(styles)

    def email(self) -> str:
        size = self.rng.randint(2, 6)
        user = "".join(self.rng.choice("abcdefghijklmnoprstuv") for _ in range(size))
        dom = self.rng.choice(["odense.dk", "aarhus.dk", "kriminalforsorgen.dk", "gmail.com",
                               "hotmail.com", "kk.dk", "mail.dk", "live.dk"])
        return f"{user}@{dom}"

    # --- sentences ------------------------------------------------------------------------
    def fill(self, template: str, caps: bool) -> tuple[str, list[Span]]:
        out: list[str] = []
        spans: list[Span] = []
        pos = 0
        length = 0
        for m in SLOT_RE.finditer(template):
            lit = template[pos:m.start()]
            out.append(lit)
            length += len(lit)
            slot = m.group(1)
            label: str | None = None
            if slot == "P":
                text, label = self.full_name(), "PER"
            elif slot == "F":
                text, label = self.first_name(), "PER"
            elif slot == "Pg":
                text, label = self.genitive(self.full_name()), "PER"
            elif slot == "Fg":
                text, label = self.genitive(self.first_name()), "PER"
            elif slot == "S2":
                text, label = self.surname(self._origin()), "PER"
            elif slot == "O":
                text, label = self.org(), "ORG"
            elif slot == "T":
                text, label = self.rng.choice(self.n.towns), "LOC"
            elif slot == "L":
                pool = self.n.towns + self.n.places
                text, label = self.rng.choice(pool), "LOC"
            elif slot == "S":
                text, label = self.rng.choice(self.n.streets), "LOC"
            elif slot == "REL":
                text = self.rng.choice(RELATIVES)
            elif slot == "ROLE":
                text = self.rng.choice(ROLES)
            elif slot == "NUM":
                text = str(self.rng.randint(1, 140))
            elif slot == "DATE":
                text = self.date()
            elif slot == "PHONE":
                text = self.phone()
            elif slot == "EMAIL":
                text = self.email()
            else:  # "W"
                text = self.rng.choice(WORD_USES)
            if label == "PER" and caps:
                text = text.upper()
            if label:
                spans.append((length, length + len(text), label))
            out.append(text)
            length += len(text)
            pos = m.end()
        out.append(template[pos:])
        text = "".join(out)
        # "{REL}en" at sentence start: use the proper definite form.
        text, spans = _fix_definite(text, spans)
        return text, spans

    def sentence(self) -> tuple[str, list[Span]]:
        r = self.rng.random()
        if r < 0.72:
            template = self.rng.choice(PERSON_TEMPLATES)
        elif r < 0.9:
            template = self.rng.choice(WORD_TEMPLATES)
        else:
            template = self.rng.choice(PLAIN_TEMPLATES)
        caps = self.rng.random() < self.caps_rate
        text, spans = self.fill(template, caps)
        if self.rng.random() < 0.05:  # whole line in capitals, as in headings
            text = text.upper()
        return text, spans


def _fix_definite(text: str, spans: list[Span]) -> tuple[str, list[Span]]:
    """Rewrite "<relative>en" (from "{REL}en") to the correct definite form."""
    for rel in sorted(RELATIVES, key=len, reverse=True):
        bad = rel + "en "
        if text.startswith(bad):
            good = DEFINITE.get(rel) or f"Klientens {rel}"
            good += " "
            shift = len(good) - len(bad)
            text = good + text[len(bad):]
            spans = [(s + shift, e + shift, lab) for s, e, lab in spans]
            break
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text, spans


def generate(n: int, seed: int, names: Names | None = None) -> list[tuple[str, list[Span]]]:
    """Return ``n`` invented sentences with (start, end, label) character spans."""
    rng = random.Random(seed)
    gen = Generator(names or load_names(), rng)
    return [gen.sentence() for _ in range(n)]


if __name__ == "__main__":  # preview: python scripts/ner/augment.py
    for text, spans in generate(25, seed=1):
        print(repr(text), [(text[s:e], lab) for s, e, lab in spans])
