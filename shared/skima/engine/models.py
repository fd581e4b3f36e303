"""The engine's data: resume input, prepared job, candidate profile, match result and receipt (decision 0001).

Profiles and prepared jobs carry their embeddings as float16 bytes so they can be cached (DynamoDB items,
400 KB limit: a profile is typically 15-40 KB serialised) and reused against any job without re-embedding.

A leaf: it imports no other engine module (the import contract in pyproject.toml checks it). What is derived from
the data by the engine's rules (weights, term indexes, quotes as written) is worked out where those rules live.
"""

from __future__ import annotations

import zlib
from typing import Any, Literal, Self

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

#: where a resume's text came from: a document of that kind, pasted text or the record's own fields
ResumeSource = Literal["pdf", "docx", "text", "record_fields"]
RequirementKind = Literal["role", "skill", "experience", "education", "certification", "responsibility"]
Verdict = Literal["met", "partial", "missing"]
MatchStatus = Literal["scored", "insufficient_evidence"]
SpanKind = Literal["headline", "title", "summary", "bullet", "skills", "education", "certification", "other"]


def vectors_to_bytes(vectors: npt.NDArray[np.float32]) -> bytes:
    return np.asarray(vectors, dtype=np.float16).tobytes()


def vectors_from_bytes(blob: bytes, dims: int) -> npt.NDArray[np.float32]:
    if not blob:
        return np.zeros((0, dims), dtype=np.float32)
    return np.frombuffer(blob, dtype=np.float16).reshape(-1, dims).astype(np.float32)


def _first_row(memo: dict[str, Any], key: str, blob: bytes, dims: int) -> npt.NDArray[np.float32]:
    """The first row of a float16 blob as float32, decoded once per object (zeros when the blob is empty)."""
    row = memo.get(key)
    if row is None:
        rows = vectors_from_bytes(blob, dims)
        row = memo[key] = rows[0] if len(rows) else np.zeros(dims, dtype=np.float32)
    return row


class _Serialisable(BaseModel):
    model_config = ConfigDict(ser_json_bytes="base64", val_json_bytes="base64")

    def to_bytes(self) -> bytes:
        """Compact form for a cache (zlib-compressed JSON)."""
        return zlib.compress(self.model_dump_json().encode("utf-8"), 6)

    @classmethod
    def from_bytes(cls, blob: bytes) -> Self:
        return cls.model_validate_json(zlib.decompress(blob))


class ResumeInput(BaseModel):
    """A resume as the pipeline has it: a document's bytes (PDF/DOCX/TXT) or plain text (record fields)."""

    content: bytes | None = None
    filename: str | None = None
    content_type: str | None = None
    text: str | None = None
    #: what the text is when given as text: a document's text or the record's own fields
    text_source: ResumeSource = "text"

    @classmethod
    def from_text(cls, text: str, source: ResumeSource = "text") -> ResumeInput:
        return cls(text=text, text_source=source)

    @classmethod
    def from_document(cls, content: bytes, filename: str | None = None, content_type: str | None = None) -> ResumeInput:
        return cls(content=content, filename=filename, content_type=content_type)


class Requirement(BaseModel):
    id: str
    kind: RequirementKind
    label: str  # how reasons and gaps name it ("Kubernetes", "5+ years Python")
    query: str  # the text embedded for similarity
    terms: list[str] = Field(default_factory=list)  # exact/near-exact alternatives (term keys)
    min_years: float | None = None
    education_level: int | None = None
    required: bool = True
    weight: float = 1.0
    joint_label: str | None = None  # the 'X and Y' phrase this requirement was split from, if any
    #: how sure the job reading is of this requirement (the role's: was the title read from a field or a title-like
    #: line, 1, or guessed from prose, lower); a low one should lower the requirement's weight, never zero a score
    confidence: float = 1.0
    #: a licence or professional registration ('current NMC registration', 'Class A CDL'): held or not, so when
    #: required and missing it is a must-have gap (named first, and the score kept out of the strong band)
    licence: bool = False


class PreparedJob(_Serialisable):
    job_id: str
    text_sha256: str
    title: str
    requirements: list[Requirement]
    model_id: str
    engine_version: str
    vectors: bytes = b""  # one float16 row per requirement
    query_vector: bytes = b""  # for rediscovery: compare with CandidateProfile.doc_vector
    dims: int = 384
    #: the job's occupations (taxonomy ids, weights summing to 1) and how sure that reading is (0..1)
    occupations: dict[str, float] = Field(default_factory=dict)
    occupation_confidence: float = 0.0
    #: whole-document signals (see signals.py): the job embedded whole, and its lexical term weights
    doc_vector: bytes = b""
    lexical: dict[str, float] = Field(default_factory=dict)
    #: how sure the title reading is (the role requirement's confidence; 1 when read from a field or title line)
    title_confidence: float = 1.0
    _matrix: npt.NDArray[np.float32] | None = PrivateAttr(default=None)
    _query: npt.NDArray[np.float32] | None = PrivateAttr(default=None)
    _memo: dict[str, Any] = PrivateAttr(default_factory=dict)

    def memo(self) -> dict[str, Any]:
        """Per-object cache for derived values the matcher reuses across pairs (never serialised)."""
        return self._memo

    def requirement_vectors(self) -> npt.NDArray[np.float32]:
        if self._matrix is None:
            self._matrix = vectors_from_bytes(self.vectors, self.dims)
        return self._matrix

    def query_array(self) -> npt.NDArray[np.float32]:
        if self._query is None:
            rows = vectors_from_bytes(self.query_vector, self.dims)
            self._query = rows[0] if len(rows) else np.zeros(self.dims, dtype=np.float32)
        return self._query

    def doc_array(self) -> npt.NDArray[np.float32]:
        """The job embedded whole (zeros when absent)."""
        return _first_row(self._memo, "doc", self.doc_vector, self.dims)


class Span(BaseModel):
    text: str
    kind: SpanKind
    line: int


class Role(BaseModel):
    title: str
    start: float
    end: float
    years: float
    line: int
    last_line: int  # the role's block: its bullets run to here


class CandidateProfile(_Serialisable):
    candidate_id: str
    source: ResumeSource
    text_sha256: str
    as_of: float  # the year "present" meant when the profile was built
    word_count: int
    lines: list[str]  # masked, cleaned resume lines (evidence is found in these; quoted as written: originals)
    spans: list[Span]  # the embedded spans (one vector each)
    roles: list[Role] = Field(default_factory=list)
    total_years: float = 0.0
    skill_years: dict[str, float] = Field(default_factory=dict)  # term key -> years stated
    education_level: int = -1
    model_id: str
    engine_version: str
    profile_sha256: str = ""
    read_error: str | None = None  # why the document could not be read, when it could not
    truncated: str | None = None  # why the text is only the document's start (a page or character cap), if it is
    vectors: bytes = b""
    doc_vector: bytes = b""  # whole-document vector for first-stage rediscovery search
    dims: int = 384
    #: evidence per occupation (taxonomy id -> score), from titles, designations and distinctive terms
    occupations: dict[str, float] = Field(default_factory=dict)
    #: whole-document signals (see signals.py): the resume's start embedded whole, and its lexical term weights
    head_vector: bytes = b""
    lexical: dict[str, float] = Field(default_factory=dict)
    _matrix: npt.NDArray[np.float32] | None = PrivateAttr(default=None)
    _doc: npt.NDArray[np.float32] | None = PrivateAttr(default=None)
    _title_spans: list[int] | None = PrivateAttr(default=None)
    _memo: dict[str, Any] = PrivateAttr(default_factory=dict)

    def memo(self) -> dict[str, Any]:
        """Per-object cache for derived values the matcher reuses across pairs (never serialised)."""
        return self._memo

    def title_span_indices(self) -> list[int]:
        """Spans that are the resume's headline or a role title."""
        if self._title_spans is None:
            self._title_spans = [i for i, s in enumerate(self.spans) if s.kind in ("headline", "title")]
        return self._title_spans

    def span_vectors(self) -> npt.NDArray[np.float32]:
        if self._matrix is None:
            self._matrix = vectors_from_bytes(self.vectors, self.dims)
        return self._matrix

    def doc_array(self) -> npt.NDArray[np.float32]:
        if self._doc is None:
            rows = vectors_from_bytes(self.doc_vector, self.dims)
            self._doc = rows[0] if len(rows) else np.zeros(self.dims, dtype=np.float32)
        return self._doc

    def head_array(self) -> npt.NDArray[np.float32]:
        """The resume's first words embedded whole (zeros when absent)."""
        return _first_row(self._memo, "head", self.head_vector, self.dims)

    # the original text of the lines masking changed (line -> text), for display only: never matched or embedded
    # (matching quotes a line as the resume wrote it from this: masking.restore_quote)
    originals: dict[int, str] = Field(default_factory=dict)


class RequirementResult(BaseModel):
    id: str
    kind: RequirementKind
    label: str
    required: bool
    weight: float
    verdict: Verdict
    satisfaction: float  # 0..1, what the score uses
    similarity: float  # best embedding similarity to a resume span
    evidence: str | None = None  # quoted resume span
    evidence_line: int | None = None
    exact: bool = False  # the term itself (or a known alias) appears in the resume
    years_found: float | None = None
    licence: bool = False  # a licence or registration the job names (see Requirement.licence)


class SeniorityReading(BaseModel):
    """How the post's level and the candidate's recent titles compare (see seniority.py); levels are named."""

    job_level: str
    resume_level: str | None = None  # None when no current role's title could be read
    resume_title: str | None = None  # the role that shows the resume's level
    gap: int = 0  # levels the resume sits over (+) or under (-) the post, when the gap is clear; else 0
    adjustment: float = 0.0  # added to the blended value
    note: str | None = None  # the line that names the gap in the explanation


class Receipt(BaseModel):
    engine_version: str
    model_id: str
    model_sha256: str
    job_text_sha256: str
    profile_sha256: str
    resume_source: ResumeSource
    as_of: float
    weights: dict[str, float]
    #: blended value -> score knots (see signals.py), keyed by the value
    calibration: dict[str, float]
    raw_score: float  # the requirement evidence alone, 0..1
    #: the whole-document signals of this pair and their weights in the blend (see signals.py)
    signals: dict[str, float] = Field(default_factory=dict)
    blend_weights: dict[str, float] = Field(default_factory=dict)
    blended: float | None = None
    #: occupations the taxonomy recognised (names), when it recognised any
    job_occupation: str | None = None
    resume_occupation: str | None = None
    #: required licences or registrations the resume does not show, and what their absence took off the blended
    #: value (score = calibrate(blended); blended + must_have_penalty is the value before it)
    must_have_missing: list[str] = Field(default_factory=list)
    must_have_penalty: float = 0.0
    #: the post's level against the candidate's recent titles, when the post's title could be read
    seniority: SeniorityReading | None = None


class MatchResult(BaseModel):
    job_id: str
    candidate_id: str
    score: int | None  # 0-100; None when status is insufficient_evidence
    status: MatchStatus
    reasons: list[str]
    gaps: list[str]
    requirements: list[RequirementResult]
    receipt: Receipt
