"""Een fuzztest met een vaste seed: honderden verminkte varianten van het voorbeeldprofiel en
zijn jaarbestanden. Elke run eindigt met exitcode 0, 1 of 2, binnen de tijd, zonder traceback;
bij 2 is er niets geschreven."""
from __future__ import annotations

import copy
import random
import shutil
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from integriteitsplan.cli import hoofd

VOORBEELD = Path(__file__).resolve().parent.parent / "gemeenten" / "voorbeeld"
BESTANDEN = ["profiel.yaml", "jaren/2026/jaarverslag.yaml", "jaren/2026/jaarplan.yaml", "jaren/kerncijfers.yaml"]
AANTAL = 320
SEED = 20261130
MAX_SECONDEN_PER_RUN = 10


def _paden(data, pad=()):
    """Alle sleutelpaden in een YAML-structuur."""
    uit = [pad]
    if isinstance(data, dict):
        for k, v in data.items():
            uit += _paden(v, pad + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            uit += _paden(v, pad + (i,))
    return uit


def _zet(data, pad, waarde):
    for stap in pad[:-1]:
        data = data[stap]
    data[pad[-1]] = waarde


def _haal(data, pad):
    for stap in pad:
        data = data[stap]
    return data


def _vervang(rnd: random.Random, oud):
    keuzes = [None, "", "tekst", 0, -1, 10**23, 1.5e308, True, [], {}, [1, 2], {"a": 1}, "2026-02-30",
              "x" * rnd.choice([1000, 100_000]), "<img src=x onerror=alert(1)>", "[a](javascript:alert(1))",
              "{{ 7*7 }}", "../../../../etc/passwd", "\u202e\u0000"]
    if isinstance(oud, (int, float)) and not isinstance(oud, bool):
        keuzes += [None, 10**7, -(10**9), "veel"]
    return rnd.choice(keuzes)


def _diep(n: int):
    data = "blad"
    for _ in range(n):
        data = {"id": "g", "naam": "G", "groepen": [data]} if isinstance(data, dict) or data == "blad" else data
    return data


def _muteer_structuur(rnd: random.Random, tekst: str) -> str:
    data = yaml.safe_load(tekst)
    paden = [p for p in _paden(data) if p]
    soort = rnd.choice(["verwijder", "vervang", "vervang", "nest", "groepen"])
    pad = rnd.choice(paden)
    ouder = _haal(data, pad[:-1])
    if soort == "verwijder":
        del ouder[pad[-1]]
    elif soort == "vervang":
        _zet(data, pad, _vervang(rnd, _haal(data, pad)))
    elif soort == "nest":
        waarde = _haal(data, pad)
        for _ in range(rnd.choice([5, 40, 300])):
            waarde = [waarde] if rnd.random() < 0.5 else {"x": waarde}
        _zet(data, pad, waarde)
    else:
        groep = {"id": "g0", "naam": "G0", "maatregelen": []}
        for i in range(rnd.choice([10, 40, 250])):
            groep = {"id": f"g{i + 1}", "naam": f"G{i + 1}", "groepen": [groep]}
        if isinstance(data, dict):
            data.setdefault("maatregelen", {})
            if isinstance(data["maatregelen"], dict):
                data["maatregelen"]["groepen"] = [groep]
    try:
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    except RecursionError:
        return tekst[: len(tekst) // 2]


def _muteer_tekst(rnd: random.Random, ruw: bytes) -> bytes:
    soort = rnd.choice(["afkappen", "bytes", "regel", "tab", "anker"])
    if soort == "afkappen":
        return ruw[: rnd.randrange(len(ruw))]
    if soort == "bytes":
        uit = bytearray(ruw)
        for _ in range(rnd.randint(1, 5)):
            uit[rnd.randrange(len(uit))] = rnd.choice([0, 0xFF, 0xC3, ord(":"), ord("&"), ord("*"), ord("'")])
        return bytes(uit)
    regels = ruw.split(b"\n")
    i = rnd.randrange(len(regels))
    if soort == "regel":
        del regels[i]
    elif soort == "tab":
        regels[i] = b"\t" + regels[i]
    else:
        regels.insert(i, b"x: &a [" + b",".join([b"*a"] * 3) + b"]")
    return b"\n".join(regels)


def _opdrachten(rnd: random.Random) -> list[str]:
    return rnd.choice([
        ["controleer", "f"],
        ["genereer", "f", "--document", "jaarverslag", "--jaar", "2026", "--formaat", "md"],
        ["genereer", "f", "--formaat", "md"],
        ["genereer", "f", "--document", "jaarplan", "--jaar", "2026", "--formaat", "md"],
    ])


def test_fuzz(tmp_path, monkeypatch):
    rnd = random.Random(SEED)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("INTEGRITEITSPLAN_RENDERTIJD", "5")
    bron = {naam: (VOORBEELD / naam).read_bytes() for naam in BESTANDEN}
    runner = CliRunner()
    codes: dict[int, int] = {}
    for n in range(AANTAL):
        map_ = tmp_path / "gemeenten" / "f"
        if map_.exists():
            shutil.rmtree(map_)
        shutil.copytree(VOORBEELD, map_, ignore=shutil.ignore_patterns("sjablonen"))
        naam = rnd.choice(BESTANDEN)
        if rnd.random() < 0.6:
            nieuw = _muteer_structuur(rnd, bron[naam].decode("utf-8")).encode("utf-8")
        else:
            nieuw = _muteer_tekst(rnd, bron[naam])
        (map_ / naam).write_bytes(nieuw)
        uitvoer = tmp_path / f"uit{n}"
        args = _opdrachten(rnd)
        if args[0] == "genereer":
            args += ["--uitvoer", str(uitvoer)]
        begin = time.monotonic()
        uitslag = runner.invoke(hoofd, args, prog_name="integriteitsplan")
        duur = time.monotonic() - begin
        beschrijving = f"variant {n} ({naam}, {' '.join(args[:2])}): exit {uitslag.exit_code}\n{uitslag.output[-2000:]}"
        assert uitslag.exception is None or isinstance(uitslag.exception, SystemExit), (
            beschrijving + "\n" + repr(uitslag.exception))
        assert uitslag.exit_code in (0, 1, 2), beschrijving
        assert "Traceback" not in uitslag.output, beschrijving
        assert duur < MAX_SECONDEN_PER_RUN, beschrijving + f"\nduurde {duur:.1f} s"
        if uitslag.exit_code == 2 and args[0] == "genereer":
            assert not uitvoer.exists() or not any(uitvoer.rglob("*")), beschrijving
        codes[uitslag.exit_code] = codes.get(uitslag.exit_code, 0) + 1
    assert sum(codes.values()) == AANTAL
    print(codes)
    assert codes.get(2, 0) > 0  # de fuzzer vindt echt ongeldige invoer


# -- eigen sjablonen en de formaten om te publiceren (html, pdf) ------------------------------

SJABLOON_AANTAL = 64
SJABLOON_SEED = 20261201
PDF_VARIANTEN = {5, 29, 51}  # LibreOffice kost tijd: maar een paar keer pdf
SJABLONEN = ["beleidsplan/voorblad.md.j2", "beleidsplan/2-waarden-normen.md.j2", "beleidsplan/document.md.j2",
             "jaarverslag/document.md.j2", "gedeeld/blokken.md.j2"]
STANDAARD_SJABLONEN = VOORBEELD.parent.parent / "sjablonen"
STUKJES = [
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}", "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    '{{ "x"|center(10**9) }}', '{{ "%*s"|format(10**9, "x") }}', '{{ "%0999999999d" % 1 }}',
    '{{ ("a\\n"*1000000)|indent(1000) }}', '{{ ("a "*2000000)|wordwrap(1, true, "x"*100) }}',
    '{{ range(100000)|join("x"*4000000) }}', '{{ ("a"*4000000)|replace("a", "b"*4000000) }}',
    '{{ "{:>999999999}".format(1) }}', '{{ "x".ljust(10**9) }}', "{{ lipsum(10**6) }}", "{{ lipsum(2) }}",
    '{% set ns = namespace(a="x"*4000000) %}{% for i in range(9) %}{% set ns.a = ns.a ~ ns.a %}{% endfor %}',
    '{{ range(10)|batch(10**9, "x")|list }}', "{{ (10**64)**64 }}", "{% for x in range(10**9) %}x{% endfor %}",
    "{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(1) }}", '{% include "/etc/passwd" %}',
    '{% extends "../../../../etc/passwd" %}', '{% include "standaard/beleidsplan/voorblad.md.j2" %}',
    "{{ profiel }}", "{{ de_gemeente }}", "{{ niet_bestaand }}", "{% if %}", "{{ 1/0 }}", "{{ [1]*10 }}",
    '<img src=x onerror="alert(1)"> <script>alert(2)</script>', "[klik](javascript:alert(3)) [pad](../../etc/passwd)",
    "Alinea\n{: onclick=\"alert(4)\" style=\"position:fixed\" }", "## Kop {#x\" onfocus=alert(5) }",
    "![a](../../../etc/hosts){onerror=alert(6)}", "![a](file:///etc/hosts)", "Tekst[^9]\n\n[^9]: [n](https://x){onclick=alert(7)}",
    "| a | b |\n|---|---|\n| <b>x</b> | [y](vbscript:z) |", "\x00\xff", "{{ '{gemeente}' * 3 }}",
]


def _muteer_sjabloon(rnd: random.Random, tekst: str) -> str:
    regels = tekst.split("\n")
    i = rnd.randrange(len(regels) + 1)
    soort = rnd.choice(["stukje", "stukje", "stukje", "afkappen", "regel", "haakjes"])
    if soort == "afkappen":
        return tekst[: rnd.randrange(len(tekst) + 1)]
    if soort == "regel" and regels:
        del regels[min(i, len(regels) - 1)]
    elif soort == "haakjes":
        return tekst.replace("{{", "{%", 1) if rnd.random() < 0.5 else tekst.replace("%}", "}}", 1)
    else:
        regels.insert(i, rnd.choice(STUKJES))
    return "\n".join(regels)


def _muteer_profieltekst(rnd: random.Random, profiel: str) -> str:
    stukje = rnd.choice(STUKJES).replace("\n", "\n    ")
    return profiel.replace("  missie: |\n    ", "  missie: |\n    " + stukje + "\n\n    ", 1)


def _html_veilig(pagina: str, eigen: set[str]) -> list[str]:
    """Wat niet in een webpagina mag; ``eigen`` zijn de bestanden in dezelfde map (de index
    linkt daarheen)."""
    import re

    for naam in eigen:
        pagina = pagina.replace(f'href="{naam}"', 'href="#"')
    fouten = []
    if re.search(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", pagina):
        fouten.append("on...-attribuut")
    if re.search(r"<script|javascript:|vbscript:|file:", pagina, re.I):
        fouten.append("script of verboden link")
    if re.search(r"<(?:img|a)\b[^>]*(?:href|src)=\"(?!https?:|mailto:|#|data:)", pagina):
        fouten.append("link of bron die niet mag")
    return fouten


def test_fuzz_sjablonen_en_publiceren(tmp_path, monkeypatch):
    """Verminkte eigen sjablonen en profielteksten met HTML, links en bommen, gemaakt als
    webpagina (en een paar keer als PDF): nooit exitcode 3, nooit een traceback, niets geschreven
    bij 2, en in de webpagina geen script, geen on...-attribuut en geen link die niet mag."""
    rnd = random.Random(SJABLOON_SEED)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("INTEGRITEITSPLAN_RENDERTIJD", "5")
    pdf_kan = shutil.which("soffice") is not None and Path("/usr/bin/python3").exists()
    runner = CliRunner()
    codes: dict[int, int] = {}
    pdfs = 0
    profiel = (VOORBEELD / "profiel.yaml").read_text("utf-8")
    for n in range(SJABLOON_AANTAL):
        # elke variant een eigen naam: de omgeving van Jinja bewaart sjablonen per map
        map_ = tmp_path / "gemeenten" / f"f{n}"
        shutil.copytree(VOORBEELD, map_, ignore=shutil.ignore_patterns("sjablonen"))
        naam = rnd.choice(SJABLONEN)
        doel = map_ / "sjablonen" / naam
        doel.parent.mkdir(parents=True, exist_ok=True)
        pdf = n in PDF_VARIANTEN and pdf_kan
        sjabloon = (STANDAARD_SJABLONEN / naam).read_text("utf-8")
        if not pdf:  # een PDF alleen van een werkend sjabloon, anders komt LibreOffice er niet aan te pas
            sjabloon = _muteer_sjabloon(rnd, sjabloon)
        doel.write_text(sjabloon, "utf-8", errors="surrogateescape")
        if pdf or rnd.random() < 0.5:
            (map_ / "profiel.yaml").write_text(_muteer_profieltekst(rnd, profiel), "utf-8")
        formaat = "pdf,html" if pdf else rnd.choice(["html", "html", "html,md", "docx,html"])
        document = ["--document", "jaarverslag", "--jaar", "2026"] if naam.startswith("jaarverslag") else []
        uitvoer = tmp_path / f"uit{n}"
        args = ["genereer", f"f{n}", *document, "--formaat", formaat, "--uitvoer", str(uitvoer)]
        begin = time.monotonic()
        uitslag = runner.invoke(hoofd, args, prog_name="integriteitsplan")
        duur = time.monotonic() - begin
        beschrijving = f"variant {n} ({naam}, {formaat}): exit {uitslag.exit_code}\n{uitslag.output[-2000:]}"
        assert uitslag.exception is None or isinstance(uitslag.exception, SystemExit), (
            beschrijving + "\n" + repr(uitslag.exception))
        assert uitslag.exit_code in (0, 1, 2), beschrijving
        assert "Traceback" not in uitslag.output and "uid=" not in uitslag.output, beschrijving
        assert duur < MAX_SECONDEN_PER_RUN + (10 if "pdf" in formaat else 0), beschrijving + f"\nduurde {duur:.1f} s"
        if uitslag.exit_code == 2:
            assert not uitvoer.exists() or not any(uitvoer.rglob("*")), beschrijving
        for pagina in uitvoer.rglob("*.html") if uitvoer.exists() else []:
            fouten = _html_veilig(pagina.read_text("utf-8"), {p.name for p in pagina.parent.iterdir()})
            assert not fouten, f"{beschrijving}\n{pagina.name}: {fouten}"
        if pdf and uitslag.exit_code in (0, 1):
            pdfs += len(list(uitvoer.rglob("*.pdf")))
        codes[uitslag.exit_code] = codes.get(uitslag.exit_code, 0) + 1
    print(codes, pdfs)
    assert sum(codes.values()) == SJABLOON_AANTAL
    assert pdfs > 0 or not pdf_kan
    assert codes.get(2, 0) > 0 and codes.get(0, 0) + codes.get(1, 0) > 0
