"""Snelheid van integriteitsplan, in cijfers (geen test: het drukt af wat het meet).

    PYTHONPATH=. python3 benchmarks/bench.py    # alles (vanuit de map van het project)
    python3 benchmarks/bench.py --snel          # minder herhalingen
    python3 benchmarks/bench.py --land          # alleen het hele land (342 gemeenten)
    python3 benchmarks/bench.py --land --aantal 40 --profiel   # kleiner, met cProfile

Meet:
1. per document, in één proces: laden+controleren, verrijken+renderen, Markdown, Word;
2. de koude CLI (een nieuw proces per keer), en daarnaast één kale pandoc-omzetting van
   hetzelfde Markdown naar .docx als pandoc er is (met de verhouding);
3. de regio: alle leden van de Leidse regio in één batch, en een verzonnen regio van 50
   leden (in een tijdelijke map gemaakt, niet vastgelegd);
4. het hele land: 342 verzonnen gemeenten (kopieën van het voorbeeld, met jaargegevens),
   elk met beleidsplan, jaarplannen en jaarverslag (--document alle) in docx en md, door
   de batch met het standaardaantal processen. Meet wandkloktijd, CPU-tijd (hoofdproces
   plus werkprocessen), CPU per document en het piekgeheugen (ru_maxrss) per proces.
   Doelen: <= 55 ms CPU per document, < 30 s op 2 kernen, < 200 MB per proces. Zonder
   --land draait dit deel in een eigen proces, zodat de cijfers van de andere delen niet
   meetellen.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
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
            from integriteitsplan.verrijken import verrijk

            staat["v"] = verrijk(staat["p"], staat["j"], soort, jaar)
            if isinstance(staat["v"].context, dict):  # het jaarplan; de dataclasses hebben grafiek=None
                staat["v"].context.setdefault("grafiek", None)
            staat["g"] = renderen.render(staat["v"], staat["p"])
            c = staat["v"].context
            # de grafiek (alleen het jaarverslag) telt mee bij Word, zoals in maak_document
            staat["beelden"] = ({c.grafiek: b""} if getattr(c, "grafiek", None) else {})

        def md():
            maak_md(staat["g"])

        def docx():
            from integriteitsplan.genereren import documentgegevens

            beelden = dict(staat["beelden"])
            if beelden:
                from integriteitsplan.renderen import grafiek

                c = staat["v"].context
                beelden = {c.grafiek: grafiek.maak_grafiek(c.reeks, c.drempel, getattr(c, "grafiek_reeksen", None),
                                                            getattr(c, "grafiek_schattingen", None))}
            word.maak_docx(staat["g"].romp, documentgegevens(staat["p"], staat["v"]), beelden)

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
    from integriteitsplan.batch import genereer_meerdere
    from integriteitsplan.laden import leden_van

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


GEMEENTEN_IN_NEDERLAND = 342


def maak_land(map_: Path, aantal: int) -> list[str]:
    """``aantal`` kopieën van het voorbeeld (met jaargegevens), elk met een eigen naam in
    metadata.gemeente: gemeente-001, gemeente-002, ..."""
    bron = laden.meegeleverde_map() / "voorbeeld"
    profiel = (bron / "profiel.yaml").read_text(encoding="utf-8")
    namen = []
    for i in range(1, aantal + 1):
        naam = f"gemeente-{i:03d}"
        shutil.copytree(bron, map_ / naam)
        tekst = re.sub(r"(?m)^  gemeente: .*$", f"  gemeente: Gemeente {i:03d}", profiel, count=1)
        (map_ / naam / "profiel.yaml").write_text(tekst, encoding="utf-8")
        namen.append(naam)
    return namen


def _cpu(gebruik: resource.struct_rusage) -> float:
    return gebruik.ru_utime + gebruik.ru_stime


def _mb(maxrss: int) -> float:
    return maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024  # macOS: bytes, Linux: KiB


def land(aantal: int, profiel: bool = False) -> None:
    from integriteitsplan.batch import beschikbare_processoren, genereer_meerdere

    processen = min(beschikbare_processoren(), aantal)
    print(f"\n6. Het hele land: {aantal} gemeenten, --document alle, docx + md, "
          f"{processen} proces(sen) (standaard)")
    with tempfile.TemporaryDirectory() as tmp:
        gemeenten = Path(tmp) / "gemeenten"
        gemeenten.mkdir()
        namen = maak_land(gemeenten, aantal)
        zelf_voor = resource.getrusage(resource.RUSAGE_SELF)
        kinderen_voor = resource.getrusage(resource.RUSAGE_CHILDREN)
        begin = time.perf_counter()
        uitkomsten = genereer_meerdere(namen, document="alle", uitvoer=Path(tmp) / "uit", profielmappen=[gemeenten])
        wand = time.perf_counter() - begin
        zelf = resource.getrusage(resource.RUSAGE_SELF)
        kinderen = resource.getrusage(resource.RUSAGE_CHILDREN)
        gelukt = sum(u.gelukt for u in uitkomsten)
        documenten = sum(1 for u in uitkomsten for pad in u.bestanden if pad.suffix == ".docx")
        bestanden = sum(len(u.bestanden) for u in uitkomsten)
        cpu_zelf = _cpu(zelf) - _cpu(zelf_voor)
        cpu_kinderen = _cpu(kinderen) - _cpu(kinderen_voor)
        cpu = cpu_zelf + cpu_kinderen
        print(f"   gelukt: {gelukt} van {aantal}; {documenten} documenten ({bestanden} bestanden)")
        print(f"   wandklok:               {wand:8.2f} s   (doel < 30 s op 2 kernen)")
        print(f"   CPU totaal:             {cpu:8.2f} s   (hoofdproces {cpu_zelf:.2f} s, "
              f"werkprocessen {cpu_kinderen:.2f} s)")
        print(f"   CPU per document:       {cpu / max(documenten, 1) * 1000:8.1f} ms  (doel <= 55 ms)")
        print(f"   CPU per gemeente:       {cpu / max(aantal, 1) * 1000:8.1f} ms")
        piek_kind = f"{_mb(kinderen.ru_maxrss):.0f} MB" if processen > 1 else "– (geen werkprocessen)"
        print(f"   piekgeheugen (maxrss):  hoofdproces {_mb(zelf.ru_maxrss):.0f} MB, grootste werkproces "
              f"{piek_kind}  (doel < 200 MB per proces)")
        if profiel:
            _profileer_werk(namen[: min(len(namen), 20)], gemeenten, Path(tmp) / "profiel-uit")


def _profileer_werk(namen: list[str], gemeenten: Path, uitvoer: Path) -> None:
    """Wat een werkproces doet, in dit proces onder cProfile (na één gemeente opwarmen)."""
    import cProfile
    import pstats

    from integriteitsplan.batch import genereer_meerdere

    genereer_meerdere(namen[:1], processen=1, document="alle", uitvoer=uitvoer / "warm", profielmappen=[gemeenten])
    meter = cProfile.Profile()
    meter.enable()
    genereer_meerdere(namen, processen=1, document="alle", uitvoer=uitvoer, profielmappen=[gemeenten])
    meter.disable()
    print(f"\n   cProfile van {len(namen)} gemeenten in één proces (warm), de duurste functies:")
    statistiek = pstats.Stats(meter, stream=sys.stdout)
    statistiek.sort_stats("cumulative").print_stats(30)
    statistiek.sort_stats("tottime").print_stats(20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snel", action="store_true", help="minder herhalingen")
    parser.add_argument("--land", action="store_true", help="alleen het hele land (deel 4)")
    parser.add_argument("--aantal", type=int, default=GEMEENTEN_IN_NEDERLAND, metavar="N",
                        help=f"aantal gemeenten voor het hele land (standaard {GEMEENTEN_IN_NEDERLAND})")
    parser.add_argument("--profiel", action="store_true", help="deel 4 daarna ook onder cProfile")
    args = parser.parse_args()
    if args.aantal < 1:
        parser.error("--aantal moet 1 of meer zijn")
    if args.land:
        land(args.aantal, args.profiel)
        return
    herhalingen = 5 if args.snel else 15
    markdown = per_document(herhalingen)
    koude_cli(next(iter(markdown.values())), 3 if args.snel else 7)
    regio(herhalingen)
    publiceren()
    privacy_audit()
    sys.stdout.flush()
    # In een eigen proces: RUSAGE_CHILDREN telt dan alleen dit deel. (Linux neemt de
    # piek-RSS van de ouder mee over fork+exec; het hoofdproces van deel 4 kan dus de
    # grootte van dit proces tonen. Met --land alleen is het zuiver.)
    subprocess.run([sys.executable, __file__, "--land", "--aantal", str(args.aantal)]
                   + (["--profiel"] if args.profiel else []), check=True)




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

    print("\n4. Publiceren (pdf en html)")
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
        from integriteitsplan.genereren import documentgegevens, webpagina
        from integriteitsplan.schrijven import word
        from integriteitsplan.verrijken import verrijk
        from integriteitsplan.schrijven.html import maak_html
        from integriteitsplan.schrijven.ontleden import ontleed

        # maak_document ontleedt de romp één keer (ontleden) en geeft de boom aan docx en html
        print(f"   {'document':20} {'ontleden':>9} {'html':>6} {'docx':>6}   (ms per document, in het proces)")
        v = bereid_voor("voorbeeld", "alle")
        for soort, jaar in v.taken:
            verrijkt = verrijk(v.profiel, v.jaren, soort, jaar, v.mappen)
            if isinstance(verrijkt.context, dict):  # het jaarplan; de dataclasses hebben grafiek=None
                verrijkt.context.setdefault("grafiek", None)
            gerenderd = renderen.render(verrijkt, v.profiel)
            pagina = webpagina(v.profiel, verrijkt, {})
            gegevens = documentgegevens(v.profiel, verrijkt)
            vangst = ontleed(gerenderd.romp)
            t_ontleden = mediaan_ms(lambda: ontleed(gerenderd.romp), 15)
            t_html = mediaan_ms(lambda: maak_html(gerenderd, pagina, vangst), 15)
            t_docx = mediaan_ms(lambda: word.maak_docx(gerenderd.romp, gegevens, vangst=vangst), 15)
            naam = f"{soort} {jaar or ''}"
            print(f"   {naam:20} {t_ontleden:9.1f} {t_html:6.1f} {t_docx:6.1f}")


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

    print("\n5. Privacy: de controle vóór het schrijven")
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
    main()
