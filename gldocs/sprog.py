"""Small pieces of Danish for messages: counted nouns and operating-system errors.

    antal(1, "linje", "linjer") -> "1 linje";  antal(3, "linje", "linjer") -> "3 linjer"
    os_fejl(exc) -> "adgang nægtet" for a PermissionError, never the English strerror
"""

from __future__ import annotations

import errno
import os

_ERRNO_DA: dict[int, str] = {
    errno.ENOENT: "filen eller mappen findes ikke",
    errno.EACCES: "adgang nægtet",
    errno.EPERM: "handlingen er ikke tilladt",
    errno.ENOSPC: "der er ikke mere plads på disken",
    errno.EROFS: "filsystemet er skrivebeskyttet",
    errno.EISDIR: "det er en mappe",
    errno.ENOTDIR: "en del af stien er ikke en mappe",
    errno.EEXIST: "findes allerede",
    errno.ENAMETOOLONG: "navnet er for langt",
    errno.EIO: "fejl ved læsning eller skrivning (I/O)",
    errno.EBUSY: "filen er i brug",
    errno.EADDRINUSE: "porten er allerede i brug",
    errno.EADDRNOTAVAIL: "adressen kan ikke bruges",
    errno.EMFILE: "for mange åbne filer",
    errno.ETXTBSY: "filen er i brug",
    errno.EXDEV: "kan ikke flyttes mellem to drev",
}
if hasattr(errno, "EDQUOT"):
    _ERRNO_DA[errno.EDQUOT] = "diskkvoten er opbrugt"


def antal(n: int, one: str, many: str) -> str:
    """``n`` with the noun in the right number: "1 linje", "0 linjer", "2 linjer"."""
    return f"{n} {one if n == 1 else many}"


def os_fejl(exc: BaseException) -> str:
    """The reason of an ``OSError`` in Danish (a generic Danish phrase for rare ones)."""
    code = getattr(exc, "errno", None)
    filename = getattr(exc, "filename", None)
    if code == errno.EEXIST and filename and os.path.isfile(filename):
        return f"{filename} er en fil, ikke en mappe"  # mkdir where a file stands
    if code in _ERRNO_DA:
        return _ERRNO_DA[code]
    return f"systemfejl nr. {code}" if code else "systemfejl"
