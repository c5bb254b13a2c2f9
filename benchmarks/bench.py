"""Snelheid van integriteitsplan, in cijfers (geen test: het drukt af wat het meet).

    python3 benchmarks/bench.py            # alles
    python3 benchmarks/bench.py --snel     # minder herhalingen

Meet:
1. per document, in één proces: laden+controleren, verrijken+renderen, Markdown, Word;
2. de koude CLI (een nieuw proces per keer), en daarnaast één kale pandoc-omzetting van
   hetzelfde Markdown naar .docx als pandoc er is (met de verhouding);
3. de regio: alle leden van de Leidse regio in één batch, en een verzonnen regio van 50
   leden (in een tijdelijke map gemaakt, niet vastgelegd).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from integriteitsplan import controleren, laden, renderen, verrijken
from integriteitsplan.genereren import generate, maak_document
from integriteitsplan.schrijven import word
from integriteitsplan.schrijven.markdown import maak_md


def mediaan_ms(functie, herhalingen: int) -> float:
    tijden = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        functie()
        tijden.append((time.perf_counter() - begin) * 1000)
    return statistics.median(tijden)


def per_document(herhalingen: int) -> dict[str, str]:
    print("1. Per document, in één proces (mediaan in ms)")
    print(f"   {'document':42} {'laden+ctrl':>10} {'verrijken+render':>16} {'md':>6} {'docx':>7} {'totaal':>7}")
    mappen = laden.zoekmappen()
    markdown_per_doc = {}
    gevallen = [("voorbeeld", "beleidsplan", None), ("haarlem", "beleidsplan", None),
                ("arnhem", "beleidsplan", None), ("leiderdorp", "beleidsplan", None),
                ("voorbeeld", "jaarplan", 2027), ("voorbeeld", "jaarverslag", 2026)]
    for gemeente, soort, jaar in gevallen:
        if not (laden.meegeleverde_map() / gemeente).is_dir():
            continue
        staat = {}

        def laad():
            staat["p"] = laden.laad_profiel(gemeente, mappen)
            controleren.zeker_geldig(staat["p"])
            staat["j"] = laden.laad_jaren(staat["p"]) if soort != "beleidsplan" else laden.Jaargegevens()
            if soort != "beleidsplan":
                controleren.controleer_jaren(staat["p"], staat["j"])

        def verrijk_render():
            from integriteitsplan.genereren import verrijk

            staat["v"] = verrijk(staat["p"], staat["j"], soort, jaar)
            staat["v"].context.setdefault("grafiek", None)
            staat["g"] = renderen.render(staat["v"], staat["p"])

        def md():
            maak_md(staat["g"])

        def docx():
            from integriteitsplan.genereren import documentgegevens

            word.maak_docx(staat["g"].romp, documentgegevens(staat["p"], staat["v"]))

        laad(), verrijk_render(), md(), docx()  # opwarmen (sjablonen compileren, huisstijl laden)
        t_laad = mediaan_ms(laad, herhalingen)
        t_render = mediaan_ms(verrijk_render, herhalingen)
        t_md = mediaan_ms(md, herhalingen)
        t_docx = mediaan_ms(docx, herhalingen)
        t_heel = mediaan_ms(lambda: maak_document(staat["p"], soort, ("md", "docx"), staat["j"], jaar), herhalingen)
        naam = f"{gemeente} {soort}{' ' + str(jaar) if jaar else ''}"
        print(f"   {naam:42} {t_laad:10.1f} {t_render:16.1f} {t_md:6.1f} {t_docx:7.1f} {t_laad + t_heel:7.1f}")
        markdown_per_doc[naam] = staat["g"].markdown
    return markdown_per_doc


def koude_cli(markdown: str, herhalingen: int) -> None:
    print("\n2. Koude CLI: nieuw proces, voorbeeld, docx + md (mediaan in ms)")
    # Zoals bij een gebruiker: Python mag .pyc-bestanden bewaren (sommige omgevingen zetten
    # PYTHONDONTWRITEBYTECODE; dan compileert elke start het pakket opnieuw).
    omgeving = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as tmp:
        cli = [sys.executable, "-m", "integriteitsplan", "genereer", "voorbeeld", "--uitvoer", tmp, "--stil"]
        subprocess.run(cli, check=True, env=omgeving)
        t_cli = mediaan_ms(lambda: subprocess.run(cli, check=True, env=omgeving), herhalingen)
        leeg = [sys.executable, "-c", "pass"]
        t_python = mediaan_ms(lambda: subprocess.run(leeg, check=True, env=omgeving), herhalingen)
        print(f"   integriteitsplan genereer voorbeeld:      {t_cli:7.1f}")
        print(f"   (waarvan een lege Python-start:           {t_python:7.1f})")
        pandoc = shutil.which("pandoc")
        if pandoc is None:
            print("   pandoc is niet geïnstalleerd; geen vergelijking.")
            return
        bron = Path(tmp) / "plan.md"
        bron.write_text(markdown, encoding="utf-8")
        omzetten = [pandoc, str(bron), "-o", str(Path(tmp) / "plan.docx")]
        subprocess.run(omzetten, check=True)
        t_pandoc = mediaan_ms(lambda: subprocess.run(omzetten, check=True), herhalingen)
        print(f"   pandoc plan.md -o plan.docx (alleen omzetten): {t_pandoc:7.1f}")
        print(f"   verhouding CLI / pandoc:                  {t_cli / t_pandoc:7.2f}")


def regio(herhalingen: int) -> None:
    from integriteitsplan.batch import genereer_meerdere, leden_van

    print("\n3. Regio (seconden, één meting per regel)")
    mappen = laden.zoekmappen()
    if (laden.meegeleverde_map() / "leidse-regio").is_dir():
        leden = leden_van("leidse-regio", mappen)
        with tempfile.TemporaryDirectory() as tmp:
            begin = time.perf_counter()
            uitkomsten = genereer_meerdere(leden, uitvoer=tmp)
            duur = time.perf_counter() - begin
        gelukt = sum(u.gelukt for u in uitkomsten)
        print(f"   Leidse regio, {len(leden)} leden, beleidsplan docx+md: {duur:6.2f} s ({gelukt} gelukt)")
        basis, lid = "leidse-regio", leden[0]
    else:
        basis, lid = None, None
    with tempfile.TemporaryDirectory() as tmp:
        gemeenten = Path(tmp) / "gemeenten"
        gemeenten.mkdir()
        bron = laden.meegeleverde_map() / (basis or "voorbeeld")
        shutil.copytree(bron, gemeenten / "synthetische-regio")
        profiel = (gemeenten / "synthetische-regio" / "profiel.yaml").read_text(encoding="utf-8")
        namen = [f"gemeente-{i:02d}" for i in range(1, 51)]
        regels = [r for r in profiel.splitlines() if not r.startswith(("leden:", "basis:"))]
        (gemeenten / "synthetische-regio" / "profiel.yaml").write_text(
            "leden: [" + ", ".join(namen) + "]\n" + "\n".join(regels) + "\n", encoding="utf-8")
        for i, naam in enumerate(namen, 1):
            (gemeenten / naam).mkdir()
            (gemeenten / naam / "profiel.yaml").write_text(
                f"basis: synthetische-regio\nmetadata:\n  gemeente: Gemeente {i:02d}\n  steller: Team HR {i:02d}\n",
                encoding="utf-8")
        for processen in (1, 2):
            begin = time.perf_counter()
            uitkomsten = genereer_meerdere(namen, processen=processen, uitvoer=Path(tmp) / f"uit{processen}",
                                           profielmappen=[gemeenten])
            duur = time.perf_counter() - begin
            gelukt = sum(u.gelukt for u in uitkomsten)
            print(f"   verzonnen regio, 50 leden, {processen} proces(sen): {duur:6.2f} s "
                  f"({duur / 50 * 1000:.0f} ms per lid, {gelukt} gelukt)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snel", action="store_true", help="minder herhalingen")
    args = parser.parse_args()
    herhalingen = 5 if args.snel else 15
    markdown = per_document(herhalingen)
    koude_cli(next(iter(markdown.values())), 3 if args.snel else 7)
    regio(herhalingen)


if __name__ == "__main__":
    main()


# ---------------------------------------------------------------------------
# Publiceren: pdf en html (zelfstandig deel; draait na de metingen hierboven)

def publiceren(herhalingen: int = 3) -> None:
    """PDF van het voorbeeldplan (onze weg, met het paginanummerwerk) tegen een kale
    ``soffice --convert-to pdf`` van dezelfde .docx, elk met een eigen start van LibreOffice;
    en de webpagina per document in het proces."""
    import statistics

    from integriteitsplan import generate
    from integriteitsplan.genereren import bereid_voor, maak_document
    from integriteitsplan.schrijven import pdf

    print("\n4. Publiceren")
    soffice = pdf.soffice_pad()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if soffice and pdf._uno_aanwezig():
            docx = generate("voorbeeld", formaten=["docx"], uitvoer=tmp / "d").bestanden[0].pad
            profiel = (tmp / "lo-profiel").as_uri()
            kaal = [soffice, f"-env:UserInstallation={profiel}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp / "kaal"), str(docx)]
            subprocess.run(kaal, check=True, capture_output=True)  # profiel aanmaken
            tijden_kaal, tijden_ons = [], []
            for i in range(herhalingen):
                begin = time.perf_counter()
                subprocess.run(kaal, check=True, capture_output=True)
                tijden_kaal.append(time.perf_counter() - begin)
                begin = time.perf_counter()
                subprocess.run([sys.executable, "-m", "integriteitsplan", "genereer", "voorbeeld", "--formaat", "pdf",
                                "--uitvoer", str(tmp / f"o{i}"), "--stil"], check=True)
                tijden_ons.append(time.perf_counter() - begin)
            k, o = statistics.median(tijden_kaal), statistics.median(tijden_ons)
            print(f"   soffice --convert-to pdf (kaal, eigen start):    {k:6.2f} s")
            print(f"   integriteitsplan genereer voorbeeld --formaat pdf: {o:6.2f} s "
                  f"(verhouding {o / k:.2f}, met paginanummers en start van Python)")
        else:
            print("   LibreOffice of python3-uno ontbreekt: PDF niet gemeten")
        from integriteitsplan.genereren import verrijk, webpagina
        from integriteitsplan.schrijven.html import maak_html

        v = bereid_voor("voorbeeld", "alle")
        for soort, jaar in v.taken:
            verrijkt = verrijk(v.profiel, v.jaren, soort, jaar, v.mappen)
            verrijkt.context.setdefault("grafiek", None)
            gerenderd = renderen.render(verrijkt, v.profiel)
            pagina = webpagina(v.profiel, verrijkt, {})
            t = mediaan_ms(lambda: maak_html(gerenderd, pagina), 15)
            print(f"   html {soort} {jaar or ''}: {t:6.1f} ms per document (in het proces)")

if __name__ == "__main__":
    publiceren()


# --- privacy (issue 10): wat de controle vóór het schrijven kost --------------------------
# Los van de rest van dit bestand: eigen imports, eigen functie, eigen aanroep.

def privacy_audit(herhalingen: int = 20) -> None:
    import subprocess
    import sys
    import time as _time
    from pathlib import Path as _Path

    from integriteitsplan import laden as _laden
    from integriteitsplan.domein import jaarcyclus as _jc, privacy as _privacy

    gemeenten = _Path(__file__).resolve().parent.parent / "gemeenten"
    mappen = [_laden.Zoekmap(gemeenten, "bench")]

    def lijnen(m):
        return {dim: dict(m[dim]) for dim in ("soort", "afdoening", "uitkomst") if m[dim] is not None}

    def meet(functie) -> float:
        functie()  # warm (scipy geladen)
        begin = _time.perf_counter()
        for _ in range(herhalingen):
            functie()
        return (_time.perf_counter() - begin) / herhalingen * 1000

    print("privacy: controle vóór het schrijven")
    profiel = _laden.laad_profiel("voorbeeld", mappen)
    m = _laden.laad_jaren(profiel).meldingen(2026)
    d = _jc.drempel(profiel.data)
    een = meet(lambda: _privacy.controleer_registerjaar(
        _privacy.beveilig_registerjaar(lijnen(m), d, totaal=m["totaal"]), d))
    print(f"   één jaarverslag (voorbeeld, formule, geen solver): {een:8.3f} ms")
    leden = {}
    for lid in ("leiden", "leiderdorp", "oegstgeest", "zoeterwoude"):
        ml = _laden.laad_jaren(_laden.laad_profiel(lid, mappen)).meldingen(2026)
        leden[lid] = lijnen(ml)
    regio = _privacy.beveilig_regio(leden, 5)
    snel = meet(lambda: _privacy.controleer_regio(regio, 5))
    pin = meet(lambda: _privacy.bereik_regio(regio, 5, volledig=False))
    vol = meet(lambda: _privacy.bereik_regio(regio, 5, volledig=True))
    print(f"   regionale set (4 leden + regio), genereer (per lid, formule): {snel:8.3f} ms")
    print(f"   regionale set met HiGHS over alles: vastgepind?: {pin:8.1f} ms; "
          f"volledig bereik (controleer): {vol:8.1f} ms")
    code = "import time; b = time.perf_counter(); import scipy.optimize; print(time.perf_counter() - b)"
    duur = float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout)
    print(f"   scipy.optimize laden (alleen bij controleer van een regio): {duur * 1000:8.0f} ms")


if __name__ == "__main__":
    privacy_audit()
