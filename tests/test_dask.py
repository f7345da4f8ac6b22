"""slacalc on Dask (SPEC 9): a LocalCluster of 2 worker processes, started and stopped here.

The same 200,000 synthetic tickets are evaluated by ``frame.evaluate`` on a pandas frame
and on a Dask DataFrame of 8 partitions evaluated by the cluster's two processes; the
results must be identical row for row, and the compliance tables equal. Contracts,
calendars, profiles and reports pickle to a worker process and evaluate identically
there.
"""

from __future__ import annotations

import os
import pickle
import random
from datetime import datetime, timedelta, timezone

import pytest

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from slacalc import Calendar, StatusMap, Ticket, contracts, frame, profiles  # noqa: E402
from slacalc.frame._dask import RESULT_DTYPES  # noqa: E402

TICKETS = int(os.environ.get("SLACALC_DASK_TICKETS", "200000"))
AT = "2026-12-01T00:00+01:00"
CET = timezone(timedelta(hours=1))


PARTS = 8


def part(n: int) -> pd.DataFrame:
    """Partition ``n`` of the synthetic tickets (its own seed), made where it is computed
    (on a worker): the task graph stays small, and the pandas frame is their concat."""
    size = -(-TICKETS // PARTS)
    first, last = n * size, min((n + 1) * size, TICKETS)
    rng = random.Random(2026 + n)
    rows = []
    for k in range(first, last):
        opened = datetime(2026, 10, 1, 8, tzinfo=CET) + timedelta(minutes=rng.randrange(80_000))
        answered = opened + timedelta(minutes=rng.randrange(1, 1_200))
        resolved = answered + timedelta(minutes=rng.randrange(1, 3_000))
        rows.append(
            {
                "id": f"T-{k:06d}",
                "priority": rng.choice(["P1", "P2", "P3", "P4"]),
                "opened_at": opened.isoformat(),
                "responded_at": answered.isoformat() if k % 5 else None,
                "resolved_at": resolved.isoformat() if k % 3 else None,
            }
        )
    return pd.DataFrame(rows, index=pd.RangeIndex(first, last))


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",  # any free port: 8787 may be taken (None still means 8787)
    )
    with distributed.Client(cluster) as connected:
        yield connected
    cluster.close()


def test_a_dask_frame_on_two_worker_processes_equals_the_pandas_result(client) -> None:  # type: ignore[no-untyped-def]
    tickets = pd.concat([part(n) for n in range(PARTS)])
    want = frame.evaluate(tickets, "vioms/advanced", at=AT)
    lazy = frame.evaluate(dd.from_map(part, range(PARTS)), "vioms/advanced", at=AT)
    got = lazy.compute().reset_index(drop=True)
    dtypes = RESULT_DTYPES("Europe/Amsterdam", tickets.index.dtype)
    pd.testing.assert_frame_equal(got, want.astype(dtypes))
    table = frame.compliance_table(lazy).compute()
    plain = frame.compliance_table(want)
    keys = ["contract", "priority", "metric"]

    def ordered(t: pd.DataFrame) -> pd.DataFrame:
        return t.astype(dict.fromkeys(keys, str)).sort_values(keys).reset_index(drop=True)

    pd.testing.assert_frame_equal(ordered(table), ordered(plain))


def _evaluate_in_worker(payload: bytes) -> bytes:
    contract, ticket, at = pickle.loads(payload)
    return pickle.dumps(contract.evaluate(ticket, at=at))


def test_models_and_reports_pickle_and_evaluate_identically_in_a_worker(client) -> None:  # type: ignore[no-untyped-def]
    contract = contracts.get("intramed/online")
    ticket = Ticket(id="T-1", priority="level-1", opened_at=datetime(2026, 11, 23, 16, tzinfo=CET))
    at = datetime(2026, 11, 24, 9, tzinfo=CET)
    here = contract.evaluate(ticket, at=at)
    there = pickle.loads(
        client.submit(_evaluate_in_worker, pickle.dumps((contract, ticket, at))).result()
    )
    assert there == here
    for model in (contract, contract.calendars["support"], profiles.get("jira"), here):
        assert pickle.loads(pickle.dumps(model)) == model
    assert isinstance(pickle.loads(pickle.dumps(contract.calendars["support"])), Calendar)


def test_events_and_a_history_go_to_the_partition_of_their_ticket() -> None:
    # Dask's local threads (no cluster): two partitions, an events frame and a history
    # frame given to both; each partition takes the rows of its own tickets.
    tickets = pd.DataFrame(
        {
            "id": ["A", "B", "C", "D"],
            "priority": ["level-1"] * 4,
            "opened_at": ["2026-11-23T09:00+01:00"] * 4,  # Monday; restore 4 h of support
        }
    )
    events = pd.DataFrame({"ticket": ["D"], "at": ["2026-11-23T11:00+01:00"], "kind": ["resolved"]})
    # C waits for the customer 10:00-12:00: due 15:00 instead of 13:00
    history = pd.DataFrame(
        {
            "ticket": ["C", "C"],
            "at": ["2026-11-23T10:00+01:00", "2026-11-23T12:00+01:00"],
            "status": ["Waiting", "Open"],
        }
    )
    mine = profiles.Profile(id="mine", statuses=StatusMap(paused=["Waiting"]))
    lazy = frame.evaluate(
        dd.from_pandas(tickets, npartitions=2), "intramed/online", at="2026-11-23T16:00+01:00",
        events=events, history=history, profile=mine, priorities={"level-1": "level-1"},
    )  # fmt: skip
    got = lazy.compute().set_index("ticket")
    assert got.loc["C", "due_at"] == pd.Timestamp("2026-11-23 15:00", tz="Europe/Amsterdam")
    assert got.loc["D", "status"] == "met"
    assert got.loc["A", "status"] == "breached"  # due 13:00, not resolved at 16:00
    with pytest.raises(TypeError, match="events must be a pandas DataFrame"):
        frame.evaluate(dd.from_pandas(tickets, 2), "intramed/online", at="2026-11-23T16:00+01:00",
                       events=dd.from_pandas(events, 1))  # fmt: skip
