"""The job-level summary through the scorer handler, against the Tracker simulator: one note on the job when an
applicant enters its top-10, written once even when Tracker's answer to the write is lost, none on a redelivery."""

from __future__ import annotations

from typing import Any

from skima.job_summary import SUMMARY_SUBJECT
from tests.integration.scoring.test_scorer_function import PYTHON_RESUME, Stack, application


def job_summaries(stack: Stack, job_id: int) -> list[dict[str, Any]]:
    return [
        a
        for a in stack.sim.state()["activities"]
        if a.get("linkRecordType") == "O"
        and int(a.get("linkRecordId") or 0) == job_id
        and str(a.get("subject") or "").startswith(SUMMARY_SUBJECT)
    ]


def new_job(stack: Stack) -> int:
    """A job of its own (the simulator is shared by the module), with a description the engine can read."""
    description = (
        "We are hiring a Senior Python Backend Engineer.\n"
        "Requirements:\n- 5+ years of Python\n- Django or FastAPI\n- PostgreSQL\n- AWS and Kubernetes\n"
        "- BSc in Computer Science or similar"
    )
    return int(stack.sim.ui_create_opportunity(name="Python Platform Engineer", description=description, state="open"))


def test_an_entrant_gives_one_summary_note_on_the_job_even_when_the_answer_is_lost(stack: Stack) -> None:
    job_id = new_job(stack)
    cook = "Line Cook, Harbour Kitchen (2019 - 2025)\n- Prepared sauces and stocks for 200 covers\n- Ran the grill"
    first = stack.sim.ui_create_resource(firstName="Ola", surname="Berg", resumeText=cook)
    second = stack.sim.ui_create_resource(firstName="Priya", surname="Raman", resumeText=PYTHON_RESUME)
    first_placement = stack.sim.ui_create_application(job_id, first)
    second_placement = stack.sim.ui_create_application(job_id, second)

    assert stack.run(application(first_placement)) == []  # the job's first top-10: remembered, not announced
    assert job_summaries(stack, job_id) == []

    # both writes (the candidate's score note, then the job's summary) land in Tracker but their answers are lost:
    # each is found by its plain subject and the key on its ref line, never written again
    stack.sim.set_fault("lost_response", mode="drop", count=2, path=r"^/api/widget/createActivity$")
    stack.run_until_done(application(second_placement))
    stack.run_until_done(application(second_placement))  # a redelivery after success writes nothing

    (summary,) = job_summaries(stack, job_id)
    assert summary["subject"] == "SKIMA top-10 changed - Python Platform Engineer"  # words only: no key
    lines = str(summary["note"]).splitlines()
    assert lines[0] == "SKIMA top-10 changed: 1 entered, 0 left."
    assert lines[1] == "Entered:"
    assert lines[2].startswith(f"- Priya Raman ({second}) #1: ") and "/100 (" in lines[2]
    assert lines[-1].startswith(f"ref: job {job_id} | sktop{job_id}-")
    assert stack.sim.stats()["faults_fired"].get("lost_response") == 2
    assert len(stack.notes_for(second)) == 1  # the candidate's own score note, once
