"""gldocs: handleplaner, frister og videregivelse til kommunen for Kriminalforsorgen."""

from gldocs.errors import GldocsError

__version__ = "0.1.0"
__all__ = ["GldocsError", "__version__"]
