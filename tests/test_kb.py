from datetime import date

from communique.kb import load_kb


def test_roles_are_time_aware(kb):
    assert kb.role_at("Donald Trump", date(2019, 5, 1)).role == "head_of_state"
    assert kb.role_at("Donald Trump", date(2022, 6, 1)).sector in (("ELI",), ("PTY",))
    assert kb.role_at("Donald Trump", date(2024, 11, 6)).role == "president_elect"
    assert kb.holder("AZE", "head_of_state", date(2024, 11, 28)) == "Ilham Aliyev"
    assert kb.holder("USA", "head_of_state", date(2024, 11, 28)) == "Joe Biden"


def test_names_demonyms_and_seats_of_power(kb):
    assert kb.country_forms["US"] == "USA"
    assert kb.demonym_forms["Moldovan"] == "MDA"
    assert kb.capital_forms["the Kremlin"] == "RUS"
    assert len([c for c in kb.countries.values() if len(c.code) == 3]) >= 195


def test_user_folder_adds_people(tmp_path):
    (tmp_path / "people.csv").write_text(
        "name,aliases,country,sector,role,start,end,scheduled_end,source\n"
        "Ada Quill,,ISL,GOV,head_of_state,2030-01-01,,,test\n", encoding="utf-8")
    kb = load_kb(str(tmp_path))
    assert kb.holder("ISL", "head_of_state", date(2031, 1, 1)) == "Ada Quill"
    assert kb.by_surname("Quill") == "Ada Quill"


def test_a_surname_misspelt_by_one_letter_finds_the_known_person():
    from communique.kb import load_kb

    kb = load_kb()
    assert kb.misspelt("Francois Mitterand") == "Francois Mitterrand"
    assert kb.misspelt("Abdelaziz Bouteflicka") == "Abdelaziz Bouteflika"
    assert kb.misspelt("Jacques Mitterand") is None  # another first name: another person
    assert kb.misspelt("John Smith") is None
