"""Bench: adding a text reflection, end to end from the API call to the committed event (its outbox row committed),
at 50 concurrent writers, vs a direct insert of the same rows in one transaction at the same concurrency.

Path measured (``--via``, default ``gateway``): the gateway's REST ``POST /api/v1/artifacts/{id}/reflections`` ->
`skillfolio run reflections api` (``grpc``: the reflections gRPC ``AddReflection`` on that process alone; the final
line says which). The API answers after
its transaction committed the reflection, its first revision and the ``reflection_added`` outbox row (with the
relay wake-up check: NOTIFY only if a relay sleeps), so a reply is the committed event; at the end every reply's
outbox row is checked to exist.
Baseline (same run, same PostgreSQL database, rounds alternating): 50 threads over the chassis.db pool the API
builds (--pool, and as many overflow), each call one transaction: INSERT reflection, INSERT revision, INSERT outbox
row (the same envelope JSON), COMMIT: the bare insert, with no wake-up of any kind (no audit row: the service
audits no student's own reflection).
Writers: 50 students, each reflecting on their own artifact (replicas fed through the events role's own code).
Figures: p95 and p50 latency per round (closed loop), medians over --rounds. Targets: p95 and p50 ratios <= 2.
Usage: .venv/bin/python bench/reflection_add.py [--rounds 3] [--seconds 8] [--writers 50] [--via gateway|grpc|auto]
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import pathlib
import secrets
import statistics
import sys
import uuid

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from _reflection_load import baseline_round, closed_loop, gateway_caller, grpc_caller, p95  # noqa: E402
from _reflection_seed import outbox_rows_for, seed_writers  # noqa: E402
from _stack import CLI, Stack, session_store_env, wait_http  # noqa: E402

from chassis.grpc.principal import generate_keypair  # noqa: E402
from chassis.testing import infra  # noqa: E402

ARGS = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ARGS.add_argument("--rounds", type=int, default=3)
ARGS.add_argument("--seconds", type=float, default=8.0, help="length of each closed-loop round")
ARGS.add_argument("--warmup", type=float, default=2.0)
ARGS.add_argument("--writers", type=int, default=50)
ARGS.add_argument("--pool", type=int, default=16, help="the API's thread pool and connection pool (as deployed)")
ARGS.add_argument("--via", choices=("auto", "gateway", "grpc"), default="gateway",
                  help="gateway: the REST route (the figure); grpc: the reflections API alone; auto: gateway if routed")
SESSIONS = pathlib.Path("var/bench/reflection_add-sessions.db")   # the gateway's session store (bearer tokens)
TEXT = "I planned the experiment, then changed one variable at a time; next time I will record more trials."


def gateway_has_route() -> bool:
    try:
        from gateway.routes.api import discussion as api_discussion
    except ImportError:
        return False
    return any(getattr(r, "path", "") == "/api/v1/artifacts/{artifact_id}/reflections" and "POST" in r.methods
               for r in api_discussion.router.routes)


def start_stack(stack: Stack, via: str, database_url: str, pool: int) -> tuple[int, str, str]:
    """The reflections API (and the gateway in front of it); (port to call, private key, session secret)."""
    private_pem, public_pem = generate_keypair()
    session_secret = secrets.token_urlsafe(40)
    stack.env = {"SKILLFOLIO_PRINCIPAL_PUBLIC_KEY": public_pem, "SKILLFOLIO_PRINCIPAL_PRIVATE_KEY": private_pem,
                 "SKILLFOLIO_LOG_LEVEL": "WARNING", "PYTHONUNBUFFERED": "1",
                 "REFLECTIONS_DATABASE_URL": database_url, "REFLECTIONS_METRICS_PORT": "0",
                 "REFLECTIONS_GRPC_MAX_WORKERS": str(pool), "REFLECTIONS_DB_POOL_SIZE": str(pool),
                 "SKILLFOLIO_MEDIA_URL_SECRET": secrets.token_urlsafe(32)}   # the gateway refuses to start without
    api_port = infra.free_port()
    stack.start("reflections-api", CLI + ["run", "reflections", "api"], {"REFLECTIONS_GRPC_PORT": str(api_port)},
                api_port)
    if via == "grpc":
        return api_port, private_pem, session_secret
    port = infra.free_port()
    gateway = stack.start("gateway", CLI + ["run", "gateway"], {
        "GATEWAY_PORT": str(port), "GATEWAY_METRICS_PORT": "0", "GATEWAY_SESSION_SECRET": session_secret,
        **session_store_env(SESSIONS),
        "GATEWAY_REFLECTIONS_TARGET": f"127.0.0.1:{api_port}",
        **{f"GATEWAY_{name}_TARGET": f"127.0.0.1:{infra.free_port()}" for name in ("ROSTER", "SKILLS", "ARTIFACTS")}},
        port)
    wait_http(f"http://127.0.0.1:{port}/healthz", gateway)
    return port, private_pem, session_secret


async def service_rounds(args, via, port, private_pem, session_secret, writers, database_url):
    call, close = (gateway_caller(port, session_secret, SESSIONS, writers, TEXT) if via == "gateway" else
                   grpc_caller(port, private_pem, TEXT))
    await closed_loop(call, writers, args.warmup)
    results = {"service": [], "baseline": []}
    answered, errors = [], {"service": 0, "baseline": 0}
    for _ in range(args.rounds):
        latencies, ids, failed = await closed_loop(call, writers, args.seconds)
        results["service"].append(latencies)
        answered += ids
        errors["service"] += failed
        latencies, failed = await asyncio.to_thread(baseline_round, database_url, writers, args.pool, args.seconds,
                                                    TEXT)
        results["baseline"].append(latencies)
        errors["baseline"] += failed
    await close()
    return results, answered, errors


def main() -> None:
    args = ARGS.parse_args()
    via = ("gateway" if gateway_has_route() else "grpc") if args.via == "auto" else args.via
    database_url = infra.create_database(prefix="bench_reflection_add")
    stack = Stack()
    try:
        writers = seed_writers(database_url, args.writers)
        port, private_pem, session_secret = start_stack(stack, via, database_url, args.pool)
        load_before = os.getloadavg()[0]
        results, answered, errors = asyncio.run(service_rounds(args, via, port, private_pem, session_secret,
                                                               writers, database_url))
        committed = outbox_rows_for(database_url, answered)
        for proc in stack.procs:
            proc.check_alive()
    finally:
        stack.stop()
        infra.drop_database(database_url)
    if committed != len(answered):
        raise SystemExit(f"{len(answered) - committed} answered reflections have no committed outbox row")
    per_round = {k: [round(p95(r), 2) for r in rounds] for k, rounds in results.items()}
    value, baseline = statistics.median(per_round["service"]), statistics.median(per_round["baseline"])
    p50 = {k: round(statistics.median(statistics.median(r) * 1000 for r in rounds), 2)
           for k, rounds in results.items()}
    counts = {k: sum(len(r) for r in rounds) for k, rounds in results.items()}
    print(json.dumps({
        "bench": "reflection_add", "value": value, "baseline": baseline, "ratio": round(value / baseline, 3),
        "target": 2, "better": "lower", "unit": "p95 ms, API call -> reflection_added outbox row committed",
        "via": ("gateway REST POST /api/v1/artifacts/{id}/reflections -> reflections API (gRPC)" if via == "gateway"
                else "reflections gRPC AddReflection on `skillfolio run reflections api`"),
        "client": ("minimal asyncio HTTP/1.1 (bench/_load.py), one keep-alive connection per writer" if via == "gateway"
                   else "grpc.aio, one channel"),
        "writers": args.writers, "api_pool": args.pool, "p95_ms_per_round": per_round, "p50_ms": p50,
        "p50_ratio": round(p50["service"] / p50["baseline"], 3), "p50_target": 2,
        "calls": counts, "calls_per_s": {k: round(n / (args.rounds * args.seconds), 1) for k, n in counts.items()},
        "errors": errors, "committed_outbox_rows_checked": committed,
        "baseline_sql": "INSERT reflections, INSERT reflection_revisions, INSERT outbox (same envelope), COMMIT "
                        "(the bare insert: no NOTIFY, no wake-up check); one transaction per call, over the "
                        "chassis.db pool the API builds "
                        "(api_pool + overflow)",
        "rounds": args.rounds, "round_seconds": args.seconds,
        "load_avg_1m": {"before": round(load_before, 2), "after": round(os.getloadavg()[0], 2)},
        "cpu_count": len(os.sched_getaffinity(0)), "run_id": uuid.uuid4().hex[:8],
    }))


if __name__ == "__main__":
    main()
