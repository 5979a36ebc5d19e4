import pytest
import yaml

from centre_ressources.content.frontmatter import FrontMatterError, parse_document, parse_yaml, read_source


def test_values_keep_their_file_line():
    doc = parse_document("---\ntitre: Titre\nliste:\n  - a\n  - b\n---\nCorps\n", "f.md")
    assert doc.data == {"titre": "Titre", "liste": ["a", "b"]}
    assert doc.line_of(("titre",)) == 2
    assert doc.line_of(("liste", 1)) == 5
    assert doc.body == "Corps\n"
    assert doc.body_line == 7


def test_dates_are_kept_as_iso_text():
    doc = parse_document("---\nmise_a_jour: 2025-03-14\n---\n", "f.md")
    assert doc.data["mise_a_jour"] == "2025-03-14"


def test_duplicate_keys_are_refused_at_the_second_line():
    with pytest.raises(FrontMatterError) as caught:
        parse_document("---\ntitre: A\nduree: 5\ntitre: B\n---\n", "f.md")
    error = caught.value.error
    assert (error.line, error.field) == (4, "titre")
    assert "déjà défini à la ligne 2" in error.message


def test_unclosed_front_matter_has_its_own_message():
    with pytest.raises(FrontMatterError) as caught:
        parse_document("---\ntitre: A\n\nDu texte\n", "f.md")
    assert "jamais fermé" in caught.value.error.message


def test_empty_file_has_its_own_message():
    with pytest.raises(FrontMatterError) as caught:
        parse_document("  \n", "f.md")
    assert "vide" in caught.value.error.message


def test_yaml_syntax_error_names_the_line_in_french():
    with pytest.raises(FrontMatterError) as caught:
        parse_document("---\ntitre: A\nen_bref: deux: points\n---\n", "f.md")
    error = caught.value.error
    assert error.line == 3
    assert "guillemets" in error.message


def test_yaml_is_loaded_safely():
    with pytest.raises(FrontMatterError):
        parse_document("---\ntitre: !!python/object/apply:os.system ['true']\n---\n", "f.md")


def test_a_tag_on_a_field_name_is_refused_at_its_line():
    with pytest.raises(FrontMatterError) as caught:
        parse_document("---\ntitre: A\n!balise duree: 5\n---\n", "f.md")
    assert caught.value.error.line == 3
    assert "la balise YAML « !balise » n'est pas autorisée" in caught.value.error.message


def test_crlf_bom_and_decomposed_accents_are_normalised(tmp_path):
    path = tmp_path / "f.md"
    decomposed = "Pre\u0301paration"
    path.write_bytes(("\ufeff---\r\ntitre: " + decomposed + "\r\n---\r\nCorps\r\n").encode("utf-8"))
    doc = read_source(path, "f.md")
    assert doc.data["titre"] == "Préparation"
    assert doc.body == "Corps\n"


def test_non_utf8_file_names_the_line(tmp_path):
    path = tmp_path / "f.md"
    path.write_bytes("---\ntitre: A\nen_bref: caf\xe9\n---\n".encode("latin-1"))
    with pytest.raises(FrontMatterError) as caught:
        read_source(path, "f.md")
    assert caught.value.error.line == 3
    assert "UTF-8" in caught.value.error.message


# The quick reading (no positions until an error needs one; text recognised without the
# resolver's general path) must read every value exactly as PyYAML's safe loader does.
TRICKY_VALUES = [
    "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
    "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL", "~", "", "y", "n", "falsey",
    "yEs", "nULL", "oN", "tRUE", "Nothing", "Oui", "Ordre du jour", "toujours", "nul", "12", "-3", "+4", "0x1F", "0o17",
    "1_000", "3.5", ".5", "-.inf", ".NaN", "1e3", "2025-01-31", "2025-13-01", "2001-12-14t21:59:43.10-05:00",
    "<<", "=", "Titre : sous-titre", "«Yes»", "'quoted'", '"no"', "[a, b]", "{x: 1}", "a: b",
]


def test_quick_reading_gives_the_safe_loaders_values():
    for value in TRICKY_VALUES:
        for text in (f"v: {value}", f"v:\n  - {value}", f"{value or 'k'}: 1", f"v: [{value}]"):
            try:
                expected = yaml.safe_load(text)
            except (yaml.YAMLError, ValueError):  # refused, or an impossible date (kept as text)
                continue
            got, _ = parse_yaml(text, "x.yml")
            expected = _iso_dates(expected)
            assert got == expected, text
            assert [type(v) for v in _leaves(got)] == [type(v) for v in _leaves(expected)], text


def test_a_lone_equals_sign_is_text_not_a_crash():
    # PyYAML's safe loader has no constructor for it (a YAML 1.1 "value" key) and raised.
    assert parse_yaml("titre: =\nliste: [=]\n=: 1\n", "x.yml")[0] == {"titre": "=", "liste": ["="], "=": 1}


def test_positions_are_found_when_an_error_asks_for_them():
    data, locations = parse_yaml("a: 1\nb:\n  - x\n  - c: deux\n", "x.yml", first_line=2)
    assert data == {"a": 1, "b": ["x", {"c": "deux"}]}
    assert locations.closest(("b", 1, "c")) == (5, 5)
    assert locations.closest(("b", 1, "absent")) == locations[("b", 1)]
    assert locations[("a",)] == (2, 1)


def _iso_dates(value):
    if isinstance(value, dict):
        return {_iso_dates(k): _iso_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_iso_dates(v) for v in value]
    return value.isoformat() if hasattr(value, "isoformat") else value


def _leaves(value):
    if isinstance(value, dict):
        return [leaf for k, v in value.items() for leaf in (k, *_leaves(v))]
    if isinstance(value, list):
        return [leaf for v in value for leaf in _leaves(v)]
    return [value]
