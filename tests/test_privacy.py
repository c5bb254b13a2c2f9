"""De regel van integriteitsplan.domein.privacy, geval voor geval (zie ook
test_privacy_audit.py voor de lezer die alles leest en de regel kent)."""
from __future__ import annotations

import pytest

from integriteitsplan.domein.privacy import (
    MIN_DREMPEL, Lek, aantal_in_woorden, beveilig_regio, beveilig_registerjaar, beveilig_tabel,
    bereik_registerjaar, controleer_registerjaar, totaal_cel, uitleg_klein)


def teksten(tabel):
    return {naam: cel.tekst for naam, cel in tabel.cellen.items()}


def test_alles_nul():
    t = beveilig_tabel({"a": 0, "b": 0})
    assert teksten(t) == {"a": "0", "b": "0"} and t.totaal.tekst == "0"


def test_lege_tabel():
    t = beveilig_tabel({})
    assert t.cellen == {} and t.totaal.tekst == "0"


def test_geen_kleine_aantallen_volledig():
    t = beveilig_tabel({"a": 7, "b": 0, "c": 12})
    assert teksten(t) == {"a": "7", "b": "0", "c": "12"} and t.totaal.tekst == "19"


def test_klein_totaal_alleen_totaal():
    t = beveilig_tabel({"a": 2, "b": 1, "c": 0})
    assert t.alleen_totaal and t.totaal.tekst == "< 5" and t.cellen == {}


def test_alleen_kleine_cellen_alleen_totaal():
    t = beveilig_tabel({"a": 4, "b": 4})  # 8, maar geen cel van 5 of meer
    assert t.alleen_totaal and t.totaal.tekst == "8"


def test_eerste_grote_cel_in_vaste_volgorde_wordt_x():
    t = beveilig_tabel({"a": 3, "b": 9, "c": 6, "d": 0})
    assert teksten(t) == {"a": "< 5", "b": "x", "c": "6", "d": "0"}


def test_slot_alleen_totaal():
    # 1 + 5 = 6: de gedrukte getallen zouden maar één verdeling toelaten
    t = beveilig_tabel({"a": 1, "b": 5, "c": 8})
    assert t.alleen_totaal and t.totaal.tekst == "14"
    assert not beveilig_tabel({"a": 2, "b": 5, "c": 8}).alleen_totaal


def test_registerjaar_deelt_een_totaal():
    jaar = beveilig_registerjaar({"soort": {"a": 1, "b": 2}, "uitkomst": {"g": 3, "o": 0}})
    assert jaar.totaal.tekst == "< 5"
    assert all(t.alleen_totaal for t in jaar.tabellen.values())
    with pytest.raises(ValueError):
        beveilig_registerjaar({"soort": {"a": 1}, "uitkomst": {"g": 3}})


def test_drempel_3():
    t = beveilig_tabel({"a": 2, "b": 3, "c": 1, "d": 0}, drempel=3)
    assert teksten(t) == {"a": "< 3", "b": "x", "c": "< 3", "d": "0"}
    # totaal = 3 categorieën maal (d-1): alleen het totaal
    assert beveilig_tabel({"a": 2, "b": 3, "c": 1}, drempel=3).alleen_totaal


@pytest.mark.parametrize("drempel", [0, 1, 2, 2.5, True, "5"])
def test_te_lage_drempel_geweigerd(drempel):
    with pytest.raises(ValueError):
        beveilig_tabel({"a": 1}, drempel)


def test_negatief_aantal_geweigerd():
    with pytest.raises(ValueError):
        beveilig_tabel({"a": -1})


def test_totaal_cel():
    assert totaal_cel(0, 5).tekst == "0"
    assert totaal_cel(4, 5).tekst == "< 5"
    assert totaal_cel(5, 5).tekst == "5"
    assert MIN_DREMPEL == 3


def test_regio_telt_alleen_exact_gedrukte_cellen_op():
    regio = beveilig_regio({"a": {"soort": {"p": 6, "q": 0}}, "b": {"soort": {"p": 7, "q": 0}}})
    assert regio.cellen["soort"]["p"].tekst == "13" and regio.totaal.tekst == "13"
    regio = beveilig_regio({"a": {"soort": {"p": 6, "q": 0}}, "b": {"soort": {"p": 2, "q": 0}}})
    assert regio.cellen["soort"]["p"].tekst == "x" and regio.totaal.tekst == "x"
    assert regio.cellen["soort"]["q"].tekst == "x"  # b drukt geen verdeling


def test_lid_hetzelfde_alleen_of_in_de_regio():
    lijnen = {"soort": {"p": 3, "q": 9, "r": 6}, "uitkomst": {"g": 10, "o": 8}}
    alleen = beveilig_registerjaar(lijnen)
    samen = beveilig_regio({"a": lijnen, "b": {"soort": {"p": 1}, "uitkomst": {"g": 1}}}).leden["a"]
    assert alleen == samen


def test_bereik_en_lek():
    jaar = beveilig_registerjaar({"soort": {"a": 3, "b": 9, "c": 6}})
    assert bereik_registerjaar(jaar, 5) == {("soort", "a"): (1, 4), ("soort", "b"): (8, 11)}
    with pytest.raises(Lek):
        from integriteitsplan.domein.privacy.regel import Registerjaar, Tabel, _exact, _primair
        totaal = _exact(9)
        controleer_registerjaar(Registerjaar(totaal, {"s": Tabel({"a": _primair(1, 5), "b": _exact(8)}, totaal)}), 5)


def test_woorden():
    assert aantal_in_woorden(totaal_cel(3, 5), 5, "melding", "meldingen") == "minder dan vijf meldingen"
    assert aantal_in_woorden(totaal_cel(12, 5), 5, "melding", "meldingen") == "12 meldingen"
    assert uitleg_klein(5, x=None) == "< 5 betekent 1 tot en met 4."
