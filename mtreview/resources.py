"""Where mtreview finds its shipped models: one explicit, documented search path.

A model is a folder named after it (``translit-ru-latin``, ``pivot-errors``, ``pivot-signature``,
``cooc-fr``, ``fr-ngrams``, ``noun-phrases``). :func:`model_dir` returns the first of these that holds it:

1. every folder of ``$MTREVIEW_MODELS`` (one folder, or several separated by ``os.pathsep``), each a
   folder *of model folders* (``$MTREVIEW_MODELS/translit-ru-latin/...``): a retrained or relocated model;
2. the copy installed with the package, ``mtreview/_models/`` (a wheel carries the repository's
   ``models/`` there: ``setup.py`` copies it at build time);
3. the repository's ``models/``, when mtreview is imported from a source checkout (an editable install,
   or the tree itself on ``sys.path``): the folder beside the ``mtreview`` package, recognised by the
   ``pyproject.toml`` beside it.

A model found nowhere raises :class:`ModelNotFoundError`, whose message names every place searched;
:func:`find_model_dir` returns ``None`` instead, for the models whose absence only degrades a review.

Training data is not shipped: the training commands read ``$MTREVIEW_SHARED_DATA``, by default the
``shared/data`` folder beside the source checkout (:func:`shared_data_dir`), and write their models to
the checkout's ``models/`` unless told otherwise (:func:`source_models_dir`).
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from .errors import MtreviewError

__all__ = ["MODELS", "ModelNotFoundError", "find_model_dir", "model_dir", "search_path", "shared_data_dir",
           "source_models_dir"]

#: the models the project ships (the folders of the repository's ``models/``)
MODELS = ("translit-ru-latin", "pivot-errors", "pivot-signature", "cooc-fr", "fr-ngrams", "noun-phrases")
#: the environment variable that puts folders of models first on the search path
ENV_MODELS = "MTREVIEW_MODELS"
#: the environment variable naming the training-data folder (``../shared/data`` of the checkout)
ENV_SHARED_DATA = "MTREVIEW_SHARED_DATA"
#: where a wheel carries the models, inside the ``mtreview`` package
INSTALLED_SUBDIR = "_models"

#: the folder holding the ``mtreview`` package: the repository root in a source checkout
SOURCE_ROOT = Path(__file__).resolve().parent.parent


class ModelNotFoundError(MtreviewError):
    """A shipped model is in none of the folders of the search path."""

    exit_code = 1


def _package_dir() -> Path | None:
    """The installed ``mtreview`` package as a folder (``None`` if it is not on a file system)."""
    root = resources.files(__package__ or "mtreview")
    return root if isinstance(root, Path) else None


def is_source_checkout() -> bool:
    """True when mtreview is imported from a source checkout (``pyproject.toml`` beside the package)."""
    return (SOURCE_ROOT / "pyproject.toml").is_file() and (SOURCE_ROOT / "mtreview").is_dir()


def source_models_dir() -> Path:
    """The checkout's ``models/`` (where training writes by default); meaningless in an installed wheel."""
    return SOURCE_ROOT / "models"


def search_path() -> list[tuple[str, Path]]:
    """The folders searched for models, in order, each with where it comes from."""
    out: list[tuple[str, Path]] = []
    for part in os.environ.get(ENV_MODELS, "").split(os.pathsep):
        if part.strip():
            out.append((f"${ENV_MODELS}", Path(part.strip()).expanduser()))
    pkg = _package_dir()
    if pkg is not None:
        out.append(("installed package", pkg / INSTALLED_SUBDIR))
    if is_source_checkout():
        out.append(("source checkout", source_models_dir()))
    return out


def find_model_dir(name: str) -> Path | None:
    """The folder of model ``name``: the first hit on :func:`search_path`, or ``None``."""
    for _, folder in search_path():
        d = folder / name
        if d.is_dir():
            return d
    return None


def model_dir(name: str) -> Path:
    """The folder of model ``name``; :class:`ModelNotFoundError` naming every place searched if none."""
    d = find_model_dir(name)
    if d is not None:
        return d
    places = "; ".join(f"{folder / name} ({origin})" for origin, folder in search_path()) or "nowhere"
    raise ModelNotFoundError(
        f"model {name!r} not found; searched: {places}. Install mtreview with its models (a wheel carries "
        f"them), run it from a source checkout, or set ${ENV_MODELS} to a folder holding {name}/.")


def shared_data_dir() -> Path:
    """The training-data folder: ``$MTREVIEW_SHARED_DATA``, else ``shared/data`` beside the checkout."""
    env = os.environ.get(ENV_SHARED_DATA, "").strip()
    return Path(env).expanduser() if env else SOURCE_ROOT.parent / "shared" / "data"
