"""Een profiel op zijn basis leggen.

De regels: mappings worden per sleutel samengevoegd; lijsten van items met een ``id`` per
id (een item met hetzelfde id wordt samengevoegd, een nieuw id komt achteraan,
``verwijderd: true`` haalt het item weg); elke andere waarde wordt vervangen. Wat een regio
over zichzelf zegt (``NIET_ERVEN``), erft een lid niet.
"""
from __future__ import annotations

import re
from typing import Any

from integriteitsplan.domein.regio import is_regio
from integriteitsplan.fouten import Foutmelding, InvoerFout, Plek, pad_tekst
from integriteitsplan.laden.yamlbestand import Mapping, Reeks, _plekken

# Wat een regio over zichzelf zegt, erft een lid niet: de ledenlijst, haar naam, dat zij een
# regio is, waar haar gezamenlijke register staat en of zij verzonnen voorbeeldgegevens bevat.
NIET_ERVEN = [("leden",), ("voorbeeld",), ("metadata", "organisatie"), ("metadata", "gemeente"),
              ("jaarcyclus", "meldingenregister")]


def _niet_erven(data: Mapping, eigen: Mapping) -> None:
    """Haal weg wat niet geërfd wordt. Het samengevoegde profiel deelt onderdelen met de
    basis; daarom wordt elke mapping op het pad eerst gekopieerd, zodat de basis zelf
    ongemoeid blijft."""
    for pad in NIET_ERVEN:
        ouder, eigen_ouder = data, eigen
        for stap in pad[:-1]:
            kind = ouder.get(stap) if isinstance(ouder, dict) else None
            if not isinstance(kind, dict):
                ouder = None
                break
            kopie = Mapping(kind)
            kopie.plekken = dict(getattr(kind, "plekken", {}))
            kopie.plek = getattr(kind, "plek", None)
            ouder[stap] = kopie
            ouder = kopie
            eigen_ouder = eigen_ouder.get(stap) if isinstance(eigen_ouder, dict) else None
        if isinstance(ouder, dict) and pad[-1] in ouder and not (
                isinstance(eigen_ouder, dict) and pad[-1] in eigen_ouder):
            del ouder[pad[-1]]


def _is_itemlijst(waarde: Any) -> bool:
    return isinstance(waarde, list) and bool(waarde) and all(
        isinstance(x, dict) and isinstance(x.get("id"), (str, int)) and not isinstance(x.get("id"), bool)
        for x in waarde
    )


def _dubbele_ids(lagen: list[Mapping]) -> None:
    """In een profiel met een basis zou een dubbel id bij het samenvoegen stil verdwijnen;
    daarom wordt het hier al gemeld, met de plek in dat profiel."""
    meldingen: list[Foutmelding] = []

    def loop(waarde: Any) -> None:
        if isinstance(waarde, dict):
            for v in waarde.values():
                loop(v)
        elif isinstance(waarde, list):
            if _is_itemlijst(waarde):
                gezien: dict[Any, int] = {}
                for i, x in enumerate(waarde):
                    if x["id"] in gezien:
                        plek = waarde.plekken[i] if isinstance(waarde, Reeks) else None
                        plek = plek or Plek()
                        meldingen.append(Foutmelding(Plek(plek.bestand, plek.regel, pad_tekst(plek.sleutels + ("id",)),
                                                      sleutels=plek.sleutels),
                                                 f"het id '{x['id']}' komt twee keer voor in deze lijst. Geef elk "
                                                 "item een eigen id."))
                    gezien.setdefault(x["id"], i)
            for x in waarde:
                loop(x)

    for laag in lagen:
        loop(laag)
    if meldingen:
        raise InvoerFout(meldingen)


def voeg_samen(basis: Any, overlay: Any, waarschuwingen: list[Foutmelding] | None = None) -> Any:
    """Voeg ``overlay`` samen op ``basis`` volgens de regels bovenaan dit bestand.
    De plekken gaan mee, zodat een fout altijd het bestand noemt waar de waarde staat.
    Een ``verwijderd: true`` voor een id dat de basis niet heeft, komt in ``waarschuwingen``."""
    if isinstance(basis, dict) and isinstance(overlay, dict):
        uit = Mapping()
        uit.plek = overlay.plek if isinstance(overlay, Mapping) else None
        for sleutel, waarde in basis.items():
            uit[sleutel] = waarde
            uit.plekken[sleutel] = basis.plekken.get(sleutel) if isinstance(basis, Mapping) else None
        for sleutel, waarde in overlay.items():
            uit[sleutel] = voeg_samen(basis[sleutel], waarde, waarschuwingen) if sleutel in basis else waarde
            uit.plekken[sleutel] = overlay.plekken.get(sleutel) if isinstance(overlay, Mapping) else None
        return uit
    if _is_itemlijst(overlay) and (_is_itemlijst(basis) or basis == []):
        uit = Reeks()
        uit.plek = overlay.plek if isinstance(overlay, Reeks) else None
        nieuw = {x["id"]: (x, p) for x, p in zip(overlay, _plekken(overlay))}
        for x, p in zip(basis, _plekken(basis)):
            if x["id"] in nieuw:
                o, op = nieuw.pop(x["id"])
                if o.get("verwijderd") is True:
                    continue
                uit.append(voeg_samen(x, o, waarschuwingen))
                uit.plekken.append(op)
            else:
                uit.append(x)
                uit.plekken.append(p)
        for o, op in nieuw.values():
            if o.get("verwijderd") is True:
                if waarschuwingen is not None:
                    plek = op or Plek()
                    waarschuwingen.append(Foutmelding(
                        Plek(plek.bestand, plek.regel, pad_tekst(plek.sleutels), sleutels=plek.sleutels),
                        f"'{o['id']}' is weggehaald, maar de basis heeft geen item met dat id. Controleer "
                        "de spelling van het id.", "waarschuwing"))
                continue
            uit.append(o)
            uit.plekken.append(op)
        return uit
    return overlay


# Een regionale tekst kan de naam van het lid noemen met deze plaatshouder. Hij wordt bij het
# laden door gewone tekstvervanging ingevuld (een profieltekst is nooit een sjabloon): in een
# lid door zijn naam, in de regionale basistekst zelf door 'de gemeente' ('De gemeente' aan
# het begin van een zin). 'de gemeente {gemeente}' wordt in een lid 'de gemeente Leiden' en in
# de basistekst gewoon 'de gemeente' (niet twee keer).
PLAATSHOUDER = "{gemeente}"
_DE_GEMEENTE = re.compile(r"\b([Dd]e gemeente) " + re.escape(PLAATSHOUDER))
_ZINSBEGIN = re.compile(r"(^|[.!?]\s+|\n\s*|\*\*\s*)" + re.escape(PLAATSHOUDER))


# Wat {gemeente} samen aan tekst mag toevoegen: een lange naam maal veel plaatshouders (ook via
# YAML-verwijzingen, die dezelfde tekst vaak laten meetellen) mag het geheugen niet vullen.
MAX_INGEVULD = 5_000_000


def _vul_in(tekst: str, naam: str | None, over: list[int], plek: Plek | None = None) -> str:
    if PLAATSHOUDER not in tekst:
        return tekst
    groei = tekst.count(PLAATSHOUDER) * max(len(naam or "De gemeente") - len(PLAATSHOUDER), 0)
    over[0] -= groei
    if over[0] < 0:
        plek = plek or Plek()
        raise InvoerFout([Foutmelding(
            Plek(plek.bestand, plek.regel, plek.pad or pad_tekst(plek.sleutels) or "metadata.gemeente",
                 sleutels=plek.sleutels),
            f"met de naam van de gemeente ingevuld voor {{gemeente}} worden de teksten samen meer dan "
            f"{MAX_INGEVULD:,} tekens langer; dat is te groot voor een profiel. Maak de naam in "
            "metadata.gemeente korter of gebruik {gemeente} minder vaak.".replace(",", "."))])
    if naam:
        return tekst.replace(PLAATSHOUDER, naam)
    tekst = _DE_GEMEENTE.sub(r"\1", tekst)
    tekst = _ZINSBEGIN.sub(lambda m: m.group(1) + "De gemeente", tekst)
    return tekst.replace(PLAATSHOUDER, "de gemeente")


def vul_gemeente_in(waarde: Any, naam: str | None, _over: list[int] | None = None) -> Any:
    """Vul de plaatshouder {gemeente} in alle teksten in (ter plekke; de plekken blijven)."""
    over = _over if _over is not None else [MAX_INGEVULD]
    if isinstance(waarde, dict):
        plekken = getattr(waarde, "plekken", {})
        for sleutel, sub in waarde.items():
            if isinstance(sub, str):
                waarde[sleutel] = _vul_in(sub, naam, over, plekken.get(sleutel))
            else:
                vul_gemeente_in(sub, naam, over)
    elif isinstance(waarde, list):
        plekken = getattr(waarde, "plekken", [])
        for i, sub in enumerate(waarde):
            if isinstance(sub, str):
                waarde[i] = _vul_in(sub, naam, over, plekken[i] if i < len(plekken) else None)
            else:
                vul_gemeente_in(sub, naam, over)
    return waarde


def naam_voor_plaatshouder(data: Any) -> str | None:
    """De naam die {gemeente} krijgt: die van de gemeente, of None voor een regio."""
    meta = data.get("metadata") if isinstance(data, dict) else None
    if not isinstance(meta, dict) or is_regio(data):
        return None
    naam = meta.get("gemeente")
    if not isinstance(naam, str):
        return None
    return naam[len("gemeente "):] if naam.lower().startswith("gemeente ") else naam
