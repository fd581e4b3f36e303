import io

import pytest

from skima.engine.documents import ResumeReadError, extract_text
from skima.engine.text import clean_text, split_long_line


def test_mojibake_is_repaired_and_lost_bullets_become_lines() -> None:
    text = "Skills â¢ Python â¢ SQL Itâ€™s cafÃ© Naïve Bayes"
    cleaned = clean_text(text)
    assert "It's café Naïve Bayes" in cleaned
    assert "• Python" in cleaned.split("\n")
    assert "â" not in cleaned


def test_layoutless_paste_gets_section_headers_on_their_own_lines() -> None:
    text = (
        "Education Details May 2013 to May 2017 B.E UIT-RGPV Data Scientist - Matelabs Skill Details "
        "Python- Exprience - Less than 1 year months Company Details company - Matelabs description - ML"
    )
    lines = clean_text(text).split("\n")
    assert "Skill Details" in lines
    assert "Company Details" in lines
    assert any(line.startswith("company - Matelabs") for line in lines)
    assert any(line.startswith("description - ML") for line in lines)


def test_number_words_before_years_become_digits() -> None:
    assert "6+ years" in clean_text("Six or more years of experience")


def test_long_lines_are_split_into_sentences_of_bounded_length() -> None:
    line = " ".join(f"word{i}" for i in range(70))
    pieces = split_long_line(line, max_words=28)
    assert all(len(p.split()) <= 28 for p in pieces)
    assert " ".join(pieces) == line


def test_pdf_text_is_extracted() -> None:
    from fpdf import FPDF  # noqa: PLC0415

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, "Senior Java Developer with Spring Boot")
    text, source = extract_text(bytes(pdf.output()), "cv.pdf")
    assert source == "pdf"
    assert "Senior Java Developer" in text


def test_docx_paragraphs_and_skill_tables_are_extracted() -> None:
    import docx  # noqa: PLC0415

    document = docx.Document()
    document.add_paragraph("Data Analyst")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "SQL"
    table.rows[0].cells[1].text = "5 years"
    buffer = io.BytesIO()
    document.save(buffer)
    text, source = extract_text(buffer.getvalue(), "cv.docx")
    assert source == "docx"
    assert "Data Analyst" in text
    assert "SQL | 5 years" in text


def test_corrupt_pdf_raises_a_clear_error() -> None:
    with pytest.raises(ResumeReadError):
        extract_text(b"%PDF-1.4 garbage", "cv.pdf")


def test_unknown_binary_is_refused() -> None:
    with pytest.raises(ResumeReadError):
        extract_text(b"\x00\x01\x02binary", "cv.bin")


def test_cp1252_text_is_decoded() -> None:
    text, source = extract_text("Café résumé".encode("cp1252"), "cv.txt")
    assert source == "text"
    assert text == "Café résumé"
