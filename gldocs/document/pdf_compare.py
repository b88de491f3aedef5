"""How alike two PDFs look, page by page: for tests, benchmarks and the evidence folder.

Both files are drawn with pdfium (pypdfium2, which pdfplumber brings along) in grey at a
low resolution and slightly blurred, so a glyph drawn half a point to the side by another
font is still the same ink. A page's similarity is the Dice overlap of the two pages' ink
(dark pixels): 1.0 is the same ink everywhere, 0.0 nothing in common. A page only one
file has scores 0.0.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

_DPI = 50
_INK = 200  # grey level below which a pixel is ink (after the blur)


def page_images(path: Path, dpi: int = _DPI) -> list[Any]:  # list[PIL.Image.Image]
    import pypdfium2 as pdfium
    from PIL import ImageFilter

    pdf = pdfium.PdfDocument(str(path))
    try:
        out = []
        for page in pdf:
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            out.append(image.filter(ImageFilter.GaussianBlur(1.2)))
            page.close()
        return out
    finally:
        pdf.close()


def ink_similarity(a: Any, b: Any) -> float:  # (PIL.Image.Image, PIL.Image.Image)
    """Dice overlap of the ink of two page images (resized to the first's size)."""
    import numpy as np

    if b.size != a.size:
        b = b.resize(a.size)
    ink_a = np.asarray(a) < _INK
    ink_b = np.asarray(b) < _INK
    total = int(ink_a.sum() + ink_b.sum())
    if total == 0:
        return 1.0
    return 2.0 * int((ink_a & ink_b).sum()) / total


def page_similarity(original: Path, copy: Path, dpi: int = _DPI) -> list[float]:
    """The similarity of each page of ``original`` to the same page of ``copy``."""
    pages_a, pages_b = page_images(original, dpi), page_images(copy, dpi)
    n = max(len(pages_a), len(pages_b))
    return [ink_similarity(pages_a[i], pages_b[i]) if i < len(pages_a) and i < len(pages_b)
            else 0.0 for i in range(n)]
