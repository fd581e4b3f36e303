"""The document sandbox (issue 11): hostile files end in one ResumeReadError or a capped text, within bounded time
and memory; random bytes behind PDF / DOCX / zip magic never raise anything else."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skima.engine.documents import (
    DEFAULT_LIMITS,
    ExtractedText,
    ReadLimits,
    ResumeReadError,
    read_document,
    read_isolated,
)
from tests.unit.engine import hostile

# A hang guard only (pytest-timeout): these tests assert outcomes, never speed.
pytestmark = pytest.mark.timeout(120)


def _read(content: bytes, filename: str, limits: ReadLimits = DEFAULT_LIMITS) -> ExtractedText:
    return read_document(content, filename, None, limits)


# ------------------------------------------------------------------------------------------------ DOCX
def test_a_plain_docx_is_read() -> None:
    extracted = _read(hostile.docx(hostile.paragraphs("Data Analyst", "SQL and Python")), "cv.docx")
    assert extracted.text == "Data Analyst\nSQL and Python"
    assert extracted.source == "docx"
    assert extracted.truncated is None


def test_a_docx_zip_bomb_is_refused_from_its_declared_size() -> None:
    bomb = hostile.zip_bomb(400)
    assert len(bomb) < 2 * 1024 * 1024  # about 1 MB that would inflate to 400 MB
    with pytest.raises(ResumeReadError, match="expands to more than 10 MB"):
        _read(bomb, "cv.docx")


def test_a_zip_bomb_that_lies_about_its_size_is_caught_while_inflating() -> None:
    with pytest.raises(ResumeReadError, match="not a valid Word file"):
        _read(hostile.lying_zip_bomb(200), "cv.docx")


def test_parts_together_beyond_the_total_cap_are_refused() -> None:
    limits = ReadLimits(max_total_bytes=300 * 1024)
    document = hostile.wide_docx(1)  # each part under the 10 MB part cap, together over the 300 KB total
    assert zipfile.ZipFile(io.BytesIO(document)).getinfo("word/document.xml").file_size < limits.max_xml_bytes
    with pytest.raises(ResumeReadError, match="the DOCX expands to more than 0 MB"):
        _read(document, "cv.docx", limits)


def test_a_highly_compressed_part_under_the_size_cap_is_refused_by_its_ratio() -> None:
    with pytest.raises(ResumeReadError, match="compressed more than 100 to 1"):
        _read(hostile.zip_bomb(8), "cv.docx")


def test_billion_laughs_and_external_entities_are_refused_before_parsing() -> None:
    for document in (hostile.billion_laughs(), hostile.external_entity()):
        with pytest.raises(ResumeReadError, match="declares an XML DTD"):
            _read(document, "cv.docx")


def test_a_dtd_split_across_two_inflated_chunks_is_still_seen() -> None:
    padding = b"<!--" + b" " * (64 * 1024 - 8) + b"-->"  # puts '<!DOCTYPE' across the 64 KB chunk boundary
    document = hostile.docx(b'<?xml version="1.0"?>' + padding + b"<!DOCTYPE w:document []>" + hostile.paragraphs("x"))
    with pytest.raises(ResumeReadError, match="declares an XML DTD"):
        _read(document, "cv.docx")


def test_python_docx_parser_does_not_expand_entities_even_without_the_dtd_check() -> None:
    """The second line of defence: python-docx parses with lxml's resolve_entities=False and no huge_tree."""
    from docx.oxml.parser import oxml_parser  # noqa: PLC0415
    from lxml import etree  # noqa: PLC0415

    xml = zipfile.ZipFile(io.BytesIO(hostile.billion_laughs())).read("word/document.xml")
    try:
        root = etree.fromstring(xml, oxml_parser)
    except etree.XMLSyntaxError:
        return  # libxml2 refused the entity loop outright
    assert len(etree.tostring(root)) < 10_000  # not 10^9 'lol's


def test_deeply_nested_xml_ends_in_a_read_error() -> None:
    with pytest.raises(ResumeReadError, match="the DOCX is nested too deeply"):
        _read(hostile.deep_nesting(5_000), "cv.docx")


def test_a_damaged_or_foreign_zip_is_a_read_error() -> None:
    with pytest.raises(ResumeReadError):
        _read(b"PK\x03\x04" + b"\x00" * 100, "cv.docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("hello.txt", "not a Word file")
    with pytest.raises(ResumeReadError, match="DOCX"):
        _read(buffer.getvalue(), "cv.docx")


def test_a_long_docx_is_cut_at_the_character_cap_with_a_reason() -> None:
    limits = ReadLimits(max_chars=1_000)
    extracted = _read(
        hostile.docx(hostile.paragraphs(*(f"Line {n} of experience" for n in range(500)))), "cv.docx", limits
    )
    assert len(extracted.text) == 1_000
    assert extracted.text.startswith("Line 0 of experience")
    assert extracted.truncated == "only the first 1,000 characters were read"


# ------------------------------------------------------------------------------------------------ PDF
def test_a_plain_pdf_is_read() -> None:
    extracted = _read(hostile.pdf([hostile.text_page("Senior Python developer")]), "cv.pdf")
    assert "Senior Python developer" in extracted.text
    assert extracted.truncated is None


def test_a_flate_bomb_pdf_is_a_read_error() -> None:
    with pytest.raises(ResumeReadError, match="expands beyond the safety limit"):
        _read(hostile.flate_bomb_pdf(300), "cv.pdf")


def test_only_the_first_pages_of_a_huge_pdf_are_read_and_it_says_so() -> None:
    extracted = _read(hostile.many_pages_pdf(3000), "cv.pdf")
    assert "Page 1 Python developer" in extracted.text
    assert "Page 50 Python developer" in extracted.text
    assert "Page 51 Python developer" not in extracted.text
    assert extracted.truncated == "only the first 50 of 3000 pages were read"


def test_a_corrupt_or_truncated_pdf_is_a_read_error() -> None:
    good = hostile.pdf([hostile.text_page("Python")])
    for broken in (b"%PDF-1.4 garbage", good[: len(good) // 2], good.replace(b"/Pages 2 0 R", b"/Pages 9 0 R")):
        with contextlib.suppress(ResumeReadError):  # a text (pypdf recovered some) is allowed; nothing else is
            _read(broken, "cv.pdf")


# ------------------------------------------------------------------------------------------------ text
def test_a_huge_text_file_is_cut_at_the_character_cap() -> None:
    extracted = _read(b"Python developer. " * 800_000, "cv.txt")  # 14 MB
    assert len(extracted.text) == DEFAULT_LIMITS.max_chars
    assert extracted.truncated == "only the first 200,000 characters were read"


def test_a_cut_text_keeps_a_multibyte_character_whole_and_utf8() -> None:
    limits = ReadLimits(max_chars=10)
    extracted = _read("café ".encode() * 10, "cv.txt", limits)
    assert extracted.text == "café café "
    assert extracted.truncated is not None


def test_unknown_binary_is_refused() -> None:
    with pytest.raises(ResumeReadError, match="unsupported type"):
        _read(b"\x00\x01\x02binary", "cv.bin")


# ------------------------------------------------------------------------------------------------ the worker
def test_the_worker_returns_what_the_reader_returns() -> None:
    document = hostile.docx(hostile.paragraphs("Data Analyst"))
    assert read_isolated(document, "cv.docx") == read_document(document, "cv.docx")
    with pytest.raises(ResumeReadError, match="declares an XML DTD"):
        read_isolated(hostile.billion_laughs(), "cv.docx")


def test_a_page_that_takes_minutes_is_stopped_by_the_time_budget() -> None:
    # One page: no cooperative check runs inside it; only the worker's hard limit can stop it.
    slow = hostile.slow_page_pdf(2_000_000)
    with pytest.raises(ResumeReadError, match="took longer than 2 seconds"):
        read_isolated(slow, "cv.pdf", None, ReadLimits(seconds=2))


_GREEDY_SCRIPT = """
import sys
from skima.engine.documents import ReadLimits, ResumeReadError, read_isolated
content = open(sys.argv[1], "rb").read()
try:
    read_isolated(content, "cv.docx", None, ReadLimits(memory_bytes=64 * 1024 * 1024))
    print("read")
except ResumeReadError as exc:
    print(exc)
"""


def test_the_worker_memory_limit_turns_a_greedy_document_into_a_read_error(tmp_path: Path) -> None:
    # In a fresh process, as in Lambda: the allowance is growth beyond what the worker inherits, and a test
    # process that has built bombs keeps hundreds of MB of free heap a forked worker could reuse unseen.
    path = tmp_path / "greedy.docx"
    path.write_bytes(hostile.wide_docx(9))  # under every size cap; lxml and python-docx need ~150 MB for it
    assert _run(_GREEDY_SCRIPT, str(path)).strip() == "the DOCX needs more memory to read than is allowed"


# ------------------------------------------------------------------------------------------------ peak memory
_PEAK_SCRIPT = """
import json, sys
from skima.engine.documents import ResumeReadError, read_document

def high_water_mb():
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the forking parent across exec
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024

path, name = sys.argv[1], sys.argv[2]
content = open(path, "rb").read()
try:
    outcome = "text of %d characters" % len(read_document(content, name).text)
except ResumeReadError as exc:
    outcome = "error: %s" % exc
print(json.dumps({"outcome": outcome, "peak_mb": high_water_mb()}))
"""


def _run(script: str, *args: str) -> str:
    root = Path(__file__).resolve().parents[3]
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={"PYTHONPATH": f"{root / 'shared'}:{root}", "PATH": "/usr/bin:/bin"},
    )
    return done.stdout


def test_peak_memory_of_the_hostile_corpus_stays_bounded(tmp_path: Path) -> None:
    """Each hostile file read in a fresh process: its peak resident memory stays far below what inflating it would
    take (the 400 MB zip bomb alone peaked at 2.3 GB before the sandbox)."""
    corpus = {
        "zip-bomb.docx": hostile.zip_bomb(400),
        "lying-zip-bomb.docx": hostile.lying_zip_bomb(200),
        "billion-laughs.docx": hostile.billion_laughs(),
        "deep-nesting.docx": hostile.deep_nesting(5_000),
        "widest-allowed.docx": hostile.wide_docx(9),
        "flate-bomb.pdf": hostile.flate_bomb_pdf(300),
        "3000-pages.pdf": hostile.many_pages_pdf(3000),
        "huge.txt": b"Python developer. " * 800_000,
        "no-spaces.txt": b"a" * 500_000,
    }
    peaks: dict[str, float] = {}
    for name, content in corpus.items():
        path = tmp_path / name
        path.write_bytes(content)
        report = json.loads(_run(_PEAK_SCRIPT, str(path), name))
        peaks[name] = report["peak_mb"]
        print(f"{name}: peak {report['peak_mb']:.0f} MB, {report['outcome']}")
    assert all(peak < 500 for peak in peaks.values()), peaks


# ------------------------------------------------------------------------------------------------ fuzzing
_SMALL_DOCX = hostile.docx(hostile.paragraphs("Data Analyst", "SQL"))
_SMALL_PDF = hostile.pdf([hostile.text_page("Python developer")])


def _outcome(content: bytes, filename: str) -> None:
    try:
        extracted = read_document(content, filename)
    except ResumeReadError as exc:
        assert str(exc)
        assert len(str(exc)) < 200
        return
    assert isinstance(extracted.text, str)
    assert len(extracted.text) <= DEFAULT_LIMITS.max_chars


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.sampled_from([b"%PDF-1.4\n", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", b"PK\x03\x04", b"PK\x05\x06", b""]),
    body=st.binary(max_size=4096),
    filename=st.sampled_from(["cv.pdf", "cv.docx", "cv.txt", "cv", "resume.doc"]),
)
def test_random_bytes_behind_magic_prefixes_are_text_or_a_read_error(prefix: bytes, body: bytes, filename: str) -> None:
    _outcome(prefix + body, filename)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    which=st.sampled_from(["docx", "pdf"]),
    edits=st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)), max_size=12),
    cut=st.one_of(st.none(), st.integers(min_value=0)),
)
def test_mutated_real_documents_are_text_or_a_read_error(
    which: str, edits: list[tuple[int, int]], cut: int | None
) -> None:
    content = bytearray(_SMALL_DOCX if which == "docx" else _SMALL_PDF)
    for position, value in edits:
        content[position % len(content)] = value
    if cut is not None:
        content = content[: cut % (len(content) + 1)]
    _outcome(bytes(content), f"cv.{which}")
