"""The match engine: prepare a job once, build a candidate profile once, match any pair fast (decision 0001)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, date, datetime

import numpy as np
import numpy.typing as npt

from skima.engine.dates import as_year
from skima.engine.documents import (
    DEFAULT_LIMITS,
    ExtractedText,
    ReadLimits,
    ResumeReadError,
    read_document,
    read_isolated,
)
from skima.engine.masking import mask_protected, original_lines
from skima.engine.matching import ENGINE_VERSION, effective_weights, match
from skima.engine.models import (
    CandidateProfile,
    MatchResult,
    PreparedJob,
    ResumeInput,
    ResumeSource,
    vectors_to_bytes,
)
from skima.engine.occupations import job_occupations, resume_occupations
from skima.engine.ports import Embedder
from skima.engine.requirements import extract_requirements
from skima.engine.resume import parse_resume
from skima.engine.signals import head_text, lexical_vector
from skima.engine.text import clean_text

# Real postings run to a few thousand characters (8.5 K at most in the dev sets); reading a job is linear but not
# cheap (~2 s per 100 K), so a pasted manual or a hostile 200 KB posting is read to this length only.
MAX_JOB_CHARS = 30_000


def cap_job_text(text: str) -> str:
    """The job text up to `MAX_JOB_CHARS`, cut at the last whitespace before the cap so no word is split."""
    if len(text) <= MAX_JOB_CHARS:
        return text
    head = text[:MAX_JOB_CHARS]
    cut = max(head.rfind(" "), head.rfind("\n"))
    return head[:cut] if cut > MAX_JOB_CHARS // 2 else head


def _sha256(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


def _normalised(vectors: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    # float16 first, so a profile used fresh and one read back from a cache give identical scores
    rounded = np.asarray(vectors, dtype=np.float16).astype(np.float32)
    return rounded


# Boilerplate every resume or posting may carry, whatever the occupation: statements like these say nothing about
# what the person does, so spans close to them count little in the resume's centroid (its occupation vector).
BOILERPLATE = (
    "I am a hard working and dedicated person who likes to learn",
    "to work in a challenging environment and grow with the organisation",
    "strengths: quick learner, team player, honest, punctual",
    "I hereby declare that the information is true to my knowledge",
    "languages known: English, Hindi",
    "good communication skills and team work",
    "MS Office, internet, typing",
    "responsible for supporting the team and the clients",
    "preparing reports and presentations for the management",
    "communication skills",
    "teamwork and collaboration",
    "problem solving",
    "attention to detail",
    "time management and meeting deadlines",
    "Microsoft Office, Excel and Word",
    "leadership and mentoring",
    "a positive attitude and willingness to learn",
    "working independently with ownership",
    "writing reports and documentation",
    "working with stakeholders and clients",
    "a relevant degree",
)
BOILERPLATE_RAMP = (0.35, 0.6)  # similarity to the nearest boilerplate statement: full weight below, none above


def _mean_vector(vectors: npt.NDArray[np.float32], weights: Sequence[float] | None = None) -> bytes:
    if len(vectors) == 0:
        return b""
    if weights is not None and not float(np.sum(weights)) > 0:
        weights = None  # all boilerplate: the plain mean is still better than nothing
    mean = np.average(vectors, axis=0, weights=weights)
    norm = float(np.linalg.norm(mean))
    return vectors_to_bytes((mean / norm if norm else mean)[None, :].astype(np.float32))


class Engine:
    """Deterministic for the same inputs and model. Never imports onnxruntime: give it an Embedder."""

    def __init__(
        self,
        embedder: Embedder,
        *,
        as_of: date | None = None,
        read_limits: ReadLimits = DEFAULT_LIMITS,
        isolate_documents: bool = True,
    ) -> None:
        self.embedder = embedder
        self._as_of = as_of
        self._read_limits = read_limits
        # documents are read in a worker process with hard time and memory limits (see skima.engine.documents)
        self._read = read_isolated if isolate_documents else read_document
        self._boilerplate: npt.NDArray[np.float32] | None = None

    def _content_weights(self, rows: npt.NDArray[np.float32]) -> list[float]:
        """Per span: 1 for content, down to 0 for boilerplate (see BOILERPLATE)."""
        if self._boilerplate is None:  # a call of its own, so the anchors never depend on their batch-mates
            self._boilerplate = _normalised(self.embedder.embed(list(BOILERPLATE)))
        if len(rows) == 0:
            return []
        nearest = (rows @ self._boilerplate.T).max(axis=1)
        low, high = BOILERPLATE_RAMP
        return [float(w) for w in 1.0 - np.clip((nearest - low) / (high - low), 0.0, 1.0)]

    def _as_of_year(self, as_of: date | None) -> float:
        day = as_of or self._as_of or datetime.now(UTC).date()
        return round(as_year(day), 4)

    def prepare_job(self, job_id: str, text: str) -> PreparedJob:
        """Requirements and their embeddings; raises JobTextError when the text has nothing to match.

        Only the first `MAX_JOB_CHARS` characters are read (the cache key stays the whole text's hash)."""
        whole_text_sha256 = _sha256(text)
        text = cap_job_text(text)
        title, requirements = extract_requirements(text)
        # the requirements and the whole job in one call; the job alone is for the whole-document signals
        embedded = _normalised(self.embedder.embed([r.query for r in requirements] + [clean_text(text)]))
        vectors, doc = embedded[:-1], embedded[-1:]
        weights = effective_weights(requirements)
        role_query = next((r.query for r in requirements if r.kind == "role"), title)
        occupations, occupation_confidence = job_occupations(role_query, text)
        return PreparedJob(
            job_id=job_id,
            text_sha256=whole_text_sha256,
            title=title,
            requirements=requirements,
            model_id=self.embedder.model_id,
            engine_version=ENGINE_VERSION,
            vectors=vectors_to_bytes(vectors),
            query_vector=_mean_vector(vectors, [weights[r.id] for r in requirements]),
            dims=vectors.shape[1],
            occupations=occupations,
            occupation_confidence=occupation_confidence,
            doc_vector=vectors_to_bytes(doc),
            lexical=lexical_vector(clean_text(text)),
            title_confidence=next((r.confidence for r in requirements if r.kind == "role"), 1.0),
        )

    def _resume_text(self, resume: ResumeInput | str) -> tuple[ExtractedText, str | None]:
        """The resume's text (capped like a document's), and why its document could not be read, if it could not."""
        if isinstance(resume, ResumeInput) and resume.content is not None:
            try:
                return self._read(resume.content, resume.filename, resume.content_type, self._read_limits), None
            except ResumeReadError as exc:
                source: ResumeSource = "pdf" if (resume.filename or "").lower().endswith(".pdf") else "text"
                return ExtractedText("", source), exc.reason
        text, source = (resume, "text") if isinstance(resume, str) else (resume.text or "", resume.text_source)
        cap = self._read_limits.max_chars
        if len(text) > cap:  # record fields and pasted text are bounded as documents are
            return ExtractedText(text[:cap], source, f"only the first {cap:,} characters were read"), None
        return ExtractedText(text, source), None

    def build_profile(
        self, candidate_id: str, resume: ResumeInput | str, *, as_of: date | None = None
    ) -> CandidateProfile:
        """Parse, mask and embed a resume once; the profile is reusable against any job."""
        return self.build_profiles([(candidate_id, resume)], as_of=as_of)[0]

    def build_profiles(
        self, items: Sequence[tuple[str, ResumeInput | str]], *, as_of: date | None = None
    ) -> list[CandidateProfile]:
        """Several profiles with one batched embedding call (faster than one by one)."""
        as_of_year = self._as_of_year(as_of)
        drafts: list[CandidateProfile] = []
        texts: list[str] = []
        heads: list[str] = []
        for candidate_id, resume in items:
            extracted, read_error = self._resume_text(resume)
            raw, source = extracted.text, extracted.source
            cleaned = clean_text(raw)
            masked = mask_protected(cleaned)
            parsed = parse_resume(masked, as_of_year)
            draft = CandidateProfile(
                candidate_id=candidate_id,
                source=source,
                text_sha256=_sha256(raw),
                as_of=as_of_year,
                word_count=len(masked.split()),
                lines=parsed.lines,
                spans=parsed.spans,
                roles=parsed.roles,
                total_years=parsed.total_years,
                skill_years=parsed.skill_years,
                education_level=parsed.education_level,
                model_id=self.embedder.model_id,
                engine_version=ENGINE_VERSION,
                read_error=read_error,
                truncated=extracted.truncated,
                occupations=resume_occupations(
                    parsed.headline,
                    parsed.titles,
                    [line for line, section in zip(parsed.lines, parsed.sections, strict=True) if section != "other"],
                ),
                originals=original_lines(parsed.lines, cleaned),
                lexical=lexical_vector(masked),
            )
            drafts.append(draft)
            texts.extend(span.text for span in parsed.spans)
            heads.append(head_text(masked))
        # the spans of every resume, then each resume's start (one row each): one batched call
        vectors = _normalised(self.embedder.embed(texts + heads)) if texts else np.zeros((0, 384), np.float32)
        head_rows = vectors[len(texts) :]
        offset = 0
        for number, draft in enumerate(drafts):
            rows = vectors[offset : offset + len(draft.spans)]
            offset += len(draft.spans)
            if len(head_rows) > number and draft.spans:
                draft.head_vector = vectors_to_bytes(head_rows[number : number + 1])
            draft.vectors = vectors_to_bytes(rows)
            draft.doc_vector = _mean_vector(rows, self._content_weights(rows))
            draft.dims = int(vectors.shape[1]) if vectors.ndim == 2 and vectors.shape[1] else 384
            draft.profile_sha256 = _sha256(
                "\n".join([ENGINE_VERSION, draft.model_id, draft.text_sha256, str(draft.as_of)]).encode()
                + draft.vectors
                + draft.head_vector
            )
        return drafts

    def match(self, job: PreparedJob, profile: CandidateProfile) -> MatchResult:
        """Pure and fast: no embedding happens here."""
        return match(job, profile, self.embedder.model_sha256)

    def score_text(
        self, job_text: str, resume_text: str, *, job_id: str = "job", candidate_id: str = "candidate"
    ) -> MatchResult:
        return self.match(self.prepare_job(job_id, job_text), self.build_profile(candidate_id, resume_text))
