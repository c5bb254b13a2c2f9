"""Meer gemeenten tegelijk: --processen, werkprocessen die met hun ouder sterven, en een
nette afbraak met Ctrl-C (exitcode 130, Nederlandse samenvatting, geen traceback)."""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import Future
from pathlib import Path

import pytest

from integriteitsplan import batch
from integriteitsplan.fouten import GebruiksFout

PAKKET = Path(__file__).resolve().parents[1]
VOORBEELD = PAKKET / "gemeenten" / "voorbeeld"

alleen_linux = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="leest /proc (Linux)")


def maak_gemeenten(map_: Path, aantal: int) -> list[str]:
    """``aantal`` kopieën van het voorbeeld (met jaargegevens), elk met een eigen naam."""
    profiel = (VOORBEELD / "profiel.yaml").read_text(encoding="utf-8")
    namen = []
    for i in range(1, aantal + 1):
        naam = f"gemeente-{i:03d}"
        shutil.copytree(VOORBEELD, map_ / naam)
        tekst, n = re.subn(r"(?m)^  gemeente: .*$", f"  gemeente: Gemeente {i:03d}", profiel, count=1)
        assert n == 1
        (map_ / naam / "profiel.yaml").write_text(tekst, encoding="utf-8")
        namen.append(naam)
    return namen


# -- --processen ---------------------------------------------------------------------------

def test_beschikbare_processoren_is_minstens_een():
    assert batch.beschikbare_processoren() >= 1
    if hasattr(os, "sched_getaffinity"):
        assert batch.beschikbare_processoren() == len(os.sched_getaffinity(0))


class NepPool:
    """Voert taken meteen uit en onthoudt met hoeveel werkprocessen hij gemaakt werd."""

    gemaakt: list[int] = []

    def __init__(self, max_workers, **_):
        NepPool.gemaakt.append(max_workers)

    def submit(self, functie, *args):
        taak = Future()
        taak.set_result(functie(*args))
        return taak

    def shutdown(self, wait=True, cancel_futures=False):
        pass


@pytest.fixture
def nep_pool(monkeypatch):
    NepPool.gemaakt = []
    monkeypatch.setattr(batch, "ProcessPoolExecutor", NepPool)
    monkeypatch.setattr(batch, "_een", lambda naam, opties: batch.Uitkomst(naam, True))
    return NepPool


def test_standaard_alle_kernen(nep_pool, monkeypatch):
    monkeypatch.setattr(batch, "beschikbare_processoren", lambda: 3)
    uit = batch.genereer_meerdere([f"g{i}" for i in range(5)])
    assert nep_pool.gemaakt == [3]
    assert [u.gemeente for u in uit] == [f"g{i}" for i in range(5)]
    batch.genereer_meerdere(["a", "b"])  # nooit meer processen dan gemeenten
    assert nep_pool.gemaakt == [3, 2]


def test_processen_een_werkt_zonder_pool(nep_pool):
    uit = batch.genereer_meerdere(["a", "b", "c"], processen=1)
    assert nep_pool.gemaakt == [] and [u.gemeente for u in uit] == ["a", "b", "c"]
    batch.genereer_meerdere(["a", "b", "c"], processen=2)
    assert nep_pool.gemaakt == [2]


def test_ctrl_c_in_dit_proces_geeft_afgebroken(monkeypatch):
    def een(naam, opties):
        if naam == "b":
            raise KeyboardInterrupt
        return batch.Uitkomst(naam, True)

    monkeypatch.setattr(batch, "_een", een)
    with pytest.raises(batch.Afgebroken) as afbraak:
        batch.genereer_meerdere(["a", "b", "c"], processen=1)
    assert [u.gemeente for u in afbraak.value.klaar] == ["a"] and afbraak.value.open == ["b", "c"]
    assert isinstance(afbraak.value, KeyboardInterrupt)  # wie Afgebroken niet kent, ziet Ctrl-C


def test_cli_ctrl_c_meldt_wat_klaar_is(cli, monkeypatch):
    def een(naam, opties):
        if naam == "leiderdorp":
            raise KeyboardInterrupt
        return batch.Uitkomst(naam, True)

    monkeypatch.setattr(batch, "_een", een)
    uit = cli("genereer", "leiden", "oegstgeest", "leiderdorp", "zoeterwoude", "--processen", "1")
    assert uit.exit_code == 130
    assert "Afgebroken (Ctrl-C). Klaar: 2 van de 4 gemeenten: leiden, oegstgeest." in uit.output
    assert "Niet (helemaal) gemaakt: leiderdorp, zoeterwoude." in uit.output


def test_processen_nul_is_een_fout():
    with pytest.raises(GebruiksFout, match="1 of meer"):
        batch.genereer_meerdere(["a", "b"], processen=0)


@pytest.mark.parametrize("waarde, tekst", [("0", "kies 1 of meer processen (niet 0)"),
                                           ("-2", "kies 1 of meer processen (niet -2)"),
                                           ("twee", "'twee' is geen geheel getal")])
def test_cli_processen_ongeldig(cli, waarde, tekst):
    uit = cli("genereer", "--regio", "leidse-regio", "--processen", waarde)
    assert uit.exit_code == 2
    assert "Ongeldige waarde voor '--processen'" in uit.output and tekst in uit.output


def test_cli_processen_een_en_twee_geven_hetzelfde(cli, tmp_path):
    gemeenten = tmp_path / "profielen"
    gemeenten.mkdir()
    namen = maak_gemeenten(gemeenten, 2)
    for n in ("1", "2"):
        uit = cli("genereer", *namen, "--gemeenten", gemeenten, "--uitvoer", f"uit{n}", "--processen", n,
                  "--stil")
        assert uit.exit_code == 0, uit.output
    for naam in namen:
        een = sorted(p.name for p in (tmp_path / "uit1" / naam).iterdir())
        assert een == sorted(p.name for p in (tmp_path / "uit2" / naam).iterdir())
        md = next(p.name for p in (tmp_path / "uit1" / naam).glob("*.md"))
        assert (tmp_path / "uit1" / naam / md).read_bytes() == (tmp_path / "uit2" / naam / md).read_bytes()


def test_help_noemt_processen(cli):
    uit = cli("genereer", "--help")
    assert "--processen N" in uit.output and "processorkernen" in uit.output


# -- een echte batch als subproces ---------------------------------------------------------

def _stat(pid: int) -> list[str] | None:
    try:
        tekst = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return tekst[tekst.rindex(")") + 2:].split()  # na 'pid (naam) ': toestand, ppid, ...


def kinderen(ouder: int) -> dict[int, str]:
    """pid -> starttijd van de levende kinderen van ``ouder`` (uit /proc)."""
    uit = {}
    for ingang in os.listdir("/proc"):
        if ingang.isdigit():
            velden = _stat(int(ingang))
            if velden and velden[1] == str(ouder) and velden[0] != "Z":
                uit[int(ingang)] = velden[19]
    return uit


def leeft(pid: int, starttijd: str) -> bool:
    velden = _stat(pid)
    return velden is not None and velden[19] == starttijd and velden[0] != "Z"


ZONDER_PRCTL = """
import sys
from integriteitsplan import batch
batch.PR_SET_PDEATHSIG = -1  # een ongeldige prctl-optie: alleen de draagbare wachter werkt
batch.genereer_meerdere(sys.argv[3:], processen=2, document="alle", profielmappen=[sys.argv[1]], uitvoer=sys.argv[2])
"""


def start_batch(tmp_path: Path, aantal: int, zonder_prctl: bool = False) -> tuple[subprocess.Popen, Path]:
    gemeenten = tmp_path / "profielen"
    gemeenten.mkdir()
    namen = maak_gemeenten(gemeenten, aantal)
    uitvoer = tmp_path / "uit"
    omgeving = {**os.environ, "PYTHONPATH": os.pathsep.join([str(PAKKET), os.environ.get("PYTHONPATH", "")])}
    if zonder_prctl:
        opdracht = [sys.executable, "-c", ZONDER_PRCTL, str(gemeenten), str(uitvoer), *namen]
    else:
        opdracht = [sys.executable, "-m", "integriteitsplan", "genereer", *namen, "--gemeenten", str(gemeenten),
                    "--document", "alle", "--uitvoer", str(uitvoer), "--processen", "2"]
    proces = subprocess.Popen(
        opdracht,
        cwd=tmp_path, env=omgeving, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,  # een eigen procesgroep: Ctrl-C in de terminal raakt pytest niet
    )
    return proces, uitvoer


def wacht_op(voorwaarde, seconden: float, stap: float = 0.05):
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        uitkomst = voorwaarde()
        if uitkomst:
            return uitkomst
        time.sleep(stap)
    return voorwaarde()


def ruim_op(proces: subprocess.Popen, werkers: dict[int, str]) -> None:
    """Na de test: niets laten draaien (alleen de processen van deze test, bij pid)."""
    if proces.poll() is None:
        proces.kill()
        proces.wait(10)
    for pid, starttijd in werkers.items():
        if leeft(pid, starttijd):
            os.kill(pid, signal.SIGKILL)


@alleen_linux
@pytest.mark.parametrize("zonder_prctl", [False, True], ids=["prctl", "wachter"])
def test_werkers_sterven_met_hun_ouder_bij_kill_9(tmp_path, zonder_prctl):
    proces, uitvoer = start_batch(tmp_path, 8, zonder_prctl)
    werkers: dict[int, str] = {}
    try:
        werkers = wacht_op(lambda: (k := kinderen(proces.pid)) and len(k) >= 2 and k, 60) or {}
        assert len(werkers) >= 2, f"geen werkprocessen gezien: {proces.poll()} {proces.stderr}"
        wacht_op(lambda: any(uitvoer.glob("*/*.md")), 60)  # de werkers zijn echt bezig
        assert proces.poll() is None, "de batch was al klaar; maak hem groter"
        os.kill(proces.pid, signal.SIGKILL)
        proces.wait(10)
        over = wacht_op(lambda: not [p for p, s in werkers.items() if leeft(p, s)], 5)
        assert over, f"werkprocessen leven nog na kill -9 van de ouder: {werkers}"
    finally:
        ruim_op(proces, werkers)


@alleen_linux
def test_werkers_sterven_met_hun_ouder_bij_sigterm(tmp_path):
    proces, uitvoer = start_batch(tmp_path, 8)
    werkers: dict[int, str] = {}
    try:
        werkers = wacht_op(lambda: (k := kinderen(proces.pid)) and len(k) >= 2 and k, 60) or {}
        assert len(werkers) >= 2
        wacht_op(lambda: any(uitvoer.glob("*/*.md")), 60)
        assert proces.poll() is None, "de batch was al klaar; maak hem groter"
        os.kill(proces.pid, signal.SIGTERM)
        proces.wait(10)
        assert wacht_op(lambda: not [p for p, s in werkers.items() if leeft(p, s)], 5)
    finally:
        ruim_op(proces, werkers)


@alleen_linux
def test_ctrl_c_meldt_wat_klaar_is_en_geeft_130(tmp_path):
    proces, uitvoer = start_batch(tmp_path, 8)
    werkers: dict[int, str] = {}
    try:
        werkers = wacht_op(lambda: (k := kinderen(proces.pid)) and len(k) >= 2 and k, 60) or {}
        assert len(werkers) >= 2
        # wacht tot er een gemeente helemaal klaar is (het jaarverslag komt als laatste)
        wacht_op(lambda: any(uitvoer.glob("*/jaarverslag-*.docx")), 60)
        time.sleep(0.3)
        assert proces.poll() is None, "de batch was al klaar; maak hem groter"
        os.kill(proces.pid, signal.SIGINT)
        _, fout = proces.communicate(timeout=30)
        assert proces.returncode == 130, fout
        assert "Traceback" not in fout and "KeyboardInterrupt" not in fout
        regel = re.search(r"Afgebroken \(Ctrl-C\)\. Klaar: (\d+) van de 8 gemeenten: (.*)\.", fout)
        assert regel, fout
        klaar = [] if regel[2] == "geen" else regel[2].split(", ")
        assert len(klaar) == int(regel[1]) >= 1
        assert all((uitvoer / naam / "jaarverslag-integriteit-2026.docx").exists() for naam in klaar)
        assert "Niet (helemaal) gemaakt: " in fout
        assert wacht_op(lambda: not [p for p, s in werkers.items() if leeft(p, s)], 5)
    finally:
        ruim_op(proces, werkers)
