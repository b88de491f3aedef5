"""Charts a team leader can print (matplotlib, Danish labels, no personal data).

One figure, two panels: the distribution of 3/2/1/0 elements in place, and the quarterly
trend of each measure (shares). Suppressed numbers (``--offentlig``) are not drawn; their
place says "undertrykt". The titles are also written into the file's metadata (PNG text
chunks, SVG ``<title>``), so they can be checked without reading pixels.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from gldocs.errors import InputError
from gldocs.statistik.beregning import Statistik

TITEL_FORDELING = "Antal af de 3 løsladelseselementer på plads"
TITEL_UDVIKLING = "Udvikling kvartal for kvartal (andel)"
SERIER = (
    ("Dækning (afgangsbedømmelser pr. løsladelse)", "afgangsbedoemmelser", "loesladelser"),
    ("Egen bolig", "bolig", "afgangsbedoemmelser"),
    ("Passende beskæftigelse", "beskaeftigelse", "afgangsbedoemmelser"),
    ("Forsørgelsesgrundlag", "forsoergelse", "afgangsbedoemmelser"),
    ("Alle 3 på plads", "elementer_3", "afgangsbedoemmelser"),
)
FORMATER = (".png", ".svg")


def hovedtitel(stat: Statistik) -> str:
    return (f"Afgangsbedømmelser {stat.periode.fra.strftime('%d.%m.%Y')} - "
            f"{stat.periode.til.strftime('%d.%m.%Y')}")


def tegn(stat: Statistik, suffix: str) -> bytes:
    """The chart as PNG or SVG bytes."""
    if suffix not in FORMATER:
        raise InputError(f"Diagrammet skal være .png eller .svg, ikke '{suffix or 'intet'}'.")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with matplotlib.rc_context({"svg.fonttype": "none", "font.size": 10,
                                "svg.hashsalt": "gldocs"}):
        fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11.7, 6.0),
                                       gridspec_kw={"width_ratios": [1, 1.5]})
        try:
            fig.suptitle(hovedtitel(stat), fontsize=14, fontweight="bold")
            _fordeling(ax1, stat)
            _udvikling(ax2, stat)
            note = "Kilde: gldocs, sagsfilernes afgangsbedømmelser."
            if stat.undertrykt:
                note += " Tal under 5 og deres komplement er undertrykt."
            fig.text(0.01, 0.01, note, fontsize=8, color="#404040")
            fig.tight_layout(rect=(0, 0.04, 1, 0.95))
            buf = io.BytesIO()
            meta = {"Title": hovedtitel(stat)}
            if suffix == ".png":
                meta["Description"] = f"{TITEL_FORDELING}; {TITEL_UDVIKLING}"
            fig.savefig(buf, format=suffix[1:], dpi=150, metadata=meta)
            return buf.getvalue()
        finally:
            plt.close(fig)


def _fordeling(ax: Any, stat: Statistik) -> None:
    labels = ["3 af 3", "2 af 3", "1 af 3", "0 af 3"]
    values = [stat.get("alle", f"elementer_{n}") for n in (3, 2, 1, 0)]
    heights = [v or 0 for v in values]
    bars = ax.bar(labels, heights, color=["#1f3864", "#4f71be", "#8eaadb", "#c9d6ee"])
    for bar, v in zip(bars, values, strict=True):
        ax.annotate("undertrykt" if v is None else str(v),
                    (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    ha="center", va="bottom", fontsize=9)
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(0, max([*heights, 1]) * 1.15)
    ax.set_title(TITEL_FORDELING)
    ax.set_ylabel("Antal afgangsbedømmelser")
    ax.set_xlabel("Elementer på plads ved løsladelsen")
    ax.spines[["top", "right"]].set_visible(False)


def _udvikling(ax: Any, stat: Statistik) -> None:
    quarters = [q for q, _ in stat.kvartaler]
    for (label, num, den), marker in zip(SERIER, "osD^v", strict=True):
        ys: list[float | None] = []
        for q in quarters:
            n, d = stat.get(f"kvartal:{q}", num), stat.get(f"kvartal:{q}", den)
            ys.append(None if n is None or d is None or d == 0 else 100 * n / d)
        xs = [i for i, y in enumerate(ys) if y is not None]
        ax.plot(xs, [ys[i] for i in xs], marker=marker, label=label,
                markersize=7, linewidth=1.8, alpha=0.85)
    ax.set_xticks(range(len(quarters)), quarters)
    ax.set_ylim(0, 105)
    ax.set_ylabel("Procent")
    ax.set_title(TITEL_UDVIKLING)
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.1),
              ncol=2, frameon=False)
    ax.grid(axis="y", alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)


def suffix_of(path: Path) -> str:
    return path.suffix.lower()
