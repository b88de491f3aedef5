"""The afgangsbedømmelse at release (Mål- og resultatplan 2015) and its documents.

Modules::

    kategorier   the categories of bolig, beskæftigelse and forsørgelse, and which count
                 as "in place" (pure data, imported by the case model)
    dokument     the full afgangsbedømmelse and the kommune's copy (context, refusals, names)
    commands     ``gldocs afgang``

This package imports nothing at package level, so the case model can import
:mod:`gldocs.afgang.kategorier` without a cycle.
"""
