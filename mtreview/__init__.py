"""mtreview: machine-translation review for French.

Python API (heavy models load on first use)::

    import mtreview
    result = mtreview.review(text)              # flags: result.flags, JSON: result.to_dict()
    fixed = mtreview.fix(text)                  # fixed.text, fixed.changes
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["review", "fix", "Flag", "Document", "Reviewer", "__version__"]

# Imported eagerly (they are light: models load on first use). ``review`` is both a function and a
# submodule: binding the function here, after the submodule was imported, keeps ``mtreview.review``
# the function for good (a lazy ``__getattr__`` lost it to the submodule on the second call).
from .correct import fix  # noqa: E402
from .document import Document  # noqa: E402
from .flags import Flag  # noqa: E402
from .review import Reviewer, review  # noqa: E402
