"""Typography detector: French spacing, guillemets, dashes, ellipses; minor and switchable."""

from __future__ import annotations

from conftest import flags

from mtreview.detectors.typography import TypographyDetector

NB = "\u00a0"


def typo(text, **options):
    """The flags of a typography detector built with ``options``: every one minor."""
    out = flags(TypographyDetector(**options), text)
    assert all(f.severity == "minor" for f in out), out
    return out


def apply(text, fl):
    for f in sorted(fl, key=lambda f: -f.start):
        text = text[:f.start] + f.suggestions[0] + text[f.end:]
    return text


def test_high_punctuation_needs_a_space():
    out = typo("Il a répondu: non. Pourquoi? Parce que!")
    assert [f.text for f in out] == [":", "?", "!"]
    assert out[0].suggestions == [NB + ":"]
    assert typo("Il a répondu : non. Il est 10:30 ; voir https://exemple.fr/a:b") == []


def test_straight_quotes_become_guillemets():
    text = 'Il a dit "absurde" et "fini. "'
    out = typo(text)
    assert apply(text, out) == f"Il a dit «{NB}absurde{NB}» et «{NB}fini.{NB}»"


def test_guillemet_spacing_dash_ellipsis_capital():
    text = "Le «despote» - disait-il . . . et puis, Cela change."
    out = typo(text)
    rules = [f.evidence["rule"] for f in out]
    assert rules.count("guillemet_spacing") == 2
    assert "dash" in rules and "ellipsis" in rules and "capital_after_comma" in rules
    fixed = apply(text, out)
    assert f"«{NB}despote{NB}»" in fixed and " – " in fixed and "…" in fixed and ", cela" in fixed


def test_decimal_point_and_strict_rules():
    assert [f.suggestions[0] for f in typo("Un courant de 1.5 A et la version 2.1.3.")] == ["1,5"]
    strict = typo("Une fréquence de 10kHz... bien.", strict=True)
    assert {f.evidence["rule"] for f in strict} >= {"unit_space", "ellipsis"}
    assert typo("Une fréquence de 10kHz... bien.") == []


def test_rules_can_be_switched_off_and_apostrophes_only_when_mixed():
    assert typo('Il a dit: "oui"', rules=["dash"]) == []
    assert typo("L'homme et l'enfant.") == []
    mixed = typo("L'homme et l’enfant et l’arbre.")
    assert len(mixed) == 1 and mixed[0].suggestions == ["’"]
