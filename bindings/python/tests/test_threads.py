"""Threads: the report releases the GIL; the API is usable from several threads."""

from __future__ import annotations

import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import List

import patient_partner as pp


def big_log(rows: int) -> pp.Interviews:
    modalities = ("in_person", "phone", "video")
    lines = ["date,partner,patient,modality"]
    for k in range(rows):
        lines.append(
            f"2023-{k % 12 + 1:02d}-{k % 28 + 1:02d},PP-{k % 500:03d},PAT-{k % 200_000:06d},"
            f"{modalities[k % 3]}"
        )
    return pp.parse_interviews_csv("\n".join(lines) + "\n")


def test_a_large_report_releases_the_gil() -> None:
    log = big_log(600_000)
    counter = [0]
    ready = threading.Event()
    stop = threading.Event()

    def spin() -> None:
        ready.set()
        while not stop.is_set():
            counter[0] += 1
            # Give the GIL back explicitly: with the switch interval below, this thread
            # runs only when the main thread does not hold the GIL.
            stop.wait(0.0001)

    old = sys.getswitchinterval()
    # No forced switches: the spinning thread can only run while the main thread has
    # released the GIL itself (a blocking call, or the core computing the report).
    sys.setswitchinterval(1000.0)
    worker = threading.Thread(target=spin)
    try:
        worker.start()
        ready.wait()
        before = counter[0]
        report = pp.activity_report(log, start="2023-01-01", end="2023-12-31")
        during = counter[0] - before
    finally:
        stop.set()
        sys.setswitchinterval(old)
        worker.join()
    assert len(report.totals) == 500
    assert during > 0, "the other thread made no progress while the report was computed"


def test_reports_from_several_threads_agree() -> None:
    log = big_log(30_000)
    expected = pp.activity_report(log, "2023-01-01", "2023-12-31", by="all")

    def work(k: int) -> pp.ActivityReport:
        return pp.activity_report(log, "2023-01-01", "2023-12-31", by="all")

    with ThreadPoolExecutor(max_workers=4) as pool:
        results: List[pp.ActivityReport] = list(pool.map(work, range(16)))
    assert all(r == expected for r in results)


DUPLICATE = (
    '{"referrals": [{"id": "REF-DUP", "patient": "PAT-X", "received": '
    '"2023-01-09", "source": {"kind": "referring_physician"}, "stage": "treatment"}]}'
)


def test_one_journal_fed_from_several_threads() -> None:
    journal = pp.Journal()
    journal.ingest_json(DUPLICATE)

    def feed(t: int) -> None:
        for k in range(25):
            journal.ingest(
                {
                    "referrals": [
                        {
                            "id": f"REF-{t}-{k}",
                            "patient": f"PAT-{t}-{k}",
                            "received": "2023-01-09",
                            "source": {"kind": "referring_physician"},
                            "stage": "treatment",
                        }
                    ]
                }
            )
            # Every thread also tries a duplicate: refused, and it changes nothing.
            try:
                journal.ingest_json(DUPLICATE)
            except pp.JournalError as e:
                refused.append(e.kind)

    refused: List[str] = []
    threads = [threading.Thread(target=feed, args=(t,)) for t in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    summary = journal.summary()
    assert summary["referrals"] == 101
    assert summary["state_counts"] == {"received": 101}
    assert refused == ["duplicate_id"] * 100
