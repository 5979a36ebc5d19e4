"""The quick YAML reading and the reference walker give the same value, for every text.

The quick reading (libyaml, text values taken as they are) is what makes reading thousands of
files fast; the walker is the reference, which keeps positions and refuses what is not plain
data. Whatever the quick reading accepts, it must read exactly as the walker does; whatever it
gives up on, the walker must refuse with a located error.
"""

from __future__ import annotations

import pytest

from centre_ressources.content.yaml_values import NeedsWalker, Walker, compose, quick_value, read_values
from centre_ressources.errors import FrontMatterError

TRICKY = [
    "titre: Un titre simple",
    "titre: 'entre apostrophes'\nautre: \"entre guillemets\"",
    "duree: 90\nratio: 1.5\nexposant: 1e3\noctal: 010\nhexa: 0x1F\ninfini: .inf\npas_un_nombre: .nan",
    "a: yes\nb: No\nc: ON\nd: off\ne: true\nf: FALSE\ng: y\nh: n",
    "vide:\ntilde: ~\nnul: null\nNul: Null",
    "date: 2024-03-14\nmoment: 2024-03-14T10:30:00Z\nimpossible: 2025-13-01",
    "egal: =\nfusion: '<<'",
    "nombre: &n 3\nrepete: *n",
    "liste: [un, deux, 3, true, null]\ngroupe: {a: 1, b: deux}",
    "bloc: |\n  ligne 1\n  ligne 2\nplie: >-\n  une phrase\n  pliée",
    "texte: Écrit en français, « guillemets », œuvre, l'été",
    "123: nombre en clé\ntrue: booléen en clé",
    "imbrique:\n  - nom: a\n    roles: [x, y]\n  - nom: b\n    roles: []",
    "force: !!str 123\nentier: !!int '7'",
    "Yes: une clé\nyes2: Yes please",
    "valeur: 12:30\nheure: 1:02:03",
    "",
    "# seulement un commentaire",
]

REFUSED = [
    "titre: !!python/object/apply:os.system [ls]",
    "titre: !local valeur",
    "!balise cle: valeur",
    "duree: 90\nduree: 120",
    "a:\n  b: 1\n  b: 2",
    "base: &ancre\n  nom: Maison\ncopie: *ancre",
    "a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: [*c, *c, *c, *c]",
]


@pytest.mark.parametrize("text", TRICKY)
def test_the_quick_reading_gives_the_walkers_value(text):
    node = compose(text)
    if node is None:
        assert read_values(text, "f.md")[0] is None
        return
    reference = Walker("f.md", 1).convert(node, ())
    try:
        quick = quick_value(node)
    except NeedsWalker:  # allowed: then the reference decides, as read_values does
        quick = reference
    assert quick == reference
    assert type(quick) is type(reference)
    assert read_values(text, "f.md")[0] == reference


@pytest.mark.parametrize("text", REFUSED)
def test_what_the_walker_refuses_the_quick_reading_gives_up_on(text):
    node = compose(text)
    if "&" not in text:  # with an anchor, read_values asks the walker without trying
        with pytest.raises(NeedsWalker):
            quick_value(node)
    with pytest.raises(FrontMatterError) as caught:
        read_values(text, "f.md", first_line=2)
    assert caught.value.error.path == "f.md" and caught.value.error.line >= 2


def test_positions_come_from_the_walker_when_first_asked():
    text = "titre: Un titre\nacteurs:\n  - nom: Maison\n    role: porte"
    value, locations = read_values(text, "f.md", first_line=2)
    assert value["acteurs"][0]["role"] == "porte"
    assert locations[("acteurs", 0, "role")] == (5, 5)
    assert locations.closest(("acteurs", 0, "inconnu")) == locations[("acteurs", 0)]
