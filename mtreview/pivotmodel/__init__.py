"""A learned token-classification model that flags pivot errors (PIVOT-ERRORS.md §4).

* :mod:`.data` — synthetic training data: clean French sentences and corrupted copies with the error
  span marked (duplicated complements, zero copula, pivot senses, valence, English leftovers, false friends,
  genitive calques, idiom calques);
* :mod:`.model` — the tokenizer, the features and the small transformer tagger (O / B-ERR / I-ERR);
* :mod:`.train` — ``python -m mtreview.pivotmodel.train --out models/pivot-errors --minutes 20``.

The detector that uses the shipped model is :mod:`mtreview.detectors.pivotmodel`.
"""
