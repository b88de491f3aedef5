"""Release statistics (``gldocs statistik``): Mål- og resultatplan 2015 and målepunkter.

Modules::

    maalepunkter  Projekt God Løsladelse's målepunkter from the deadlines and done entries
    periode       --periode parsing and quarters
    beregning     the counts over the caseload index (pure)
    diskretion    --offentlig: suppression of small cells and their complements
    formater      txt, csv, xlsx, html and json
    diagrammer    the charts (matplotlib)
    commands      the command
"""
