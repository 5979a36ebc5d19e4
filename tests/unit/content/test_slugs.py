from centre_ressources.content.slugs import is_slug, slugify


def test_accents_and_ligatures_are_folded():
    assert slugify("Cœur de l'Évaluation partagée") == "coeur-de-l-evaluation-partagee"


def test_punctuation_and_spaces_become_single_hyphens():
    assert slugify("  Charte  —  de coopération ! ") == "charte-de-cooperation"


def test_is_slug_accepts_only_lowercase_ascii_words_with_hyphens():
    assert is_slug("fiche-2")
    for bad in ("Fiche", "fiche_2", "-fiche", "fiche--2", "évaluation", ""):
        assert not is_slug(bad), bad
