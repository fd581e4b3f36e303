"""Reading a resume document (PDF, DOCX, plain text) inside a sandbox: bounded in size, pages, characters, time and
memory, and every failure reported as one `ResumeReadError` with a short reason a recruiter can read.

A resume is untrusted input. Without limits, a 1 MB DOCX can expand to 400 MB of XML, a PDF stream can inflate to
gigabytes, a 3,000-page PDF or a 14 MB text takes minutes, and one such file times out the scorer's whole batch.

- DOCX (a zip): every member's declared size and compression ratio are checked before anything is inflated, then
  every member is inflated as a stream, counting the bytes actually produced, before python-docx sees the package.
  Word files never carry a DTD, so a part that declares one (entity bombs, external entities) is refused; python-docx
  parses with lxml's ``resolve_entities=False`` and without ``huge_tree``, so libxml2's own depth and size limits
  apply, and whatever it raises becomes a ResumeReadError.
- PDF: the first `max_pdf_pages` pages are read (the text then says it was cut); pypdf's own stream limits
  (LimitReachedError) and any other pypdf error become a ResumeReadError.
- Text beyond `max_chars` is cut, with a reason: a long resume is still scored on its start.
- Cooperative deadline checks between pages and paragraphs bound the time in the common cases; `read_isolated`
  adds the hard bound: a forked worker process (a plain Process and a Pipe, which work in Lambda where
  multiprocessing.Pool does not) with an address-space limit, killed when its time is up.
"""

from __future__ import annotations

import codecs
import io
import logging
import multiprocessing
import os
import resource
import time
import warnings
import zipfile
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from skima.engine.models import ResumeSource

logger = logging.getLogger(__name__)


class ResumeReadError(ValueError):
    """The resume document could not be read; ``str(error)`` is a short reason fit for a note to a recruiter."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class ReadLimits:
    """What one document may cost. The defaults sit far above any real resume (a few pages, a few thousand words,
    a DOCX part of well under 1 MB) and far below the scorer's 2 GB and 150 s per batch of ten."""

    # one DOCX XML part, inflated: lxml and python-docx need up to ~16 times its size (a 19 MB part of short
    # paragraphs peaked at 322 MB), and a real resume's document.xml stays well under 2 MB
    max_xml_bytes: int = 10 * 1024 * 1024
    max_total_bytes: int = 50 * 1024 * 1024  # all DOCX parts together, inflated
    max_ratio: float = 100.0  # inflated / compressed, for parts above ratio_floor_bytes
    ratio_floor_bytes: int = 1024 * 1024  # a small part may compress well; it cannot hurt
    max_members: int = 1000
    max_pdf_pages: int = 50
    max_chars: int = 200_000
    seconds: float = 20.0
    memory_bytes: int = 768 * 1024 * 1024  # the worker's address space beyond what it inherits


DEFAULT_LIMITS = ReadLimits()


@dataclass(frozen=True)
class ExtractedText:
    text: str
    source: ResumeSource
    #: why the text is not the whole document (page or character cap), or None when it is
    truncated: str | None = None


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self._ends = time.monotonic() + seconds
        self.seconds = seconds

    def check(self) -> None:
        if time.monotonic() > self._ends:
            raise ResumeReadError(f"reading it took longer than {self.seconds:g} seconds")


class _TextBuilder:
    """Collects extracted pieces up to a character cap; past it, further pieces are dropped and a reason kept."""

    def __init__(self, max_chars: int) -> None:
        self._max = max_chars
        self._parts: list[str] = []
        self._size = 0
        self.truncated: str | None = None

    @property
    def full(self) -> bool:
        return self.truncated is not None

    def add(self, piece: str) -> None:
        if self.full:
            return
        room = self._max - self._size
        if len(piece) > room:
            piece = piece[:room]
            self.truncated = f"only the first {self._max:,} characters were read"
        self._parts.append(piece)
        self._size += len(piece) + 1

    def text(self) -> str:
        return "\n".join(self._parts)


# ---------------------------------------------------------------------------------------------------------- PDF
def _pdf_text(content: bytes, limits: ReadLimits, deadline: _Deadline) -> tuple[str, str | None]:
    from pypdf import PdfReader  # imported lazily: only PDF resumes pay for it  # noqa: PLC0415
    from pypdf.errors import FileNotDecryptedError, LimitReachedError  # noqa: PLC0415

    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception as exc:
                raise ResumeReadError("the PDF is encrypted") from exc
        pages = reader.pages
        count = len(pages)
        builder = _TextBuilder(limits.max_chars)
        for number in range(min(count, limits.max_pdf_pages)):
            deadline.check()
            builder.add(pages[number].extract_text() or "")
            if builder.full:
                break
        truncated = builder.truncated
        if truncated is None and count > limits.max_pdf_pages:
            truncated = f"only the first {limits.max_pdf_pages} of {count} pages were read"
        return builder.text(), truncated
    except ResumeReadError:
        raise
    except LimitReachedError as exc:
        raise ResumeReadError("the PDF holds a stream that expands beyond the safety limit") from exc
    except FileNotDecryptedError as exc:
        raise ResumeReadError("the PDF is encrypted") from exc
    except Exception as exc:  # pypdf raises many types on malformed files; all mean the same to a recruiter
        raise _unreadable("PDF", exc) from exc


# ---------------------------------------------------------------------------------------------------------- DOCX
_DTD = b"<!DOCTYPE"


def _check_package(content: bytes, limits: ReadLimits, deadline: _Deadline) -> None:
    """Refuse a zip whose parts are too large, too compressed or declare a DTD, before python-docx reads it.

    Declared sizes are checked first (nothing is inflated for an honest bomb); then every part is inflated as a
    stream, counting what it really produces, so a header that lies about its size is caught as well."""
    try:
        package = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ResumeReadError("the DOCX is not a valid Word file (damaged zip)") from exc
    members = package.infolist()
    if len(members) > limits.max_members:
        raise ResumeReadError(f"the DOCX holds {len(members):,} parts (at most {limits.max_members:,} are read)")
    declared_total = 0
    for member in members:
        declared_total += member.file_size
        _check_size(member, member.file_size, limits)
    if declared_total > limits.max_total_bytes:
        raise ResumeReadError(_too_large("the DOCX", limits.max_total_bytes))
    inflated_total = 0
    for member in members:
        deadline.check()
        inflated = 0
        tail = b""
        is_xml = _is_xml(member)
        try:
            with package.open(member) as stream:
                while chunk := stream.read(64 * 1024):
                    inflated += len(chunk)
                    inflated_total += len(chunk)
                    _check_size(member, inflated, limits)
                    if inflated_total > limits.max_total_bytes:
                        raise ResumeReadError(_too_large("the DOCX", limits.max_total_bytes))
                    if is_xml and _DTD in tail + chunk:
                        raise ResumeReadError("the DOCX declares an XML DTD, which Word files never do")
                    tail = chunk[-(len(_DTD) - 1) :]
        except ResumeReadError:
            raise
        except Exception as exc:  # CRC mismatch, bad compression, unsupported method, encrypted part
            raise ResumeReadError("the DOCX is not a valid Word file (damaged zip)") from exc


def _is_xml(member: zipfile.ZipInfo) -> bool:
    # what python-docx parses; other parts (a photo) are kept as bytes and bounded by the total and the ratio
    return member.filename.lower().endswith((".xml", ".rels"))


def _check_size(member: zipfile.ZipInfo, inflated: int, limits: ReadLimits) -> None:
    name = member.filename[:60]
    if _is_xml(member) and inflated > limits.max_xml_bytes:
        raise ResumeReadError(_too_large(f"the DOCX part {name}", limits.max_xml_bytes))
    if inflated > limits.ratio_floor_bytes and inflated > limits.max_ratio * max(member.compress_size, 1):
        raise ResumeReadError(f"the DOCX part {name} is compressed more than {limits.max_ratio:g} to 1")


def _too_large(what: str, limit: int) -> str:
    return f"{what} expands to more than {limit // (1024 * 1024)} MB"


def _docx_text(content: bytes, limits: ReadLimits, deadline: _Deadline) -> tuple[str, str | None]:
    _check_package(content, limits, deadline)
    import docx  # python-docx  # noqa: PLC0415

    try:
        document = docx.Document(io.BytesIO(content))
        builder = _TextBuilder(limits.max_chars)
        for number, paragraph in enumerate(document.paragraphs):
            if number % 200 == 0:
                deadline.check()
            builder.add(paragraph.text)
            if builder.full:
                return builder.text(), builder.truncated
        for table in document.tables:  # "Skill Details" and similar tables: one line per row
            for row in table.rows:
                deadline.check()
                cells = [cell.text.strip() for cell in row.cells]
                builder.add(" | ".join(dict.fromkeys(c for c in cells if c)))
                if builder.full:
                    return builder.text(), builder.truncated
        return builder.text(), None
    except ResumeReadError:
        raise
    except Exception as exc:  # lxml's XMLSyntaxError (entity loops, nesting too deep), KeyError, ValueError ...
        raise _unreadable("DOCX", exc) from exc


def _unreadable(kind: str, exc: BaseException) -> ResumeReadError:
    # libxml2 reports a failed allocation as a syntax error (ERR_NO_MEMORY in its error log)
    details = f"{exc} {getattr(exc, 'error_log', '')}".lower()
    if isinstance(exc, MemoryError) or "memory" in details:
        return ResumeReadError(f"the {kind} needs more memory to read than is allowed")
    if isinstance(exc, RecursionError) or "excessive depth" in details:
        return ResumeReadError(f"the {kind} is nested too deeply")
    return ResumeReadError(f"unreadable {kind} ({exc.__class__.__name__})")


# ---------------------------------------------------------------------------------------------------------- text
def decode_bytes(content: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    return content.decode("latin-1")


def _plain_text(content: bytes, limits: ReadLimits) -> tuple[str, str | None]:
    if b"\x00" in content[:4096]:
        raise ResumeReadError("binary file of an unsupported type (expected PDF, DOCX or text)")
    # At most 4 bytes a character: decode no more than the cap can keep (a UTF-8 character cut at the end is
    # left to the next chunk by the incremental decoder, so it does not force the cp1252 fallback).
    head = content[: limits.max_chars * 4]
    try:
        text = codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=len(head) == len(content))
    except UnicodeDecodeError:
        text = decode_bytes(head)
    if len(text) > limits.max_chars or len(head) < len(content):
        return text[: limits.max_chars], f"only the first {limits.max_chars:,} characters were read"
    return text, None


def detect_kind(filename: str | None, content_type: str | None, content: bytes) -> ResumeSource:
    name = (filename or "").lower()
    ctype = (content_type or "").lower()
    if content.startswith(b"%PDF") or name.endswith(".pdf") or "pdf" in ctype:
        return "pdf"
    if content.startswith(b"PK") and (
        name.endswith(".docx") or "word" in ctype or "officedocument" in ctype or not name
    ):
        return "docx"
    if name.endswith(".docx"):
        return "docx"
    return "text"


def read_document(
    content: bytes,
    filename: str | None = None,
    content_type: str | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> ExtractedText:
    """The document's text, in this process, under the size, page, character and (cooperative) time limits.
    Raises ResumeReadError, and nothing else, for any document it cannot or will not read."""
    deadline = _Deadline(limits.seconds)
    kind = detect_kind(filename, content_type, content)
    try:
        if kind == "pdf":
            text, truncated = _pdf_text(content, limits, deadline)
        elif kind == "docx":
            text, truncated = _docx_text(content, limits, deadline)
        else:
            text, truncated = _plain_text(content, limits)
    except ResumeReadError:
        raise
    except Exception as exc:  # a reader bug or an exotic failure must still end as one clear error
        raise _unreadable(kind.upper() if kind != "text" else "file", exc) from exc
    if len(text) > limits.max_chars:  # extracted pieces are joined with line breaks: the cap is on the whole
        text, truncated = text[: limits.max_chars], f"only the first {limits.max_chars:,} characters were read"
    return ExtractedText(text, kind, truncated)


def extract_text(
    content: bytes, filename: str | None = None, content_type: str | None = None
) -> tuple[str, ResumeSource]:
    """Text of a resume document and which reader was used; raises ResumeReadError when unreadable."""
    extracted = read_document(content, filename, content_type)
    return extracted.text, extracted.source


# ---------------------------------------------------------------------------------------------------------- worker
def _address_space() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _worker(
    sender: Connection, content: bytes, filename: str | None, content_type: str | None, limits: ReadLimits
) -> None:
    outcome: tuple[Any, ...]
    try:
        # What this worker may add to what it inherited from the fork (the model and libraries stay shared; free
        # heap the parent keeps mapped is reusable on top of this allowance, so it is a bound, not an exact budget).
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        wanted = _address_space() + limits.memory_bytes
        if hard == resource.RLIM_INFINITY or wanted < hard:
            resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    except (OSError, ValueError) as exc:  # no /proc or no rlimit here: the time limit still holds
        logger.warning("document worker runs without a memory limit (%s)", exc)
    try:
        extracted = read_document(content, filename, content_type, limits)
        outcome = ("text", extracted.text, extracted.source, extracted.truncated)
    except ResumeReadError as exc:
        outcome = ("error", exc.reason)
    except MemoryError:
        outcome = ("error", "the document needs more memory to read than is allowed")
    except Exception as exc:
        outcome = ("error", f"unreadable document ({exc.__class__.__name__})")
    try:
        sender.send(outcome)
    except MemoryError:
        sender.send(("error", "the document needs more memory to read than is allowed"))
    finally:
        sender.close()


def read_isolated(
    content: bytes,
    filename: str | None = None,
    content_type: str | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> ExtractedText:
    """`read_document` in a forked worker with a hard time limit and an address-space limit: whatever the
    document does to the reader (a hang inside one page, memory blown by a parser), the caller gets text or a
    ResumeReadError within `limits.seconds` (plus the fork), and its own memory is untouched."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(
        target=_worker, args=(sender, content, filename, content_type, limits), name="skima-document-reader"
    )
    try:
        with warnings.catch_warnings():
            # Python warns about fork in a threaded process (the model's thread pool); the worker runs only the
            # readers (pure Python, lxml, zlib) and never touches the locks those threads hold.
            warnings.simplefilter("ignore", DeprecationWarning)
            worker.start()
    except OSError as exc:  # no process to spare: the in-process limits still hold
        logger.warning("document worker could not start (%s); reading in process", exc)
        receiver.close()
        sender.close()
        return read_document(content, filename, content_type, limits)
    sender.close()  # the worker holds the only write end: its death is an end of file here
    try:
        # A little more than the worker's own cooperative deadline, which reports itself more precisely.
        if not receiver.poll(limits.seconds + 2):
            raise ResumeReadError(f"reading it took longer than {limits.seconds:g} seconds")
        try:
            outcome = receiver.recv()
        except (EOFError, OSError) as exc:
            raise ResumeReadError("the reader stopped on this document (out of memory or crashed)") from exc
    finally:
        receiver.close()
        if worker.is_alive():
            worker.kill()
        worker.join(5)
        worker.close()
    if outcome[0] == "error":
        raise ResumeReadError(str(outcome[1]))
    _, text, source, truncated = outcome
    return ExtractedText(str(text), source, truncated)
