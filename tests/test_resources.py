"""The models' search path (:mod:`mtreview.resources`): order, overrides, the error naming every place searched."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from mtreview import resources
from mtreview.errors import MtreviewError
from mtreview.resources import ModelNotFoundError, find_model_dir, model_dir, search_path

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def no_env(monkeypatch):
    monkeypatch.delenv(resources.ENV_MODELS, raising=False)


def test_checkout_finds_every_shipped_model(no_env):
    """From this source checkout (no wheel copy), every model is the repository's ``models/<name>``."""
    assert [origin for origin, _ in search_path()][-1] == "source checkout"
    for name in resources.MODELS:
        assert model_dir(name) == ROOT / "models" / name, name


def test_env_folders_come_first_in_order(monkeypatch, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    (b / "translit-ru-latin").mkdir(parents=True)
    (b / "cooc-fr").mkdir()
    (a / "cooc-fr").mkdir(parents=True)
    monkeypatch.setenv(resources.ENV_MODELS, f"{a}{os.pathsep}{b}")
    folders = [folder for _, folder in search_path()]
    assert folders[:2] == [a, b]
    assert model_dir("cooc-fr") == a / "cooc-fr"
    assert model_dir("translit-ru-latin") == b / "translit-ru-latin"
    # a model in neither folder falls through to the next places (here the checkout)
    assert model_dir("pivot-errors") == ROOT / "models" / "pivot-errors"


def test_missing_model_names_every_place_searched(monkeypatch, tmp_path):
    monkeypatch.setenv(resources.ENV_MODELS, str(tmp_path / "mine"))
    assert find_model_dir("no-such-model") is None
    with pytest.raises(ModelNotFoundError) as e:
        model_dir("no-such-model")
    assert isinstance(e.value, MtreviewError) and e.value.exit_code == 1
    msg = str(e.value)
    for _, folder in search_path():
        assert str(folder / "no-such-model") in msg
    assert "$MTREVIEW_MODELS" in msg and "\n" not in msg


def test_opt_in_detector_without_its_model_is_a_clear_error(monkeypatch, tmp_path):
    """Outside a checkout and with no installed copy, the pivot-error detector says where it looked."""
    from mtreview.detectors import pivotmodel
    from mtreview.document import Document

    monkeypatch.delenv(resources.ENV_MODELS, raising=False)
    monkeypatch.setattr(resources, "SOURCE_ROOT", tmp_path)  # not a checkout: no pyproject.toml
    with pytest.raises(ModelNotFoundError, match=r"'pivot-errors' not found; searched: .*installed package"):
        list(pivotmodel.PivotModelDetector().detect(Document.from_text("Une phrase sans erreur.")))
    with pytest.raises(ModelNotFoundError):
        pivotmodel.MODEL_DIR  # noqa: B018 - the lazy attribute resolves through the search path


def test_optional_models_degrade_to_none(monkeypatch, tmp_path):
    from mtreview.knowledge.confusions import CooccurrenceModel
    from mtreview.translit.infer import Transliterator
    from mtreview.translit.signature import PivotSignature

    monkeypatch.delenv(resources.ENV_MODELS, raising=False)
    monkeypatch.setattr(resources, "SOURCE_ROOT", tmp_path)
    assert CooccurrenceModel.load() is None
    assert PivotSignature.load() is None
    tr = Transliterator()
    assert tr.model_dir is None and not tr.available
    assert tr.candidates(["Zhaiir"], n=3) == [[]]


def test_no_model_path_arithmetic_outside_resources():
    """Every model lookup goes through :mod:`mtreview.resources`: no ``/ "models"`` path built elsewhere."""
    offenders = []
    for p in (ROOT / "mtreview").rglob("*.py"):
        if p.name == "resources.py":
            continue
        text = p.read_text(encoding="utf-8")
        if re.search(r"""/\s*["']models["']""", text):
            offenders.append(str(p.relative_to(ROOT)))
    assert offenders == []


def test_shared_data_dir_is_explicit(monkeypatch, tmp_path):
    monkeypatch.setenv(resources.ENV_SHARED_DATA, str(tmp_path))
    assert resources.shared_data_dir() == tmp_path
    monkeypatch.delenv(resources.ENV_SHARED_DATA)
    assert resources.shared_data_dir() == ROOT.parent / "shared" / "data"
