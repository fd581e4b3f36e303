"""Seed data: deterministic, varied, and shaped for matching (every job has good and weak candidates)."""

from __future__ import annotations

from collections import Counter

from local.trackerrms_sim.testing import running_simulator

from .conftest import START, Api


def _snapshot(seed: int) -> tuple[list, list, list, bytes]:
    with running_simulator(shapes="guessed", seed=seed, candidates=60, start_time=START) as sim:
        client = Api(sim)
        resources = [client.get(f"/api/v1/Resource/{rid}").json() for rid in (1001, 1017, 1042, 1060)]
        jobs = client.post("/api/v1/Opportunity/Search", {"pageNumber": 1}).json()
        placements = sim.state()["placements"]
        doc = (
            next(d for d in client.get("/api/v1/Resource/1001/Documents").json())
            if client.get("/api/v1/Resource/1001/Documents").json()
            else None
        )
        data = client.get(f"/api/v1/Resource/1001/Documents/{doc['documentId']}/Download").content if doc else b""
        client.close()
    return resources, jobs, placements, data


def test_same_seed_same_data_different_seed_different_data():
    a, b, c = _snapshot(7), _snapshot(7), _snapshot(8)
    assert a == b  # including the document bytes (embedded PDF/DOCX dates are pinned)
    assert a[0] != c[0]


def test_jobs_cover_many_fields_with_real_descriptions(sim, api):
    jobs = [
        api.get(f"/api/v1/Opportunity/{o['opportunityId']}").json()
        for o in sim.state()["opportunities"]
        if o["opportunityId"] < 2100
    ]
    assert len(jobs) >= 8
    fields = {o["field"] for o in sim.state()["opportunities"]}
    assert {"software", "sales", "nursing", "finance", "logistics", "data", "hr", "marketing"} <= fields
    for job in jobs:
        description = job["description"]
        assert description.count("\n\n") >= 3, job["name"]  # multi-paragraph
        assert "year" in description.lower()
        assert any(word in description.lower() for word in ("nice to have", "desirable", "preferred", "bonus"))


def test_each_job_field_has_strong_and_weak_candidates(sim):
    state = sim.state()
    by_field = Counter((r["field"], r["quality"]) for r in state["resources"])
    for job in state["opportunities"]:
        if job["field"] in ("ui", "api"):
            continue
        assert by_field[(job["field"], "strong")] >= 2, job
        assert by_field[(job["field"], "weak")] >= 2, job
    assert by_field[("other", "unrelated")] >= 10


def test_pipelines_overlap_and_many_candidates_are_in_none(sim):
    state = sim.state()
    per_candidate = Counter(p["resourceId"] for p in state["placements"])
    assert any(n >= 2 for n in per_candidate.values())
    in_none = [r for r in state["resources"] if r["resourceId"] not in per_candidate]
    assert len(in_none) > len(state["resources"]) / 2
    per_job = Counter(p["opportunityId"] for p in state["placements"])
    assert all(per_job[o["opportunityId"]] >= 5 for o in state["opportunities"] if o["opportunityId"] < 2011)


def test_document_mix(sim):
    store = sim.server.sim.store
    formats = Counter(
        d["filename"].rsplit(".", 1)[1] for d in store.documents.values() if d["documentType"] == "resume"
    )
    assert formats["pdf"] >= 50 and formats["docx"] >= 50 and formats["txt"] >= 10
    no_doc = sum(1 for r in sim.state()["resources"] if r["documents"] == 0)
    assert no_doc >= 10
    styles = [store.resumes[rid].style for rid in store.resumes]
    assert sum(s.caps_headers for s in styles) >= 10
    assert len({s.date_style for s in styles}) == 7


def test_resumes_vary_in_dates_and_headings(sim, api):
    texts = []
    store = sim.server.sim.store
    for doc in list(store.documents.values())[:60]:
        if doc["filename"].endswith(".txt") and doc["documentType"] == "resume":
            texts.append(
                api.get(f"/api/v1/Resource/{doc['resourceId']}/Documents/{doc['documentId']}/Download").content.decode()
            )
    joined = "\n".join(texts)
    assert texts
    assert any(marker in joined for marker in ("Present", "Current", "now"))


def test_every_format_is_byte_identical_across_runs():
    def grab() -> dict[str, bytes]:
        out: dict[str, bytes] = {}
        with running_simulator(shapes="guessed", seed=3, candidates=30, start_time=START) as sim:
            client = Api(sim)
            for rid in range(1001, 1031):
                for doc in client.get(f"/api/v1/Resource/{rid}/Documents").json():
                    ext = doc["filename"].rsplit(".", 1)[1]
                    if ext not in out:
                        url = f"/api/v1/Resource/{rid}/Documents/{doc['documentId']}/Download"
                        out[ext] = client.get(url).content
            client.close()
        return out

    first, second = grab(), grab()
    assert set(first) == {"pdf", "docx", "txt"}
    assert first == second
