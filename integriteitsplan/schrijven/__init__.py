"""Stap 5, schrijven: één schrijver per formaat, en het veilig wegschrijven van bestanden.

Ontvangt ``Gerenderd`` (Markdown van voorblad en romp) en de documentgegevens; geeft de
bytes van elk bestand (``markdown.py``: de Markdown zoals hij is; ``word``: een .docx
gebouwd met python-docx uit de geparste Markdown). ``bestanden.py`` schrijft atomair en
bewaart aanpassingen die de gebruiker na de vorige keer maakte.
"""
