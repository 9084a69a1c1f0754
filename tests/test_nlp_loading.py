"""spaCy loads without importing torch, through a thread-scoped import refusal that leaves nothing behind."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from mtreview.nlp import declined_in_thread

#: a standard-library module nothing here imports (a stand-in for torch, which the fast tier may not load)
STAND_IN = "colorsys"


def test_declined_only_in_this_thread_and_only_inside_the_block():
    sys.modules.pop(STAND_IN, None)
    finders = list(sys.meta_path)
    other: list[object] = []
    with declined_in_thread(STAND_IN):
        with pytest.raises(ModuleNotFoundError, match="declined"):
            __import__(STAND_IN)
        assert STAND_IN not in sys.modules  # sys.modules is not touched
        t = threading.Thread(target=lambda: other.append(__import__(STAND_IN)))
        t.start()
        t.join()
    assert other and other[0] is sys.modules[STAND_IN]  # another thread imported it as usual
    assert sys.meta_path == finders
    with declined_in_thread(STAND_IN):  # already imported: nothing to decline
        assert __import__(STAND_IN) is sys.modules[STAND_IN] and sys.meta_path == finders


@pytest.mark.slow
def test_get_nlp_leaves_torch_unimported_and_importable():
    code = ("import sys; from mtreview.nlp import get_nlp; n = len(sys.meta_path); nlp = get_nlp(); "
            "assert 'torch' not in sys.modules and len(sys.meta_path) == n; "
            "assert [t.pos_ for t in nlp('Le chat dort.')][1] == 'NOUN'; import torch; print('ok')")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                       cwd=Path(__file__).resolve().parents[1])
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr
