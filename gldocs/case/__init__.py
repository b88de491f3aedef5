"""The case file: one client's data for the handleplan (model, loading, starter file).

Public API::

    load_case(path) -> Case            # raises CaseFileError (Danish, file/line/field)
    load_case_text(text, name) -> Case
    dump_case(case) -> str             # YAML that loads back
    iter_text_fields(case)             # (path, section, text) for every text value
    with_text_fields(case, {path: text}) -> Case
    case_people(case) -> CasePeople    # client, professionals (keep), private persons (remove)
"""

from gldocs.case.fields import get_text_field, iter_text_fields, section_of, with_text_fields
from gldocs.case.loader import dump_case, load_case, load_case_text
from gldocs.case.model import Case
from gldocs.case.people import CasePeople, case_people
from gldocs.case.types import Klienttype, Koordineringsomraade
from gldocs.dates import format_dato

__all__ = [
    "Case",
    "CasePeople",
    "Klienttype",
    "Koordineringsomraade",
    "case_people",
    "dump_case",
    "format_dato",
    "get_text_field",
    "iter_text_fields",
    "load_case",
    "load_case_text",
    "section_of",
    "with_text_fields",
]
