"""De cijfers over de jaren controleren: indelingen die niet alle meldingen indelen, eigen
kerncijfers, schattingen en tegenstrijdigheden tussen kerncijfers.yaml en de jaarverslagen.

Ontvangt een gecontroleerd ``Profiel`` en zijn ``Jaargegevens`` (de vorm van elk bestand is
al goedgekeurd); vult een ``Uitslag``. Een tegenstrijdigheid noemt beide plekken: de melding
staat op de ene, de tekst noemt bestand en regel van de andere.
"""
from __future__ import annotations

from integriteitsplan.controleren.schemacontrole import keuzes
from integriteitsplan.controleren.uitslag import foutmelding_op
from integriteitsplan.domein import privacy
from integriteitsplan.domein.jaarcyclus import DIMENSIES, KERNCIJFERS, drempel, eigen_cijfers, typologie, typologie_hint
from integriteitsplan.fouten import InvoerFout
from integriteitsplan.laden.jaren import als_aantallen, cijfer_ids, kerncijfersregels, meldingen, uit_jaarverslag
from integriteitsplan.laden.yamlbestand import plek_van

EIGEN_HINT = "Een eigen kerncijfer zet u in profiel.yaml onder jaarcyclus.eigen_cijfers."


def plaats(data, pad: tuple) -> str:
    """'gemeente/jaren/kerncijfers.yaml:12', voor in de tekst van een melding."""
    plek = plek_van(data, pad)
    return f"{plek.bestand}:{plek.regel}" if plek.regel is not None else plek.bestand


def _namen(profiel) -> dict[str, str]:
    return {**dict(KERNCIJFERS), **{c["id"]: c["naam"] for c in eigen_cijfers(profiel.data)}}


def controleer_indeling(data, pad: tuple, opgave, totaal, sleutel_totaal: str, uitslag) -> None:
    """Aantallen per indeling (in een jaarverslag of een regel van kerncijfers.yaml): samen
    hoogstens het totaal; zonder totaal moeten alle indelingen op hetzelfde uitkomen."""
    sommen = {dim: sum((opgave.get(dim) or {}).values()) for dim in DIMENSIES if opgave.get(dim)}
    if totaal is None:
        if len(set(sommen.values())) > 1:
            uitslag.fout_op(data, pad, "de aantallen tellen niet op tot hetzelfde totaal: "
                + ", ".join(f"{dim} {som}" for dim, som in sommen.items())
                + f". Deelt u niet alle meldingen in, zet dan het totaal erbij ({sleutel_totaal}); de rest "
                "staat in de tabel als 'Niet ingedeeld'.")
        return
    for dim, som in sommen.items():
        if som > totaal:
            uitslag.fout_op(data, pad + (dim,), f"de aantallen per {dim} tellen op tot {som}, meer dan het totaal van "
                f"{totaal} ({sleutel_totaal}, {plaats(data, pad + (sleutel_totaal.rsplit('.', 1)[-1],))}). "
                "Een melding telt in elke indeling hoogstens één keer; verbeter de aantallen of het totaal.")


def _eigen_ids(profiel, data, pad: tuple, uitslag) -> None:
    geldig = [c["id"] for c in eigen_cijfers(profiel.data)]
    for sleutel in plek_waarde(data, pad) or {}:
        if sleutel not in geldig:
            uitslag.fout_op(data, pad + (sleutel,), f"'{sleutel}' is geen eigen kerncijfer van het profiel"
                + (f"; kies uit {keuzes(geldig)}. " if geldig else ". ") + EIGEN_HINT)


def plek_waarde(data, pad: tuple):
    for stap in pad:
        data = (data or {}).get(stap) if not isinstance(stap, int) else data[stap]
    return data


def _schattingen(data, pad: tuple, bekend: set[str], waar: str, uitslag) -> None:
    for i, ident in enumerate(plek_waarde(data, pad) or []):
        if ident not in bekend:
            uitslag.fout_op(data, pad + (i,), f"'{ident}' staat onder schattingen, maar {waar} geeft geen cijfer "
                f"'{ident}'. Kies uit {keuzes(sorted(bekend)) or 'de cijfers die u invult'}.")


def gelijk_aan(profiel) -> list[tuple[int, str, str, str]]:
    """De eigen reeksen die dezelfde zaken tellen als een categorie: (plek in de lijst, id,
    indeling, categorie)."""
    uit = []
    for i, c in enumerate(eigen_cijfers(profiel.data)):
        if c.get("gelijk_aan"):
            dim, _, cat = c["gelijk_aan"].partition(".")
            uit.append((i, c["id"], dim, cat))
    return uit


def controleer_gelijk_aan(profiel, uitslag) -> None:
    """Noemt ``gelijk_aan`` een categorie die de indeling kent?"""
    typ = typologie(profiel.data)
    for i, ident, dim, cat in gelijk_aan(profiel):
        geldig = [c["id"] for c in typ.get(dim, [])]
        if cat not in geldig:
            uitslag.fout_op(profiel.data, ("jaarcyclus", "eigen_cijfers", i, "gelijk_aan"),
                f"'{cat}' is geen {dim} in de indeling; kies uit {keuzes(geldig)}. " + typologie_hint(dim))


def _vergelijk_gelijk_aan(profiel, data, pad_eigen: tuple, pad_indeling: tuple, eigen: dict, indeling, waar: str,
                          uitslag) -> None:
    """Een reeks met ``gelijk_aan`` en de cel van haar categorie in hetzelfde jaar zijn gelijk."""
    for _, ident, dim, cat in gelijk_aan(profiel):
        if eigen.get(ident) is None or not indeling or indeling.get(dim) is None:
            continue
        cel = indeling[dim].get(cat, 0)
        if eigen[ident] != cel:
            uitslag.fout_op(data, pad_eigen + (ident,), f"{ident} is {eigen[ident]}, maar telt volgens het profiel "
                f"dezelfde zaken als {dim} '{cat}', en die is {cel} ({waar}, "
                f"{plaats(data, pad_indeling)}). Maak de twee gelijk: anders verraadt het ene getal het "
                "andere als dat verborgen is.")


def _verborgen_gelijk(profiel, data, pad_eigen: tuple, eigen: dict, m, waar: str, uitslag) -> None:
    """Een waarschuwing voor een reeks met ``zaken: true`` zonder ``gelijk_aan`` die even groot is
    als een cel die de tabel van dat jaar verbergt: telt zij dezelfde zaken, dan verraadt zij
    die cel. Alleen de schrijver ziet dit; in het verslag verandert er niets."""
    kandidaten = [c["id"] for c in eigen_cijfers(profiel.data) if c["zaken"] and not c.get("gelijk_aan")
                  and eigen.get(c["id"])]
    lijnen = {dim: m[dim] for dim in DIMENSIES if m and m.get(dim) is not None}
    if not kandidaten or not lijnen:
        return
    try:
        registerjaar = privacy.beveilig_registerjaar(lijnen, drempel(profiel.data), totaal=m["totaal"])
    except ValueError:
        return  # de aantallen zelf kloppen niet; dat meldt de controle van de indeling
    for ident in kandidaten:
        for dim, tabel in registerjaar.tabellen.items():
            for cat, cel in tabel.cellen.items():
                if cel.onderdrukt and cel.waarde == eigen[ident]:
                    uitslag.waarschuwingen.append(foutmelding_op(
                        data, pad_eigen + (ident,), f"{ident} ({waar}) is even groot als de {dim} '{cat}', die "
                        f"de tabel als '{cel.tekst}' drukt. Telt dit cijfer dezelfde zaken, zet dan in het "
                        f"profiel bij dit eigen kerncijfer gelijk_aan: {dim}.{cat}; anders verraadt het die cel."))


def controleer_kerncijfers(profiel, jaren, uitslag) -> None:
    """kerncijfers.yaml: elk jaar één keer, geldige ids en indelingen, en geen cijfer dat
    afwijkt van het jaarverslag van hetzelfde jaar."""
    data = jaren.kerncijfers
    if data is None:
        return
    typ = typologie(profiel.data)
    ids = cijfer_ids(profiel)
    namen = _namen(profiel)
    eerste: dict[int, int] = {}
    for i, rij in enumerate(kerncijfersregels(jaren)):
        j = rij["jaar"]
        if j in eerste:
            uitslag.fout_op(data, ("kerncijfers", i, "jaar"), f"het jaar {j} staat twee keer in kerncijfers.yaml: hier en op "
                f"{plaats(data, ('kerncijfers', eerste[j], 'jaar'))}. Houd één regel per jaar en zet daar de "
                "juiste cijfers.")
            continue
        eerste[j] = i
        _eigen_ids(profiel, data, ("kerncijfers", i, "eigen_cijfers"), uitslag)
        for dim in DIMENSIES:
            geldig = [c["id"] for c in typ[dim]]
            for sleutel in rij.get(dim) or {}:
                if sleutel not in geldig:
                    uitslag.fout_op(data, ("kerncijfers", i, dim, sleutel),
                        f"'{sleutel}' is geen {dim} in de indeling; kies uit {keuzes(geldig)}. " + typologie_hint(dim))
        controleer_indeling(data, ("kerncijfers", i), rij, rij.get("meldingen"), "meldingen", uitslag)
        if any(rij.get(dim) for dim in DIMENSIES):
            m = als_aantallen(rij, typ, rij.get("meldingen"))
            _vergelijk_gelijk_aan(profiel, data, ("kerncijfers", i, "eigen_cijfers"), ("kerncijfers", i),
                                  rij.get("eigen_cijfers") or {}, m, f"de regel van {j}", uitslag)
            _verborgen_gelijk(profiel, data, ("kerncijfers", i, "eigen_cijfers"), rij.get("eigen_cijfers") or {},
                              m, f"de regel van {j}", uitslag)
        gevuld = {k for k in ids if rij.get(k) is not None or (rij.get("eigen_cijfers") or {}).get(k) is not None}
        if any(rij.get(dim) for dim in DIMENSIES):
            gevuld.add("meldingen")
        _schattingen(data, ("kerncijfers", i, "schattingen"), gevuld, f"de regel van {j}", uitslag)
    if uitslag.fouten:
        return
    for i, rij in enumerate(kerncijfersregels(jaren)):
        stukken = jaren.stukken(rij["jaar"])
        if eerste.get(rij["jaar"]) != i or stukken is None or stukken.jaarverslag is None:
            continue
        _vergelijk(profiel, jaren, rij, i, stukken.jaarverslag, ids, namen, typ, uitslag)


def _plek_in_verslag(verslag, naam: str) -> tuple:
    if naam in (verslag.get("eigen_cijfers") or {}):
        return ("eigen_cijfers", naam)
    if naam in (verslag.get("cijfers") or {}):
        return ("cijfers", naam)
    return {"meldingen": ("meldingen", "totaal") if (verslag.get("meldingen") or {}).get("totaal") is not None
            else ("meldingen",), "vertrouwenspersoon": ("vertrouwenspersoon", "thema"),
            "trainingen": ("trainingen",), "deelnemers": ("trainingen",)}.get(naam, ())


def _vergelijk(profiel, jaren, rij, i, verslag, ids, namen, typ, uitslag) -> None:
    j = rij["jaar"]
    try:
        eigen = uit_jaarverslag(profiel, jaren, j, ids)
    except InvoerFout:
        return  # de fout in het verslag zelf meldt de controle van het verslag
    data = jaren.kerncijfers
    for naam in ids:
        hier = rij.get(naam, (rij.get("eigen_cijfers") or {}).get(naam))
        daar = eigen.waarden.get(naam)
        if hier is None or daar is None or hier == daar:
            continue
        pad = ("kerncijfers", i, naam) if naam in rij else ("kerncijfers", i, "eigen_cijfers", naam)
        uitslag.fout_op(data, pad, f"{namen.get(naam, naam)} {j}: hier {hier}, maar het jaarverslag {j} geeft {daar} "
            f"({plaats(verslag, _plek_in_verslag(verslag, naam))}). Een jaar met een jaarverslag neemt zijn "
            "cijfers daaruit: laat het hier weg of maak de twee gelijk.")
    m = meldingen(profiel, jaren, j)
    for dim in DIMENSIES:
        if not rij.get(dim) or not m or m[dim] is None:
            continue
        hier = {k: v for k, v in rij[dim].items() if v}
        daar = {k: v for k, v in m[dim].items() if v and k in {c["id"] for c in typ[dim]}}
        if hier != daar:
            uitslag.fout_op(data, ("kerncijfers", i, dim), f"de meldingen per {dim} van {j} wijken af van het jaarverslag "
                f"{j} ({plaats(verslag, ('meldingen', 'register') if m['bron'] == 'register' else ('meldingen', dim))}"
                "). Laat ze hier weg of maak ze gelijk.")


def controleer_verslagcijfers(profiel, jaren, jaar, verslag, m, uitslag) -> None:
    """In één jaarverslag: eigen kerncijfers, schattingen en een opgegeven totaal naast een register."""
    _eigen_ids(profiel, verslag, ("eigen_cijfers",), uitslag)
    opgave = verslag.get("meldingen") or {}
    if m and m["bron"] == "register" and opgave.get("totaal") is not None and opgave["totaal"] != m["totaal"]:
        uitslag.fout_op(verslag, ("meldingen", "totaal"), f"het register telt {m['totaal']} meldingen in {jaar}, niet "
            f"{opgave['totaal']}. Laat het totaal weg (het register telt het) of verbeter het register.")
    gevuld = set((verslag.get("cijfers") or {})) | set((verslag.get("eigen_cijfers") or {}))
    trainingen = verslag.get("trainingen") or {}
    if not trainingen.get("register"):
        gevuld |= {k for k, s in (("trainingen", "sessies"), ("deelnemers", "deelnemers")) if trainingen.get(s) is not None}
    if m and m["bron"] == "aantallen" and not any(opgave.get(d) for d in DIMENSIES):
        gevuld.add("meldingen")
    _schattingen(verslag, ("schattingen",), gevuld, f"het jaarverslag {jaar}", uitslag)
    _vergelijk_gelijk_aan(profiel, verslag, ("eigen_cijfers",), ("meldingen",), verslag.get("eigen_cijfers") or {},
                          m, f"het jaarverslag {jaar}", uitslag)
    _verborgen_gelijk(profiel, verslag, ("eigen_cijfers",), verslag.get("eigen_cijfers") or {}, m,
                      f"het jaarverslag {jaar}", uitslag)
