"""Knowledge the detectors read: names, transliteration, lexicons, dictionaries, glossaries.

Loaded lazily and cached; never mutated by detectors. Data files live in ``knowledge/data`` with
their sources; user additions go through glossaries (:mod:`mtreview.knowledge.glossary`).
"""
