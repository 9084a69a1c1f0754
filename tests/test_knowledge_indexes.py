"""The derived indexes of a names base (calques, pivot homographs) belong to the base: built on first use,
kept on it, rebuilt when entities are added; an overlay of user entities builds on its base's."""

from __future__ import annotations

import pickle

from mtreview.knowledge import calques, homographs
from mtreview.knowledge.calques import get_calque_index
from mtreview.knowledge.homographs import get_homograph_index, load_homographs
from mtreview.knowledge.names import Entity, NameKnowledgeBase, OverlayKnowledgeBase


def _musk() -> Entity:
    return Entity(id="elon-musk", type="person", fr="Elon Musk", en="Elon Musk", ru="Илон Маск", aliases=["Musk"])


def _fox() -> Entity:
    return Entity(id="blue-fox", type="brand", fr="Blue Fox", en="Blue Fox", ru="Блю Фокс")


def test_indexes_are_kept_on_the_base():
    kb = NameKnowledgeBase([_musk()])
    assert not hasattr(calques, "_CACHE") and not hasattr(homographs, "_CACHE")
    cidx, hidx = get_calque_index(kb), get_homograph_index(kb)
    assert kb.calques is cidx and get_calque_index(kb) is cidx
    assert kb.homographs is hidx and get_homograph_index(kb) is hidx
    assert [h.entity for h in hidx.words["masque"]] == [0, 0, 0]  # the shipped rows of Маск's case forms
    assert not cidx.keys
    kb.add_entities([_fox()])  # derived from the entities: rebuilt on next use
    assert kb.calques is None and kb.homographs is None
    assert set().union(*get_calque_index(kb).keys.values()) == {1}  # «renard bleu»
    again = pickle.loads(pickle.dumps(kb))  # the calque index travels with a pickled base, not the other
    assert again.calques is not None and again.homographs is None


def test_overlay_builds_on_its_base_and_leaves_it_alone():
    kb = NameKnowledgeBase([_musk()])
    base_calques = get_calque_index(kb)
    overlay = OverlayKnowledgeBase(kb, [_fox(), Entity(id="u-musk", type="person", fr="Elon Musk", en="Elon Musk",
                                                       ru="Илон Маск", aliases=["Musk"])])
    ov = get_calque_index(overlay)
    assert overlay.calques is ov and kb.calques is base_calques and not base_calques.keys
    assert set().union(*ov.keys.values()) == {1}
    hidx = get_homograph_index(overlay)
    assert dict(hidx.words) == dict(load_homographs(overlay).words)  # what reading the shipped file gives
    assert {h.entity for h in hidx.words["masque"]} == {0, 2}
    # fuzzy look-ups through the overlay: the parent's code over the joined indexes, no duplicates
    got = overlay.fuzzy("Muskk")
    assert {v.entity for v, _ in got} == {0, 2} and len(got) == len(set(got))
    assert overlay.keys.get("nonexistent") is None and isinstance(overlay.phrases.get("elon musk"), set)


def test_a_user_entity_hides_the_built_in_one_with_its_id():
    kb = NameKnowledgeBase([_musk()])
    get_homograph_index(kb)
    overlay = OverlayKnowledgeBase(kb, [_musk()])  # same id: the user's entry replaces the built-in one
    hidx = get_homograph_index(overlay)
    assert dict(hidx.words) == dict(load_homographs(overlay).words)
    assert {h.entity for h in hidx.words["masque"]} == {1}
