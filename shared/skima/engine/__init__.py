"""The explainable match engine (decision 0001): requirements, evidence, a calibrated score and its reasons."""

from skima.engine.engine import Engine
from skima.engine.matching import ENGINE_VERSION
from skima.engine.models import CandidateProfile, MatchResult, PreparedJob, Requirement, RequirementResult, ResumeInput
from skima.engine.ports import Embedder
from skima.engine.requirements import JobTextError

__all__ = [
    "ENGINE_VERSION",
    "CandidateProfile",
    "Embedder",
    "Engine",
    "JobTextError",
    "MatchResult",
    "PreparedJob",
    "Requirement",
    "RequirementResult",
    "ResumeInput",
]
