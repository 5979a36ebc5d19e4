"""Hypothesis profiles of the fuzz tests (tests/unit/test_fuzz_*.py).

# Lancer plus d'exemples
Par défaut (profil « fuzz »), chaque test de fuzzing essaie un nombre fixe d'exemples, tirés de
façon déterministe (`derandomize=True`) : la CI voit toujours les mêmes entrées, et la suite
reste rapide (quelques centaines d'exemples en tout, moins d'une minute).
Pour chercher plus loin, avec des entrées tirées au hasard à chaque lancement (profil « long ») :

    FUZZ_EXEMPLES=2000 .venv/bin/python -m pytest tests/unit/test_fuzz_content.py -p no:cacheprovider

(FUZZ_EXEMPLES : le nombre d'exemples par test), ou, avec 1000 exemples par test :

    .venv/bin/python -m pytest tests/unit/test_fuzz_content.py --hypothesis-profile=long

L'option --hypothesis-profile demande que le dossier tests/unit/ (ou un de ses fichiers) soit
nommé sur la ligne de commande : ce fichier, qui déclare le profil, doit être lu avant que
Hypothesis ne charge le profil. FUZZ_EXEMPLES marche partout. Un échec du profil « long »
affiche l'exemple réduit et la ligne `@reproduce_failure(...)` qui le rejoue.
Aucun des deux profils n'écrit de base d'exemples (.hypothesis/) dans le dépôt.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_SUPPRESSED = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large,
               HealthCheck.large_base_example]
_LONG_EXAMPLES = int(os.environ.get("FUZZ_EXEMPLES") or 1000)

settings.register_profile("fuzz", derandomize=True, database=None, deadline=None,
                          suppress_health_check=_SUPPRESSED, print_blob=False)
settings.register_profile("long", derandomize=False, database=None, deadline=None, max_examples=_LONG_EXAMPLES,
                          suppress_health_check=_SUPPRESSED, print_blob=True)

# --hypothesis-profile, read after this file when tests/unit/ is named on the command line,
# takes precedence; otherwise FUZZ_EXEMPLES selects the long profile.
if settings.get_current_profile_name() == "default":
    settings.load_profile("long" if os.environ.get("FUZZ_EXEMPLES") else "fuzz")
