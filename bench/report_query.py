"""Bench: the reporting dashboard's API calls (issue 12 §4) on a district of ``--artifacts`` artifacts (default
5,000,000: 150 schools, 13 grades, 5 skills, 4 school years, 96,000 students scaled with the size) loaded in bulk
(COPY, bench/_report_seed.py) into the reporting read models as the projections hold them, and the same facts as a
normalised schema in the same database.

"ours": the calls the dashboard page makes (GetDashboard with a filter, ListFilterOptions) through the real
reporting API (`skillfolio run reporting api`, a subprocess) over a real channel, signed as a district admin.
"naive": the equivalent GROUP BY statements over the normalised tables (artifacts joined to enrolments for the grade,
artifact_skills, reflections, feedback, assessments, milestones), run straight from the bench on psycopg2.
Load: ``--clients`` paced clients, each opening the page (both calls, one after the other) about once per
``--think`` seconds with a filter drawn from a fixed mix (district, school, school + grade, skill; current and
earlier years); the two sides alternate slice by slice over ``--rounds``. Figures are p95 over every call of a side.
Targets: our p95 <= 20 ms and the naive p95 at least 20x ours.
Usage: .venv/bin/python bench/report_query.py [--artifacts 5000000] [--clients 20] [--seconds 30] [--rounds 3]
       [--database-url URL] [--keep] [--seed-only]   (reuse a seeded database; keep it for the next run)
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import random
import statistics
import sys
import threading
import time

import grpc
import psycopg2

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import _load  # noqa: E402
import _naive_report as naive  # noqa: E402
from _report_seed import GRADES, Spec, seed  # noqa: E402
from _stack import CLI, Stack  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from chassis.grpc.principal import generate_keypair  # noqa: E402
from chassis.migrations import upgrade  # noqa: E402
from chassis.testing import infra  # noqa: E402
from chassis.testing.grpc_api import signed_as  # noqa: E402
from chassis.testing.infra import free_port  # noqa: E402
from reporting.migrations import MIGRATIONS_DIR  # noqa: E402
from skillfolio.reporting.v1 import reporting_pb2 as pb  # noqa: E402
from skillfolio.reporting.v1 import reporting_pb2_grpc  # noqa: E402

TARGET_P95_MS, TARGET_RATIO = 20.0, 20.0
NAIVE_TIMEOUT_S = 120          # a naive statement cancelled after this counts as an error at its elapsed time
ARGS = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ARGS.add_argument("--artifacts", type=int, default=5_000_000, help="artifacts in the district (e.g. 200000 quick)")
ARGS.add_argument("--clients", type=int, default=20, help="paced clients, each opening the page ~once per --think s")
ARGS.add_argument("--think", type=float, default=1.0)
ARGS.add_argument("--seconds", type=float, default=30.0, help="load per side, split into --rounds slices")
ARGS.add_argument("--rounds", type=int, default=3)
ARGS.add_argument("--database-url", default="", help="reuse this seeded database (migrations are applied)")
ARGS.add_argument("--keep", action="store_true", help="do not drop the database at the end")
ARGS.add_argument("--seed-only", action="store_true", help="seed a database, print its URL and stop (kept)")


def filters(district: dict, rng: random.Random) -> list[dict]:
    """The filter mix the page is opened with (weights by repetition)."""
    years, schools, skills = district["years"], district["schools"], district["skills"]
    current, out = years[-1], []
    for _ in range(3):
        out.append({"school_year_id": current})
    out.append({"school_year_id": rng.choice(years[:-1])})
    for _ in range(8):
        out.append({"school_year_id": current, "school_id": rng.choice(schools)})
    for _ in range(4):
        out.append({"school_year_id": current, "school_id": rng.choice(schools), "grade": rng.choice(GRADES)})
    out.append({"school_year_id": current, "skill_id": rng.choice(skills)})
    out.append({"school_year_id": rng.choice(years), "school_id": rng.choice(schools), "skill_id": rng.choice(skills)})
    return out


def paced(page, clients: int, seconds: float, think: float, mix: list[dict], seed: int) -> dict[str, list]:
    """``clients`` threads, each calling ``page(client, filter, record)`` about once per ``think`` seconds."""
    calls: dict[str, list] = {}
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def record(name: str, ms: float, ok: bool) -> None:
        with lock:
            calls.setdefault(name, []).append((ms, ok))

    def client(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        time.sleep(rng.uniform(0, think))
        while time.perf_counter() < deadline:
            began = time.perf_counter()
            page(number, rng.choice(mix), record)
            time.sleep(max(0.0, min(think * rng.uniform(0.5, 1.5) - (time.perf_counter() - began),
                                    deadline - time.perf_counter())))
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return calls


def timed(record, name: str, call) -> None:
    began = time.perf_counter()
    try:
        call()
        ok = True
    except (grpc.RpcError, psycopg2.Error) as error:
        print(f"{name}: {error}", file=sys.stderr)
        ok = False
    record(name, (time.perf_counter() - began) * 1000, ok)


class Ours:
    """The page's two calls through the reporting API, one channel per client, signed as the district admin."""

    def __init__(self, port: int, private_key: str, subject: str, clients: int) -> None:
        self.channels = [grpc.insecure_channel(f"127.0.0.1:{port}") for _ in range(clients)]
        self.stubs = [reporting_pb2_grpc.ReportingServiceStub(c) for c in self.channels]
        self.key, self.subject = private_key, subject

    def metadata(self):
        return signed_as(self.key, self.subject, "district_admin")

    def dashboard(self, client: int, wanted: dict) -> pb.GetDashboardResponse:
        return self.stubs[client].GetDashboard(pb.GetDashboardRequest(filter=pb.Filter(**wanted)),
                                               metadata=self.metadata(), timeout=600)

    def page(self, client: int, wanted: dict, record) -> None:
        stub = self.stubs[client]
        timed(record, "GetDashboard", lambda: self.dashboard(client, wanted))
        timed(record, "ListFilterOptions", lambda: stub.ListFilterOptions(
            pb.ListFilterOptionsRequest(), metadata=self.metadata(), timeout=600))

    def close(self) -> None:
        for channel in self.channels:
            channel.close()


class Naive:
    """The same aggregates as GROUP BY statements over the normalised schema, a connection per client."""

    def __init__(self, database_url: str, clients: int) -> None:
        url = make_url(database_url)
        self.conns = [psycopg2.connect(host=url.host, port=url.port or 5432, user=url.username,
                                       password=url.password, dbname=url.database) for _ in range(clients)]
        for conn in self.conns:
            conn.autocommit = True
            conn.cursor().execute(f"SET statement_timeout = '{NAIVE_TIMEOUT_S}s'")

    def page(self, client: int, wanted: dict, record) -> None:
        cur = self.conns[client].cursor()
        timed(record, "dashboard", lambda: naive.dashboard(cur, wanted))
        timed(record, "filter_options", lambda: naive.options(cur))

    def close(self) -> None:
        for conn in self.conns:
            conn.close()


def summary(calls: dict[str, list]) -> dict:
    every = [ms for entries in calls.values() for ms, _ in entries]
    result = _load.Result(len(every), sum(1 for e in calls.values() for _, ok in e if not ok), 1.0, every)
    per_call = {name: {"p50_ms": round(statistics.median(ms for ms, _ in e), 1),
                       "p95_ms": round(_load.Result(len(e), 0, 1, [ms for ms, _ in e]).percentile(95), 1),
                       "calls": len(e)} for name, e in calls.items()}
    return {"p50_ms": round(statistics.median(every), 1), "p95_ms": round(result.percentile(95), 1),
            "calls": len(every), "errors": result.errors, "per_call": per_call}


def district_of(database_url: str) -> dict:
    conn = psycopg2.connect(**{k: v for k, v in make_url(database_url).translate_connect_args(
        username="user", database="dbname").items()})
    cur = conn.cursor()
    cur.execute("SELECT school_year_id FROM school_years ORDER BY start_date")
    years = [r[0] for r in cur.fetchall()]
    cur.execute("SELECT school_id FROM schools ORDER BY school_id")
    schools = [r[0] for r in cur.fetchall()]
    cur.execute("SELECT skill_id FROM skills ORDER BY code")
    skills = [r[0] for r in cur.fetchall()]
    cur.execute("SELECT count(*) FROM artifacts")
    artifacts = cur.fetchone()[0]
    conn.close()
    return {"years": years, "schools": schools, "skills": skills, "artifacts": artifacts}


def cross_check(ours: Ours, naive_side: Naive, district: dict) -> dict:
    """Both sides count the same artifacts for the district's current year (else the comparison means nothing)."""
    wanted = {"school_year_id": district["years"][-1]}
    board = ours.dashboard(0, wanted)
    ours_total = next(h.value.count for h in board.headlines if h.key == "artifacts")
    naive_total = naive.artifact_total(naive_side.conns[0].cursor(), wanted)
    if ours_total != naive_total:
        raise SystemExit(f"the read models count {ours_total} artifacts this year, the normalised tables "
                         f"{naive_total}")
    return {"current_year_artifacts": ours_total, "dashboard_bytes": board.ByteSize(), "tables": len(board.tables)}


def main() -> None:
    args = ARGS.parse_args()
    database_url = args.database_url or infra.create_database(prefix="bench_report_query")
    seeded: dict = {}
    stack = Stack()
    try:
        if not args.database_url:
            print(f"seeding {args.artifacts:,} artifacts (read models and the normalised copy) ...", file=sys.stderr)
            loaded = seed(database_url, MIGRATIONS_DIR, Spec(artifacts=args.artifacts))
            seeded = {"seconds": round(loaded.seconds, 1), **loaded.counts}
            print(f"seeded in {loaded.seconds:.0f} s: {loaded.counts}", file=sys.stderr)
            if args.seed_only:
                print(database_url)
                return
        else:
            upgrade(MIGRATIONS_DIR, database_url)
        district = district_of(database_url)
        private_key, public_key = generate_keypair()
        port = free_port()
        stack.start("reporting-api", CLI + ["run", "reporting", "api"], {
            "REPORTING_DATABASE_URL": database_url, "REPORTING_GRPC_PORT": str(port), "REPORTING_METRICS_PORT": "0",
            "SKILLFOLIO_PRINCIPAL_PUBLIC_KEY": public_key, "SKILLFOLIO_LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1"}, port)
        ours, naive_side = Ours(port, private_key, "p-dadmin", args.clients), Naive(database_url, args.clients)
        checked = cross_check(ours, naive_side, district)
        mix = filters(district, random.Random(4))
        sides = {"ours": ours, "naive": naive_side}
        cold: dict[str, list] = {}
        for wanted in mix:              # every filter once: the first calls compute (cache misses), timed apart
            ours.page(0, wanted, lambda name, ms, ok: cold.setdefault(name, []).append((ms, ok)))
        naive_side.page(0, mix[0], lambda *_: None)               # the naive side's buffers warmed
        print(f"ours, first call per filter: {summary(cold)}", file=sys.stderr)
        slices: dict[str, dict[str, list]] = {"ours": {}, "naive": {}}
        load_before = os.getloadavg()[0]
        for round_no in range(args.rounds):
            for name in (["ours", "naive"] if round_no % 2 == 0 else ["naive", "ours"]):
                started = time.perf_counter()
                calls = paced(sides[name].page, args.clients, args.seconds / args.rounds, args.think, mix, round_no)
                for call, entries in calls.items():
                    slices[name].setdefault(call, []).extend(entries)
                print(f"round {round_no + 1} {name}: {summary(calls)} ({time.perf_counter() - started:.0f} s)",
                      file=sys.stderr)
        stack.procs[0].check_alive()
        ours.close()
        naive_side.close()
    finally:
        stack.stop()
        if args.keep or args.seed_only:
            print(f"database kept: {database_url}", file=sys.stderr)
        else:
            infra.drop_database(database_url)
    o, n = summary(slices["ours"]), summary(slices["naive"])
    print(f"ours {o}\nnaive {n}", file=sys.stderr)
    print(json.dumps({
        "bench": "report_query", "value": o["p95_ms"], "baseline": n["p95_ms"],
        "ratio": round(n["p95_ms"] / o["p95_ms"], 1), "target": TARGET_RATIO, "better": "higher",
        "unit": "p95 ms of the dashboard's calls (GetDashboard, ListFilterOptions), paced load; ratio naive/ours",
        "p95_target_ms": TARGET_P95_MS,
        "meets_targets": {"p95": o["p95_ms"] <= TARGET_P95_MS, "ratio": n["p95_ms"] / o["p95_ms"] >= TARGET_RATIO},
        "artifacts": district["artifacts"], "clients": args.clients,
        "load": f"{args.clients} paced clients, each opening the page ~once per {args.think:g} s, "
                f"{args.seconds:g} s per side in {args.rounds} alternating slices; {len(mix)} filters",
        "calls": {"ours": o["calls"], "naive": n["calls"]}, "errors": {"ours": o["errors"], "naive": n["errors"]},
        "p50s": {"ours": o["p50_ms"], "naive": n["p50_ms"]},
        "per_call": {"ours": o["per_call"], "naive": n["per_call"]},
        "ours_first_call_per_filter": summary(cold),
        "check": checked, "seed": seeded or "reused",
        "baseline_kind": "GROUP BY statements over normalised tables (artifacts + enrolments + artifact_skills + "
                         "reflections + feedback + assessments + milestones), psycopg2 from the bench; no gRPC, no "
                         "access check, no suppression, no tables built; a statement is cancelled after "
                         f"{NAIVE_TIMEOUT_S} s (an error, timed as it ran: the baseline's figures are then lower "
                         "bounds)",
        "load_avg_1m": {"before_load": round(load_before, 2), "after": round(os.getloadavg()[0], 2)},
        "cpu_count": len(os.sched_getaffinity(0)),
    }))


if __name__ == "__main__":
    main()
