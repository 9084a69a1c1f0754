"""The installed wheel works on its own: it carries the models and finds them outside the checkout.

Builds the wheel from a copy of the source tree (``pip wheel --no-deps --no-build-isolation``, nothing
downloaded), installs it into a temporary virtual environment that sees this environment's packages
(``--system-site-packages``: torch, spaCy, transformers… are not installed again) and, from a folder
outside the repository, checks that the wheel's ``mtreview`` is the one imported, that every model
resolves to the copy inside the installed package, and that ``mtreview check`` on the seed article
flags the broken names (about a minute on two cores).
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpora" / "seed" / "musk-putin-wsj.fr-mt.txt"
#: what the build does not need (and must not pick up): VCS, caches, earlier builds, virtual environments
IGNORED = shutil.ignore_patterns(".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__", "*.py[cod]",
                                 ".pytest_cache", ".ruff_cache", ".hypothesis", ".benchmarks", "out")

PROBE = """
import json, sys
import mtreview
from mtreview import resources
from mtreview.detectors.pivotmodel import get_model
from mtreview.knowledge.confusions import get_cooc_model
from mtreview.translit.infer import get_transliterator
from mtreview.translit.signature import get_signature

tr = get_transliterator()
get_model()
json.dump({"file": mtreview.__file__, "path": sys.path,
           "models": {m: str(resources.model_dir(m)) for m in resources.MODELS},
           "search": [[o, str(f)] for o, f in resources.search_path()],
           "translit": [str(tr.model_dir), tr.available], "signature": get_signature() is not None,
           "cooc": get_cooc_model() is not None}, sys.stdout)
"""


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "MTREVIEW_MODELS", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSAFEPATH")}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", GRADIO_ANALYTICS_ENABLED="False",
               PIP_DISABLE_PIP_VERSION_CHECK="1", PYTHONDONTWRITEBYTECODE="1")
    return env


def _run(cmd: list[str], cwd: Path, timeout: int) -> subprocess.CompletedProcess:
    r = subprocess.run(cmd, cwd=cwd, env=_env(), capture_output=True, text=True, timeout=timeout)
    assert r.returncode == 0, (cmd, r.stdout[-3000:], r.stderr[-3000:])
    return r


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict[str, Path]:
    for mod in ("pip", "setuptools"):  # looked up, not imported (setuptools patches distutils)
        assert importlib.util.find_spec(mod) is not None, f"{mod} is a build requirement of the project"
    tmp = tmp_path_factory.mktemp("wheel")
    src, dist, venv, work = tmp / "src", tmp / "dist", tmp / "venv", tmp / "work"
    shutil.copytree(ROOT, src, ignore=IGNORED)
    _run([sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "--no-build-isolation", "--no-index",
          "-q", "-w", str(dist)], cwd=tmp, timeout=300)
    wheels = list(dist.glob("mtreview-*.whl"))
    assert len(wheels) == 1, wheels
    _run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)], cwd=tmp, timeout=120)
    py = venv / "bin" / "python"
    # this environment's pip, run by the venv's interpreter, installs into the venv; --ignore-installed:
    # leave the editable install of the outer environment alone
    _run([str(py), "-m", "pip", "install", "--no-deps", "--no-index", "--ignore-installed", "-q", str(wheels[0])],
         cwd=tmp, timeout=300)
    work.mkdir()
    return {"wheel": wheels[0], "venv": venv, "python": py, "work": work,
            "site": Path(_run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                              cwd=work, timeout=60).stdout.strip())}


def test_wheel_carries_models_and_package_data(installed):
    """Every file of ``models/`` (as ``mtreview/_models/``) and of the package (code and data files)."""
    import zipfile

    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    expected = [f"mtreview/_models/{f.relative_to(ROOT / 'models').as_posix()}"
               for f in (ROOT / "models").rglob("*") if f.is_file()]
    expected += [f.relative_to(ROOT).as_posix() for f in (ROOT / "mtreview").rglob("*")
                if f.is_file() and "__pycache__" not in f.parts and f.suffix not in (".pyc", ".pyo")]
    assert [m for m in expected if m not in names] == []


def test_installed_package_finds_its_own_models(installed):
    r = _run([str(installed["python"]), "-c", PROBE], cwd=installed["work"], timeout=300)
    got = json.loads(r.stdout)
    site = installed["site"].resolve()
    pkg = Path(got["file"]).resolve().parent
    assert pkg == site / "mtreview", got["file"]  # the wheel's mtreview, not the checkout's
    assert not Path(got["file"]).resolve().is_relative_to(ROOT)
    assert [o for o, _ in got["search"]] == ["installed package"], got["search"]
    for name, folder in got["models"].items():
        folder = Path(folder).resolve()
        assert folder == pkg / "_models" / name, (name, folder)
        assert not folder.is_relative_to(ROOT)
    assert got["translit"] == [str(pkg / "_models" / "translit-ru-latin"), True]
    assert got["signature"] and got["cooc"]


def test_installed_cli_reviews_the_seed_outside_the_checkout(installed):
    work = installed["work"]
    article = work / "article.txt"
    article.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    exe = installed["venv"] / "bin" / "mtreview"
    assert exe.is_file()
    _run([str(exe), "check", str(article), "--format", "json", "-o", str(work / "flags.json")], cwd=work,
         timeout=600)
    flags = json.loads((work / "flags.json").read_text(encoding="utf-8"))["flags"]
    names = [f for f in flags if f["category"].startswith("name/")]
    sugg = {s for f in names for s in f["suggestions"]}
    assert any(f["category"] == "name/translated" and "Musk" in f["suggestions"] for f in names), sugg
    # names only the learned models and the name knowledge mend: re-romanised from Cyrillic
    assert {"Jair Bolsonaro", "Xi Jinping", "Dmitri Peskov"} <= sugg, sugg
