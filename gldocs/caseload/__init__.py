"""The caseload: many case files at once, for a team leader and a caseworker.

Modules::

    fastload   a case file read with libyaml (same rules as gldocs.case.load_case)
    records    one case -> the plain facts the overview and the statistics need
    index      the SQLite index of those facts, refreshed by file hash and mtime
    oversigt   ``gldocs oversigt``: every client's next and overdue deadlines

``gldocs statistik`` (gldocs.statistik) reads the same index: one design for both.
"""
