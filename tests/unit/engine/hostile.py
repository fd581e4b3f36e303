"""Hostile documents, built on the fly (no binary blobs in the repository): zip bombs, XML bombs, deep nesting, a
Flate bomb, a PDF of thousands of pages, a page that takes minutes to read, huge texts."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable

W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    b'officeDocument" Target="word/document.xml"/></Relationships>'
)


def paragraphs(*texts: str) -> bytes:
    body = b"".join(b"<w:p><w:r><w:t>" + t.encode() + b"</w:t></w:r></w:p>" for t in texts)
    return b"<w:document " + W + b"><w:body>" + body + b"</w:body></w:document>"


def docx(document_xml: bytes | Iterable[bytes]) -> bytes:
    """A minimal Word package whose word/document.xml is `document_xml` (bytes, or chunks written as a stream so
    that hundreds of MB never sit in memory at once)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", RELS)
        if isinstance(document_xml, bytes):
            package.writestr("word/document.xml", document_xml)
        else:
            with package.open("word/document.xml", "w", force_zip64=True) as member:
                for chunk in document_xml:
                    member.write(chunk)
    return buffer.getvalue()


def xml_stream(megabytes: int) -> Iterable[bytes]:
    """A valid document.xml of about `megabytes` MB: one paragraph repeated (compresses about 1000 to 1)."""
    yield b"<w:document " + W + b"><w:body>"
    paragraph = b"<w:p><w:r><w:t>Senior engineer</w:t></w:r></w:p>"
    block = paragraph * ((1 << 20) // len(paragraph))
    for _ in range(megabytes):
        yield block
    yield b"</w:body></w:document>"


def zip_bomb(megabytes: int = 400) -> bytes:
    """About 400 KB of DOCX whose document.xml inflates to `megabytes` MB (declared honestly in the zip)."""
    return docx(xml_stream(megabytes))


def lying_zip_bomb(megabytes: int = 200) -> bytes:
    """A zip bomb whose central directory declares its big part as 4 KB: only inflating it reveals the truth."""
    content = bytearray(zip_bomb(megabytes))
    name = b"word/document.xml"
    at = content.rfind(b"PK\x01\x02")
    while at >= 0:
        name_length = struct.unpack_from("<H", content, at + 28)[0]
        if bytes(content[at + 46 : at + 46 + name_length]) == name:
            assert struct.unpack_from("<I", content, at + 24)[0] != 0xFFFFFFFF  # sizes in the main record
            struct.pack_into("<I", content, at + 24, 4096)
            return bytes(content)
        at = content.rfind(b"PK\x01\x02", 0, at)
    raise AssertionError("no document.xml in the central directory")


def wide_docx(megabytes: int) -> bytes:
    """A DOCX of `megabytes` MB of short, varied paragraphs (compresses like real text, about 5 to 1): the most
    a parser must build in memory for a file of that size."""
    words = [b"python", b"java", b"kafka", b"led", b"team", b"sql", b"built", b"apis", b"cloud", b"data"]
    chunks = [b"<w:document " + W + b"><w:body>"]
    size = 0
    number = 0
    while size < megabytes << 20:
        text = b" ".join(words[(number * 7 + k * 3) % len(words)] for k in range(number % 5 + 1))
        chunk = b"<w:p><w:r><w:t>%d %s</w:t></w:r></w:p>" % (number, text)
        chunks.append(chunk)
        size += len(chunk)
        number += 1
    chunks.append(b"</w:body></w:document>")
    return docx(b"".join(chunks))


def billion_laughs() -> bytes:
    entities = b'<!ENTITY lol0 "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10) for i in range(1, 10)
    )
    return docx(
        b'<?xml version="1.0"?><!DOCTYPE w:document [' + entities + b"]>"
        b"<w:document " + W + b"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )


def external_entity() -> bytes:
    return docx(
        b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<w:document " + W + b"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    )


def deep_nesting(depth: int = 5_000) -> bytes:
    return docx(b"<w:document " + W + b"><w:body>" + b"<w:p>" * depth + b"</w:p>" * depth + b"</w:body></w:document>")


# ------------------------------------------------------------------------------------------------------ PDF
def pdf(page_contents: Iterable[bytes], *, flate: bool = False) -> bytes:
    """A minimal valid PDF (Helvetica on every page), one page per content stream."""
    contents = list(page_contents)
    count = len(contents)
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(count))
        + b"] /Count %d >>" % count,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for index, stream in enumerate(contents):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % (5 + 2 * index)
        )
        data = zlib.compress(stream) if flate and not stream.startswith(b"\x78") else stream
        filter_ = b" /Filter /FlateDecode" if flate else b""
        objects.append(b"<< /Length %d%s >>\nstream\n" % (len(data), filter_) + data + b"\nendstream")
    return _assemble(objects)


def _assemble(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def text_page(text: str) -> bytes:
    return b"BT /F1 12 Tf 72 720 Td (" + text.encode() + b") Tj ET"


def flate_bomb_pdf(megabytes: int = 300) -> bytes:
    """One page whose content stream is `megabytes` MB of zeros compressed with /FlateDecode (about 300 KB)."""
    compressor = zlib.compressobj(9)
    zeros = b"\x00" * (1 << 20)
    data = b"".join(compressor.compress(zeros) for _ in range(megabytes)) + compressor.flush()
    return pdf([data], flate=True)


def many_pages_pdf(pages: int = 3000) -> bytes:
    return pdf([text_page(f"Page {number} Python developer") for number in range(1, pages + 1)])


def slow_page_pdf(operators: int = 400_000) -> bytes:
    """One page of `operators` text-showing operators: minutes of pypdf work on a single page, a few MB."""
    return pdf([b"BT /F1 12 Tf " + b"(a) Tj 1 0 Td " * operators + b"ET"], flate=True)
