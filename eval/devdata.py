"""Split the shared real-data sets (`../shared/dev-data`) into tuning and held-out halves by job occupation.

    .venv/bin/python -m eval.devdata [--dev-data ../shared/dev-data] [--out /tmp/skima-devsets]

The dev sets are real resumes and real postings that nobody here wrote; their licences are unverified, so they are
read from where they lie and the halves are written outside the repo (never commit them). Each set's jobs are split
by the occupation in its `meta/jobs_meta.tsv` (used only to split, never fed to the engine): engine changes are
tuned on `<set>-tune` and checked on `<set>-heldout`, and no change lands that lowers a held-out half.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

DEFAULT_DEV_DATA = Path(__file__).resolve().parents[2] / "shared" / "dev-data"
DEFAULT_OUT = Path("/tmp/skima-devsets")
SETS = ("livecareer_x_linkedin_us", "livecareer_x_adzuna_uk")
# The tuning half; every other occupation is held out. Chosen once (2026-12-05) so that each half holds some of
# the occupations TF-IDF finds hardest (HEALTHCARE and FINANCE here, SALES and HR held out) and both halves have
# jobs in each set.
TUNING_OCCUPATIONS = frozenset(
    {
        "ACCOUNTANT",
        "APPAREL",
        "BUSINESS-DEVELOPMENT",
        "CHEF",
        "DESIGNER",
        "ENGINEERING",
        "FINANCE",
        "FITNESS",
        "HEALTHCARE",
    }
)
SHORT_NAMES = {"livecareer_x_linkedin_us": "dev-linkedin", "livecareer_x_adzuna_uk": "dev-adzuna"}


def _rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _write(
    folder: Path, jobs: list[dict[str, object]], qrels: list[dict[str, object]], cands: list[dict[str, object]]
) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    used = {q["candidate_id"] for q in qrels}
    for name, rows in (("jobs", jobs), ("qrels", qrels), ("candidates", [c for c in cands if c["id"] in used])):
        (folder / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def split(dev_data: Path, out: Path) -> list[Path]:
    """Write `<short>`, `<short>-tune` and `<short>-heldout` for each set; return their folders."""
    written: list[Path] = []
    for set_name in SETS:
        source = dev_data / set_name
        with (source / "meta" / "jobs_meta.tsv").open(encoding="utf-8") as handle:
            occupation = {row["job_id"]: row["category"] for row in csv.DictReader(handle, delimiter="\t")}
        jobs, cands, qrels = (_rows(source / f"{n}.jsonl") for n in ("jobs", "candidates", "qrels"))
        short = SHORT_NAMES[set_name]
        for suffix, keep in (
            ("", lambda _o: True),
            ("-tune", TUNING_OCCUPATIONS.__contains__),
            ("-heldout", lambda o: o not in TUNING_OCCUPATIONS),
        ):
            kept = [j for j in jobs if keep(occupation[str(j["id"])])]
            ids = {j["id"] for j in kept}
            folder = out / f"{short}{suffix}"
            _write(folder, kept, [q for q in qrels if q["job_id"] in ids], cands)
            written.append(folder)
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev-data", type=Path, default=DEFAULT_DEV_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    for folder in split(args.dev_data, args.out):
        print(folder)


if __name__ == "__main__":
    main()
