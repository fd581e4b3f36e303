"""`make dev`'s console: whole lines, one progress line (live on a terminal, a plain line on a pipe), and the
figures in it (pairs scored of the open pipelines, queue depths, Tracker calls in the last minute)."""

from __future__ import annotations

import io

from local.dev import CallRate, Console, pipeline_pairs, progress_line
from local.lambda_runtime.stack import QueueDepth


def test_a_terminal_gets_one_live_progress_line_and_whole_lines_after_it() -> None:
    screen = io.StringIO()
    console = Console(screen, live=True)
    console.say("Ready.")
    console.progress("Progress: scored 1/9")
    console.progress("Progress: scored 2/9")
    console.say("Shortlist for JOB-2001 Welder: http://x/s/t")
    assert screen.getvalue() == (
        "Ready.\n"
        "\r\033[KProgress: scored 1/9"
        "\r\033[KProgress: scored 2/9"
        "\nShortlist for JOB-2001 Welder: http://x/s/t\n"
    )


def test_a_pipe_gets_plain_lines() -> None:
    piped = io.StringIO()
    console = Console(piped, live=False)
    console.progress("Progress: scored 1/9")
    console.say("Stopped.")
    assert piped.getvalue() == "Progress: scored 1/9\nStopped.\n"


def test_calls_are_counted_over_the_last_minute_not_extrapolated() -> None:
    rate = CallRate()
    assert rate.add(0.0, 0) == 0
    assert rate.add(10.0, 85) == 85  # the start-of-minute burst is what it is, not 510 a minute
    assert rate.add(59.0, 90) == 90
    assert rate.add(70.0, 120) == 35  # since the sample at 10 s, the newest one a minute old
    assert rate.add(200.0, 120) == 0


def test_pairs_are_the_open_jobs_pipelines() -> None:
    state = {
        "opportunities": [
            {"opportunityId": 2001, "state": "open"},
            {"opportunityId": 2002, "state": "closed"},
            {"opportunityId": 2003, "state": "open"},
        ],
        "placements": [
            {"opportunityId": 2001, "resourceId": 1},
            {"opportunityId": 2001, "resourceId": 1},
            {"opportunityId": 2001, "resourceId": 2},
            {"opportunityId": 2002, "resourceId": 3},
        ],
    }
    assert pipeline_pairs(state) == {2001: {1, 2}}


def test_the_progress_line_names_each_queue_and_sums_the_dead_letters() -> None:
    depths = {
        "ScoreQueue": QueueDepth(visible=84, in_flight=19, delayed=0),
        "ScoreDeadLetterQueue": QueueDepth(visible=1, in_flight=0, delayed=0),
        "FeedbackQueue": QueueDepth(visible=0, in_flight=1, delayed=0),
        "FeedbackDeadLetterQueue": QueueDepth(visible=2, in_flight=0, delayed=0),
    }
    assert progress_line(57, 312, depths, 88) == (
        "Progress: scored 57/312 | ScoreQueue 84 waiting, 19 in flight | FeedbackQueue 0 waiting, 1 in flight"
        " | dead letters 3 | Tracker 88 calls/min"
    )
