"""Build step that puts the trained models into the wheel (the rest of the metadata is in pyproject.toml).

The repository keeps its models in the top-level ``models/`` folder. A wheel carries a copy of it as
package data, ``mtreview/_models/<model>/``, which :mod:`mtreview.resources` finds after installation.
An editable install copies nothing: :mod:`mtreview.resources` then finds the checkout's ``models/``.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
MODELS = HERE / "models"
#: must match ``mtreview.resources.INSTALLED_SUBDIR``
TARGET = Path("mtreview") / "_models"


def model_files() -> list[Path]:
    """The files of ``models/`` to ship, relative to it (no hidden files, no caches)."""
    if not MODELS.is_dir():
        return []
    return sorted(p.relative_to(MODELS) for p in MODELS.rglob("*")
                  if p.is_file() and not any(part.startswith((".", "__pycache__")) for part in p.relative_to(MODELS).parts))


class BuildPyWithModels(build_py):
    """``build_py`` that also copies ``models/`` to ``<build_lib>/mtreview/_models/``."""

    def _model_mapping(self) -> dict[str, str]:
        return {str(Path(self.build_lib) / TARGET / rel): str(MODELS / rel) for rel in model_files()}

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for target, source in self._model_mapping().items():
            self.mkpath(str(Path(target).parent))
            self.copy_file(source, target, preserve_mode=False)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:  # type: ignore[override]
        out = super().get_outputs(include_bytecode)
        if getattr(self, "editable_mode", False):
            return out
        return out + list(self._model_mapping())


setup(cmdclass={"build_py": BuildPyWithModels})
