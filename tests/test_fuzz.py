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
