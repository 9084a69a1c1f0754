"""Regenerate the small excerpts in this folder from ../shared/data (run from the project root).

    python3 tests/data/scoring/make_excerpts.py

Not run by the tests; kept so that the excerpts can be checked against their sources.
"""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).parent
SHARED = HERE.parents[2].parent / "shared" / "data"
N = 40


def lines(p: Path, n: int = N) -> list[str]:
    return p.read_text(encoding="utf-8").split("\n")[:n]


def main() -> None:
    wmt = SHARED / "wmt21-news-de-fr" / "de-fr"
    out = HERE / "wmt21-de-fr"
    (out / "system-outputs").mkdir(parents=True, exist_ok=True)
    src = lines(wmt / "newstest2021.de-fr.src.de")
    ref = lines(wmt / "newstest2021.de-fr.ref.A.fr")
    (out / "newstest2021.de-fr.src.de").write_text("\n".join(src) + "\n", encoding="utf-8")
    (out / "newstest2021.de-fr.ref.A.fr").write_text("\n".join(ref) + "\n", encoding="utf-8")
    hyps = {}
    for system in ("LISN", "Online-A", "Online-W"):
        hyps[system] = lines(wmt / "system-outputs" / f"newstest2021.de-fr.hyp.{system}.fr")
        (out / "system-outputs" / f"newstest2021.de-fr.hyp.{system}.fr").write_text(
            "\n".join(hyps[system]) + "\n", encoding="utf-8")
    # the same segments as bilingual files, for the format readers and id alignment
    fm = HERE / "formats"
    fm.mkdir(exist_ok=True)
    (fm / "LISN.tsv").write_text("".join(f"{s}\t{h}\n" for s, h in zip(src, hyps["LISN"], strict=True)),
                                 encoding="utf-8")
    with open(fm / "LISN.jsonl", "w", encoding="utf-8") as f:
        for i in reversed(range(N)):  # reversed: alignment must go by id, not by line
            f.write(json.dumps({"id": f"s{i + 1}", "source": src[i], "prediction": hyps["LISN"][i]},
                               ensure_ascii=False) + "\n")
    units = "".join(
        f'   <trans-unit id="s{i + 1}"><source>{escape(s)}</source><target state="translated">{escape(h)}</target>'
        f"</trans-unit>\n" for i, (s, h) in enumerate(zip(src, hyps["LISN"], strict=True)))
    (fm / "LISN.xlf").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        ' <file original="newstest2021" source-language="de" target-language="fr" datatype="plaintext"><body>\n'
        f"{units} </body></file>\n</xliff>\n", encoding="utf-8")
    refunits = "".join(
        f'  <unit id="s{i + 1}"><segment><source>{escape(s)}</source><target>{escape(r)}</target></segment></unit>\n'
        for i, (s, r) in enumerate(zip(src, ref, strict=True)))
    (fm / "ref.xlf").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
        f'srcLang="de" trgLang="fr">\n <file id="newstest2021">\n{refunits} </file>\n</xliff>\n', encoding="utf-8")
    tus = "".join(
        f'  <tu tuid="s{i + 1}"><tuv xml:lang="fr-FR"><seg>{escape(h)}</seg></tuv><tuv xml:lang="de"><seg>{escape(s)}'
        "</seg></tuv></tu>\n" for i, (s, h) in enumerate(zip(src, hyps["Online-A"], strict=True)))
    (fm / "Online-A.tmx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n'
        ' <header srclang="de" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="none" '
        'creationtool="mtreview-tests" creationtoolversion="1"/>\n <body>\n' + tus + " </body>\n</tmx>\n",
        encoding="utf-8")

    def po_str(t: str) -> str:
        return '"' + t.replace("\\", "\\\\").replace('"', '\\"') + '"'

    po = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', '"Language: fr\\n"', ""]
    for i, (s, h) in enumerate(zip(src, hyps["Online-A"], strict=True)):
        po += [f'msgctxt "s{i + 1}"', f"msgid {po_str(s)}", f"msgstr {po_str(h)}", ""]
    (fm / "Online-A.po").write_text("\n".join(po), encoding="utf-8")
    # XC-Translate: a few test rows and two systems' outputs for them
    xc = SHARED / "xc-translate-en-fr"
    rows = [json.loads(x) for x in (xc / "references" / "fr_FR.test.jsonl").read_text(encoding="utf-8").splitlines()[:30]]
    ids = {r["id"] for r in rows}
    xo = HERE / "xc-translate"
    xo.mkdir(exist_ok=True)
    (xo / "fr_FR.test.excerpt.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    for system in ("nllb", "kgmt-nllb"):
        keep = []
        for line in (xc / "predictions" / f"fr_FR.{system}.json").read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            base = d["id"].split("-")[0]
            if base in ids:
                keep.append(line)
        (xo / f"fr_FR.{system}.excerpt.json").write_text("\n".join(keep) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
