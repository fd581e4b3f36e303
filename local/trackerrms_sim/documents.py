"""Render seeded resumes as real PDF (fpdf2), DOCX (python-docx) and TXT files, including messy variants."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

from docx import Document
from fpdf import FPDF

from .seed import Resume, format_period

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "doc": "application/msword",
    "txt": "text/plain",
    "rtf": "application/rtf",
    "png": "image/png",
    "jpg": "image/jpeg",
}

_HEADINGS = {
    "summary": ("Profile", "Professional Summary", "About Me", "Personal Statement"),
    "experience": ("Experience", "Work History", "Employment History", "Professional Experience"),
    "skills": ("Skills", "Key Skills", "Core Competencies", "Technical Skills"),
    "education": ("Education", "Qualifications", "Education & Training", "Academic Background"),
    "certs": ("Certifications", "Licences & Certifications", "Courses", "Professional Qualifications"),
}


def content_type_for(filename: str) -> str:
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return CONTENT_TYPES.get(ext, "application/octet-stream")


def _heading(resume: Resume, key: str) -> str:
    text = _HEADINGS[key][resume.style.header_style % 4]
    return text.upper() if resume.style.caps_headers else text


def resume_blocks(resume: Resume) -> list[tuple[str, list[str]]]:
    """The resume as (heading, lines) blocks; heading "" is the contact header."""
    style = resume.style
    bullet = style.bullet
    blocks: list[tuple[str, list[str]]] = [
        (
            "",
            [
                f"{resume.first_name} {resume.surname}",
                f"{resume.email} | {resume.phone} | {resume.city} | {resume.linkedin}",
            ],
        ),
        (_heading(resume, "summary"), [resume.summary]),
    ]
    exp: list[str] = []
    for k, role in enumerate(resume.roles):
        period = format_period(role.start, role.end, style.date_style)
        layout = (style.header_style + k) % 3
        if layout == 0:
            exp.append(f"{role.title}, {role.company} — {period}")
        elif layout == 1:
            exp.append(f"{role.company} | {role.title} | {period}")
        else:
            exp.append(role.title.upper())
            exp.append(f"{role.company}, {resume.city}")
            exp.append(period)
        exp.extend(f"{bullet} {b}" for b in role.bullets)
        exp.append("")
    blocks.append((_heading(resume, "experience"), exp[:-1]))
    if not style.skill_table:
        blocks.append((_heading(resume, "skills"), [", ".join(resume.skills)]))
    if resume.education:
        blocks.append((_heading(resume, "education"), list(resume.education)))
    if resume.certs:
        blocks.append((_heading(resume, "certs"), [f"{bullet} {c}" for c in resume.certs]))
    return blocks


def _mojibake(text: str) -> str:
    # UTF-8 bytes decoded as cp1252, the classic "â€™" damage.
    return "".join(ch.encode("utf-8").decode("cp1252", errors="replace") if ord(ch) > 127 else ch for ch in text)


def render_text(resume: Resume) -> str:
    lines: list[str] = []
    for heading, body in resume_blocks(resume):
        if heading:
            lines.append("")
            lines.append(heading)
        lines.extend(body)
    if resume.style.skill_table:
        lines.append("")
        lines.append("Skill Details")
        lines.extend(f"{s}\t{y} years\t{lvl}" for s, y, lvl in resume.skill_years)
    text = "\n".join(lines).strip() + "\n"
    if resume.style.flat:
        text = " ".join(part for part in text.split() if part)
    if resume.style.mojibake:
        text = _mojibake(text.replace("'", "’"))
    return text


def render_txt(resume: Resume) -> bytes:
    return render_text(resume).encode("utf-8")


def _latin1(text: str) -> str:
    replacements = {"•": "-", "–": "-", "—": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "€": "EUR"}
    for old, new in replacements.items():
        text = text.replace(old, new)
    return text.encode("latin-1", errors="replace").decode("latin-1")


def render_pdf(resume: Resume, created: datetime) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(created.replace(tzinfo=UTC))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_title(_latin1(f"{resume.first_name} {resume.surname} CV"))
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    if resume.style.flat:
        pdf.set_font("Helvetica", size=10)
        pdf.multi_cell(width, 5, _latin1(render_text(resume)))
        return bytes(pdf.output())
    for heading, body in resume_blocks(resume):
        if not heading:
            pdf.set_font("Helvetica", style="B", size=16)
            pdf.multi_cell(width, 8, _latin1(body[0]))
            pdf.set_font("Helvetica", size=9)
            pdf.multi_cell(width, 5, _latin1(body[1]))
            continue
        pdf.ln(3)
        pdf.set_font("Helvetica", style="B", size=12)
        pdf.multi_cell(width, 7, _latin1(heading))
        pdf.set_font("Helvetica", size=10)
        for line in body:
            if line:
                pdf.multi_cell(width, 5, _latin1(line))
            else:
                pdf.ln(2)
    if resume.style.skill_table:
        pdf.ln(3)
        pdf.set_font("Helvetica", style="B", size=12)
        pdf.multi_cell(width, 7, "Skill Details")
        pdf.set_font("Helvetica", size=10)
        for s, y, lvl in resume.skill_years:
            pdf.multi_cell(width, 5, _latin1(f"{s}    {y} years    {lvl}"))
    return bytes(pdf.output())


def render_docx(resume: Resume, created: datetime) -> bytes:
    doc = Document()
    fix = _mojibake if resume.style.mojibake else (lambda s: s)
    for heading, body in resume_blocks(resume):
        if not heading:
            doc.add_heading(fix(body[0]), level=0)
            doc.add_paragraph(fix(body[1]))
            continue
        doc.add_heading(fix(heading), level=1)
        for line in body:
            if line.startswith(resume.style.bullet + " "):
                doc.add_paragraph(fix(line[len(resume.style.bullet) + 1 :]), style="List Bullet")
            elif line:
                doc.add_paragraph(fix(line))
    if resume.style.skill_table:
        doc.add_heading("Skill Details", level=1)
        table = doc.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, ("Skill", "Years", "Level"), strict=True):
            cell.text = text
        for s, y, lvl in resume.skill_years:
            row = table.add_row().cells
            row[0].text, row[1].text, row[2].text = fix(s), str(y), lvl
    props = doc.core_properties
    props.author = f"{resume.first_name} {resume.surname}"
    props.created = props.modified = created
    props.last_modified_by = props.author
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _pin_zip_times(data: bytes, created: datetime) -> bytes:
    """Rewrite the DOCX zip with fixed member timestamps (python-docx stamps the current time)."""
    stamp = (max(created.year, 1980), created.month, created.day, created.hour, created.minute, created.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def render_resume(resume: Resume, fmt: str, created: datetime) -> bytes:
    """Document bytes; byte-identical for the same resume and date (embedded timestamps are pinned)."""
    if fmt == "pdf":
        return render_pdf(resume, created)
    if fmt == "docx":
        return _pin_zip_times(render_docx(resume, created), created)
    return render_txt(resume)


def render_cover_letter(resume: Resume) -> bytes:
    return (
        f"Dear Hiring Manager,\n\nPlease find attached my CV. {resume.summary}\n\n"
        f"Kind regards,\n{resume.first_name} {resume.surname}\n"
    ).encode()
