"""``python -m integriteitsplan``: dezelfde opdracht als ``integriteitsplan``."""
from integriteitsplan.cli import main

if __name__ == "__main__":  # nodig voor de werkprocessen van een batch onder Windows (spawn)
    main()
