import pytest

from centre_ressources.frontmatter import FrontMatterError, parse_document, read_source


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
