"""mtreview: machine-translation review for French.

Python API (heavy models load on first use)::

    import mtreview
    result = mtreview.review(text)              # flags: result.flags, JSON: result.to_dict()
    fixed = mtreview.fix(text)                  # fixed.text, fixed.changes
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["review", "fix", "Flag", "Document", "Reviewer", "__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from .correct import fix
    from .document import Document
    from .flags import Flag
    from .review import Reviewer, review


def __getattr__(name: str) -> Any:
    if name == "review":
        from .review import review
        return review
    if name == "Reviewer":
        from .review import Reviewer
        return Reviewer
    if name == "fix":
        from .correct import fix
        return fix
    if name == "Flag":
        from .flags import Flag
        return Flag
    if name == "Document":
        from .document import Document
        return Document
    raise AttributeError(name)
