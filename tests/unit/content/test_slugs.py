from hypothesis import given, settings
from hypothesis import strategies as st

from centre_ressources.content.contributed_markup import SITE_ID_PREFIX, is_heading_id
from centre_ressources.content.slugs import heading_slug, is_slug, slugify


def test_accents_and_ligatures_are_folded():
    assert slugify("Cœur de l'Évaluation partagée") == "coeur-de-l-evaluation-partagee"


def test_punctuation_and_spaces_become_single_hyphens():
    assert slugify("  Charte  —  de coopération ! ") == "charte-de-cooperation"


def test_is_slug_accepts_only_lowercase_ascii_words_with_hyphens():
    assert is_slug("fiche-2")
    for bad in ("Fiche", "fiche_2", "-fiche", "fiche--2", "évaluation", ""):
        assert not is_slug(bad), bad


def test_heading_ids_are_those_of_the_table_of_contents():
    assert heading_slug("Quand l'utiliser") == "quand-lutiliser"
    assert heading_slug("Étape 3 : Ouvrir la séance") == "etape-3-ouvrir-la-seance"


def test_a_heading_cannot_take_an_id_of_the_theme_or_of_the_site_scripts():
    # Material's own controls are __drawer, __search…; the site's scripts use ids in cr--
    assert heading_slug("__drawer") == "drawer"
    assert heading_slug("cr--atelier planificateur") == "cr-atelier-planificateur"
    assert heading_slug("🙂") == "section"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_every_heading_id_is_in_the_contributed_namespace(title):
    slug = heading_slug(title)
    assert is_heading_id(slug) and not slug.startswith(SITE_ID_PREFIX)
