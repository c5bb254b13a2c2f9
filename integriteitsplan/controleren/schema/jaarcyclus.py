"""Het deel ``jaarcyclus`` van ``profiel.yaml``: privacydrempel, typologie, eigen cijfers en
het gezamenlijke meldingenregister van een regio."""
from __future__ import annotations

from integriteitsplan.controleren.schema.bouwstenen import (
    geheel,
    janee,
    lijst,
    object_,
    tekst,
)
from integriteitsplan.domein.grenzen import ID_PATROON

JAARCYCLUS = object_(
    "Instellingen voor jaarplan en jaarverslag.",
    {
        "privacydrempel": geheel(
            "Aantallen van 1 tot deze drempel worden in het jaarverslag getoond als '< drempel'. "
            "Standaard 5, nooit lager dan 3.", minimum=3, maximum=50),
        "typologie": object_(
            "Eigen indelingen die de standaard vervangen.",
            {
                naam: lijst(
                    object_("Een categorie.", {"id": tekst("Id.", pattern=ID_PATROON), "naam": tekst("Naam.")},
                            ("id", "naam")),
                    f"De categorieën voor '{naam}'.",
                )
                for naam in ("soort", "afdoening", "uitkomst", "vertrouwenspersoon")
            },
        ),
        "eigen_cijfers": lijst(
            object_(
                "Een eigen kerncijfer: een reeks die de gemeente zelf bijhoudt.",
                {
                    "id": tekst("Id; zo heet het cijfer onder eigen_cijfers in kerncijfers.yaml en in het "
                                "jaarverslag.", pattern=ID_PATROON),
                    "naam": tekst("Zoals het in de tabel met kerncijfers staat."),
                    "eenheid": tekst("Eventueel de eenheid, bijvoorbeeld 'uur' of 'euro'."),
                    "zaken": janee("Telt dit cijfer zaken over personen (ontslagen, aangiften)? Dan staat "
                                   "een aantal onder de privacydrempel er als '< drempel', net als bij de "
                                   "meldingen. Standaard false."),
                    "gelijk_aan": tekst(
                        "Telt deze reeks precies dezelfde zaken als een categorie van de meldingen? "
                        "Noem die dan als indeling.id, bijvoorbeeld 'afdoening.ontslag'. De reeks staat "
                        "dan in elk jaar met die indeling precies zoals die cel in de tabel (ook als "
                        "'< 5' of 'x'), zodat zij een verborgen cel niet verraadt; wijkt het aantal "
                        "af van de cel, dan is dat een fout.", pattern=r"^(soort|afdoening|uitkomst)\.[A-Za-z0-9_-]+$"),
                    "grafiek": janee("Ook in de grafiek van het jaarverslag. Standaard false."),
                },
                ("id", "naam"),
            ),
            "Eigen kerncijfers naast de vaste; in de tabel met kerncijfers (en, als u dat vraagt, in "
            "de grafiek).",
        ),
        "meldingenregister": tekst(
            "Alleen voor een regio: pad naar het gezamenlijke meldingenregister (met een kolom "
            "'organisatie'). Elk lid neemt er zijn eigen rijen uit."
        ),
    },
)
