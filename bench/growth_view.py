"""Bench: a student's growth view (GET /api/v1/students/{id}/growth) through the real gateway and reflections API
vs a bare FastAPI endpoint running the same SQL statements, on a reflections database where the student has
13 school years x 40 artifacts, each with a reflection, a teacher assessment and a self-assessment, among
``--others`` students with 40 artifacts each (bench/_growth_seed.py, COPY; time printed, not measured).

Processes (subprocesses): `skillfolio run reflections api`, `skillfolio run gateway` (uvicorn, one process) and the
baseline (bench/_bare_growth.py, uvicorn, one process, same pool size, same JSON; checked equal before measuring).
The caller is the student with a bearer token minted by gateway.auth.issue_api_token for the run's session secret
(the roster is not running). Load: ``--clients`` paced clients at ~1 request/s each (the page is opened, not
hammered), and one client back to back (the latency floor); the servers alternate slice by slice over ``--rounds``
(the machine is shared). The figure is the paced p95; the ratio is gateway p95 / bare p95 (medians of the slices'
p95s are printed too). Targets: p95 <= 100 ms and ratio <= 3.
Usage: .venv/bin/python bench/growth_view.py [--others 2000] [--clients 20] [--seconds 30] [--rounds 3]
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import secrets
import statistics
import sys
import time

import httpx

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import _load  # noqa: E402
from _growth_seed import seed  # noqa: E402
from _stack import CLI, Stack, bearer_token, session_store_env, wait_http  # noqa: E402

from chassis.grpc.principal import generate_keypair  # noqa: E402
from chassis.testing import infra  # noqa: E402

SESSIONS = pathlib.Path("var/bench/growth_view-sessions.db")   # the gateway's session store (bearer tokens)
ARGS = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ARGS.add_argument("--others", type=int, default=2000, help="other students (40 artifacts each)")
ARGS.add_argument("--clients", type=int, default=20, help="paced clients, each ~1 request per --think seconds")
ARGS.add_argument("--think", type=float, default=1.0)
ARGS.add_argument("--seconds", type=float, default=30.0, help="paced load per server, split into --rounds slices")
ARGS.add_argument("--single-seconds", type=float, default=6.0, help="one client back to back, per server")
ARGS.add_argument("--rounds", type=int, default=3)
TARGET_P95_MS, TARGET_RATIO = 100, 3


def start_servers(stack: Stack, database_url: str, session_secret: str) -> tuple[dict[str, str], dict]:
    private_pem, public_pem = generate_keypair()
    stack.env = {"SKILLFOLIO_PRINCIPAL_PUBLIC_KEY": public_pem, "SKILLFOLIO_PRINCIPAL_PRIVATE_KEY": private_pem,
                 "SKILLFOLIO_LOG_LEVEL": "WARNING", "REFLECTIONS_DATABASE_URL": database_url,
                 "REFLECTIONS_METRICS_PORT": "0", "PYTHONUNBUFFERED": "1",
                 "SKILLFOLIO_MEDIA_URL_SECRET": secrets.token_urlsafe(32)}   # the gateway refuses to start without
    api_port, gateway_port, bare_port = infra.free_port(), infra.free_port(), infra.free_port()
    api = stack.start("reflections-api", CLI + ["run", "reflections", "api"],
                      {"REFLECTIONS_GRPC_PORT": str(api_port)}, api_port)
    gateway = stack.start("gateway", CLI + ["run", "gateway"], {
        "GATEWAY_PORT": str(gateway_port), "GATEWAY_METRICS_PORT": "0", "GATEWAY_SESSION_SECRET": session_secret,
        **session_store_env(SESSIONS), "GATEWAY_REFLECTIONS_TARGET": f"127.0.0.1:{api_port}",
        **{f"GATEWAY_{name}_TARGET": f"127.0.0.1:{infra.free_port()}" for name in ("ROSTER", "SKILLS", "ARTIFACTS")}},
        gateway_port)
    wait_http(f"http://127.0.0.1:{gateway_port}/healthz", gateway)
    bare = stack.start("bare-growth", [sys.executable, str(pathlib.Path(__file__).parent / "_bare_growth.py"),
                                       database_url, str(bare_port)], port=bare_port)
    wait_http(f"http://127.0.0.1:{bare_port}/docs", bare)
    return ({"gateway": f"http://127.0.0.1:{gateway_port}", "bare": f"http://127.0.0.1:{bare_port}"},
            {"gateway": lambda: gateway.cpu() + api.cpu(), "bare": bare.cpu})


def interleaved(servers: dict, cpu_of: dict, path: str, headers: dict, rounds: int, clients: int, seconds: float,
                think: float, label: str) -> dict:
    """Latency summaries over ``rounds`` slices per server, the servers alternating, with CPU ms per request (all
    of a server's processes: gateway + reflections API, or the bare endpoint)."""
    slices, cpu = {name: [] for name in servers}, dict.fromkeys(servers, 0.0)
    for round_no in range(rounds):
        for name in (list(servers) if round_no % 2 == 0 else list(reversed(servers))):
            before = cpu_of[name]()
            slices[name].append(_load.run(servers[name], [path], headers, clients, seconds / rounds, think,
                                          seed=round_no))
            cpu[name] += cpu_of[name]() - before
    merged = {}
    for name, parts in slices.items():
        total = _load.merge(parts)
        merged[name] = {**total.summary(),
                        "median_slice_p95_ms": round(statistics.median(p.percentile(95) for p in parts), 1),
                        "cpu_ms_per_request": round(cpu[name] / total.requests * 1000, 1)}
        print(f"{label} {name}: {merged[name]}", file=sys.stderr)
    return merged


def direct_sql(database_url: str, student_id: str, seconds: float) -> dict:
    """The two statements alone, back to back in one transaction each: the floor under both servers."""
    import _bare_growth
    from sqlalchemy import create_engine
    engine = create_engine(database_url)
    latencies = []
    with engine.connect() as conn:
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            began = time.perf_counter()
            with conn.begin():
                conn.execute(_bare_growth.COUNTS, {"student": student_id}).all()
                conn.execute(_bare_growth.POINTS, {"student": student_id}).all()
            latencies.append((time.perf_counter() - began) * 1000)
    engine.dispose()
    result = _load.Result(len(latencies), 0, seconds, latencies)
    return {"p50": round(statistics.median(latencies), 1), "p95": round(result.percentile(95), 1)}


def main() -> None:
    args = ARGS.parse_args()
    from reflections.migrations import MIGRATIONS_DIR
    database_url = infra.create_database(prefix="bench_growth_view")
    stack = Stack()
    try:
        print(f"seeding the featured student and {args.others:,} others ...", file=sys.stderr)
        seeded = seed(database_url, MIGRATIONS_DIR, args.others)
        print(f"seeded in {seeded.seconds:.1f} s: {seeded.counts}", file=sys.stderr)
        session_secret = secrets.token_urlsafe(40)
        servers, cpu_of = start_servers(stack, database_url, session_secret)
        token = bearer_token(seeded.student_id, session_secret, SESSIONS)
        headers = {"Authorization": f"Bearer {token}"}
        path = f"/api/v1/students/{seeded.student_id}/growth"
        answers = {name: httpx.get(url + path, headers=headers, timeout=30).raise_for_status().json()
                   for name, url in servers.items()}
        if answers["gateway"] != answers["bare"]:
            raise SystemExit("gateway and bare answer differently")
        body = answers["gateway"]
        points = sum(len(y["points"]["level_rank"]) for s in body["skills"] for y in s["years"])
        for name in servers:                                      # warm both up
            _load.run(servers[name], [path], headers, 2, 2.0)
        load_before = os.getloadavg()[0]
        paced = interleaved(servers, cpu_of, path, headers, args.rounds, args.clients, args.seconds, args.think,
                            "paced")
        single = interleaved(servers, cpu_of, path, headers, args.rounds, 1, args.single_seconds, 0.0, "one client")
        direct = direct_sql(database_url, seeded.student_id, args.single_seconds)
        for proc in stack.procs:
            proc.check_alive()
    finally:
        stack.stop()
        infra.drop_database(database_url)
    g, b = paced["gateway"], paced["bare"]
    print(json.dumps({
        "bench": "growth_view", "value": g["p95_ms"], "baseline": b["p95_ms"],
        "ratio": round(g["p95_ms"] / b["p95_ms"], 3), "target": TARGET_RATIO, "better": "lower",
        "unit": "p95 ms of GET /api/v1/students/{id}/growth, paced load", "p95_target_ms": TARGET_P95_MS,
        "meets_targets": {"p95": g["p95_ms"] <= TARGET_P95_MS, "ratio": g["p95_ms"] / b["p95_ms"] <= TARGET_RATIO},
        "paced_load": f"{args.clients} clients, each ~1 request per {args.think:g} s, {args.seconds:g} s per server",
        "paced_p50_ms": {"gateway": g["p50_ms"], "bare": b["p50_ms"]},
        "paced_median_slice_p95_ms": {"gateway": g["median_slice_p95_ms"], "bare": b["median_slice_p95_ms"]},
        "paced_rps": {"gateway": g["rps"], "bare": b["rps"]},
        "one_client_p50_ms": {"gateway": single["gateway"]["p50_ms"], "bare": single["bare"]["p50_ms"]},
        "one_client_p95_ms": {"gateway": single["gateway"]["p95_ms"], "bare": single["bare"]["p95_ms"]},
        "direct_sql_one_client_ms": direct,
        "cpu_ms_per_request_paced": {"gateway+reflections_api": g["cpu_ms_per_request"],
                                     "bare": b["cpu_ms_per_request"]},
        "errors": {"gateway": g["errors"] + single["gateway"]["errors"],
                   "bare": b["errors"] + single["bare"]["errors"]},
        "response": {"skills": len(body["skills"]), "points": points, "bytes": len(json.dumps(body))},
        "seed": {"seconds": round(seeded.seconds, 1), "featured_years": 13, "featured_artifacts_per_year": 40,
                 "other_students": args.others, **seeded.counts},
        "auth": "the student viewing their own growth; bearer token minted with gateway.auth.issue_api_token",
        "baseline_kind": "bare FastAPI (uvicorn, one process) running the same SQL statements and building the "
                         "same JSON (orjson); no auth, no access check, no gRPC, no protobuf. "
                         "direct_sql_one_client_ms: the two statements alone (rows fetched, nothing built), back to "
                         "back from the bench process",
        "load_avg_1m": {"before_load": round(load_before, 2), "after": round(os.getloadavg()[0], 2)},
        "cpu_count": len(os.sched_getaffinity(0)),
    }))


if __name__ == "__main__":
    main()
