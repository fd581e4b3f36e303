from skima.engine.masking import mask_protected
from skima.engine.text import clean_text


def masked(text: str) -> str:
    return mask_protected(clean_text(text))


def test_contact_details_are_masked() -> None:
    out = masked(
        "# Jane Doe\nEngineer | jane.doe@mail.com | +1 (415) 555-0199 | 12 Oak Street, Springfield, "
        "IL 62704\nlinkedin.com/in/janedoe"
    )
    for secret in ("Jane", "Doe", "jane.doe", "555", "Oak Street", "62704", "janedoe"):
        assert secret not in out
    assert "Engineer" in out


def test_name_is_masked_wherever_it_appears() -> None:
    out = masked("# Priya Raman\nData Analyst\n## Summary\nPriya led the analytics team.")
    assert "Priya" not in out and "Raman" not in out
    assert "[name] led the analytics team." in out


def test_pronouns_gender_words_age_and_marital_status_are_neutralised() -> None:
    out = masked("Summary\nShe is 34 years old and married; her team loved him. Age: 34\nMarital Status: Single")
    assert "She" not in out and " her " not in out and "him" not in out
    assert "34" not in out
    assert "married" not in out.lower() and "Single" not in out


def test_photo_captions_and_birth_dates_are_masked() -> None:
    out = masked("![Photo of Jane](me.jpg)\nPhoto: smiling woman in a blue suit\nDate of Birth: 1990-01-01\nPython")
    assert "smiling" not in out and "1990" not in out and "Python" in out


def test_date_ranges_are_not_mistaken_for_phone_numbers() -> None:
    out = masked("Summary\nEngineer at Acme, 01/2018 - 03/2021 and 2016 - 2024")
    assert "01/2018 - 03/2021" in out
    assert "2016 - 2024" in out


def test_iso_month_date_ranges_are_not_mistaken_for_phone_numbers() -> None:
    for line in (
        "Python Developer, Brightwave Software - 2021-03 - 2023-11",
        "Analyst, Northwind 03.2019 – 11.2021",
        "Engineer 2019/04 - 2022/12",
    ):
        assert "[phone]" not in mask_protected(line), line
    assert "7700 900123" not in mask_protected("Call me on +44 7700 900123 after six")
