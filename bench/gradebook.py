"""Bench: a section's competency gradebook (GET /api/v1/sections/{id}/gradebook) through the real gateway and the
roster, skills, artifacts and reflections APIs vs a bare FastAPI endpoint running the same statements on the same
four databases, for a section of 35 students x 5 skills over 4 terms with 40 artifacts each (bench/_gradebook_seed.py,
written through the services' own use cases; time printed, not measured).

Processes (subprocesses): `skillfolio run roster|skills|artifacts|reflections api`, `skillfolio run gateway` (uvicorn,
one process) and the baseline (bench/_bare_gradebook.py, uvicorn, one process; its cells checked equal to the
gateway's before measuring). The caller is the section's teacher with a bearer token minted by
gateway.auth.issue_api_token for the run's session secret. Load: ``--clients`` (20) concurrent clients, paced at ~1
request per ``--think`` s (a teacher opens the page, does not hammer it), and one client back to back (the latency
floor); the servers alternate slice by slice over ``--rounds`` (the machine is shared). The figure is the paced p95;
the ratio is gateway p95 / bare p95. Targets: p95 <= 100 ms and ratio <= 3. The gateway runs with its defaults, so it
keeps a school's effective skills for GATEWAY_SKILLS_CACHE_SECONDS (30 s); the bare endpoint reads them every time.
Usage: .venv/bin/python bench/gradebook.py [--clients 20] [--seconds 30] [--rounds 3] [--students 35]
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import secrets
import sys

import httpx

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import _load  # noqa: E402
from _gradebook_seed import seed  # noqa: E402
from _stack import CLI, Stack, bearer_token, session_store_env, wait_http  # noqa: E402

from chassis.config import PlatformSettings  # noqa: E402
from chassis.grpc.principal import generate_keypair  # noqa: E402
from chassis.testing import infra  # noqa: E402

SESSIONS = pathlib.Path("var/bench/gradebook-sessions.db")   # the gateway's session store (bearer tokens)
SERVICES = ("roster", "skills", "artifacts", "reflections")
ARGS = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ARGS.add_argument("--students", type=int, default=35)
ARGS.add_argument("--per-student", type=int, default=40, help="artifacts per student, spread over the 4 terms")
ARGS.add_argument("--clients", type=int, default=20, help="concurrent clients, each ~1 request per --think seconds")
ARGS.add_argument("--think", type=float, default=1.0)
ARGS.add_argument("--seconds", type=float, default=30.0, help="paced load per server, split into --rounds slices")
ARGS.add_argument("--single-seconds", type=float, default=6.0, help="one client back to back, per server")
ARGS.add_argument("--rounds", type=int, default=3)
TARGET_P95_MS, TARGET_RATIO = 100, 3


def start_servers(stack: Stack, urls: dict, media_secret: str, var_dir: pathlib.Path, session_secret: str
                  ) -> tuple[dict[str, str], dict]:
    private_pem, public_pem = generate_keypair()
    stack.env = {"SKILLFOLIO_PRINCIPAL_PUBLIC_KEY": public_pem, "SKILLFOLIO_PRINCIPAL_PRIVATE_KEY": private_pem,
                 "SKILLFOLIO_LOG_LEVEL": "WARNING", "PYTHONUNBUFFERED": "1", "SKILLFOLIO_MEDIA_URL_SECRET": media_secret,
                 "SKILLFOLIO_VAR_DIR": str(var_dir), "SKILLFOLIO_S3_ENDPOINT": "",
                 **{f"{s.upper()}_DATABASE_URL": url for s, url in urls.items()},
                 **{f"{s.upper()}_METRICS_PORT": "0" for s in SERVICES}}
    ports, procs = {}, {}
    for service in SERVICES:
        ports[service] = infra.free_port()
        procs[service] = stack.start(f"{service}-api", CLI + ["run", service, "api"],
                                     {f"{service.upper()}_GRPC_PORT": str(ports[service])}, ports[service])
    gateway_port, bare_port = infra.free_port(), infra.free_port()
    gateway = stack.start("gateway", CLI + ["run", "gateway"], {
        "GATEWAY_PORT": str(gateway_port), "GATEWAY_METRICS_PORT": "0", "GATEWAY_SESSION_SECRET": session_secret,
        **session_store_env(SESSIONS), **{f"GATEWAY_{s.upper()}_TARGET": f"127.0.0.1:{p}" for s, p in ports.items()},
        "GATEWAY_NOTIFICATIONS_TARGET": f"127.0.0.1:{infra.free_port()}",
        "GATEWAY_REPORTING_TARGET": f"127.0.0.1:{infra.free_port()}"}, gateway_port)
    wait_http(f"http://127.0.0.1:{gateway_port}/healthz", gateway)
    bare = stack.start("bare-gradebook", [sys.executable, str(pathlib.Path(__file__).parent / "_bare_gradebook.py"),
                                          *(urls[s] for s in SERVICES), str(bare_port)], port=bare_port)
    wait_http(f"http://127.0.0.1:{bare_port}/docs", bare)
    return ({"gateway": f"http://127.0.0.1:{gateway_port}", "bare": f"http://127.0.0.1:{bare_port}"},
            {"gateway": lambda: {"gateway": gateway.cpu(), **{s: p.cpu() for s, p in procs.items()}},
             "bare": lambda: {"bare": bare.cpu()}})


def interleaved(servers: dict, cpu_of: dict, path: str, headers: dict, rounds: int, clients: int, seconds: float,
                think: float, label: str) -> dict:
    """Latency summaries over ``rounds`` slices per server, the servers alternating, with CPU ms per request (in
    all and per process)."""
    slices, cpu = {name: [] for name in servers}, {name: {} for name in servers}
    for round_no in range(rounds):
        for name in (list(servers) if round_no % 2 == 0 else list(reversed(servers))):
            before = cpu_of[name]()
            slices[name].append(_load.run(servers[name], [path], headers, clients, seconds / rounds, think,
                                          seed=round_no))
            for process, seconds_after in cpu_of[name]().items():
                cpu[name][process] = cpu[name].get(process, 0.0) + seconds_after - before[process]
    merged = {}
    for name, parts in slices.items():
        total = _load.merge(parts)
        per = {process: round(used / max(total.requests, 1) * 1000, 1) for process, used in cpu[name].items()}
        merged[name] = {**total.summary(), "cpu_ms_per_request": round(sum(per.values()), 1),
                        "cpu_ms_per_request_by_process": per}
        print(f"{label} {name}: {merged[name]}", file=sys.stderr)
    return merged


def cells(body: dict) -> dict:
    """What both servers must agree on: per student and skill, the count, newest artifact, level and gaps."""
    return {(row["student_id"], c["skill_id"]): (c["evidence_count"], c["latest_artifact_id"], c["level_rank"],
                                                 c["level_name"], tuple(c["gaps"]))
            for row in body["students"] for c in row["cells"]}


def main() -> None:
    args = ARGS.parse_args()
    urls = {s: infra.create_database(prefix=f"bench_gradebook_{s}") for s in SERVICES}
    var_dir = pathlib.Path("var/bench/gradebook").resolve()
    var_dir.mkdir(parents=True, exist_ok=True)
    media_secret = secrets.token_urlsafe(32)
    stack = Stack()
    try:
        print(f"seeding a section of {args.students} students ...", file=sys.stderr)
        seeded = seed(urls, PlatformSettings(var_dir=var_dir, s3_endpoint="", media_url_secret=media_secret),
                      args.students, args.per_student)
        print(f"seeded in {seeded.seconds:.1f} s: {seeded.counts}", file=sys.stderr)
        session_secret = secrets.token_urlsafe(40)
        servers, cpu_of = start_servers(stack, urls, media_secret, var_dir, session_secret)
        token = bearer_token(seeded.teacher_id, session_secret, SESSIONS, roles=("teacher",), name="Tara Bench")
        headers = {"Authorization": f"Bearer {token}"}
        path = f"/api/v1/sections/{seeded.section_id}/gradebook"
        answers = {name: httpx.get(url + path, headers=headers, timeout=60).raise_for_status().json()
                   for name, url in servers.items()}
        if cells(answers["gateway"]) != cells(answers["bare"]):
            raise SystemExit("gateway and bare answer differently")
        body = answers["gateway"]
        for name in servers:                                      # warm both up
            _load.run(servers[name], [path], headers, 2, 2.0)
        load_before = os.getloadavg()[0]
        paced = interleaved(servers, cpu_of, path, headers, args.rounds, args.clients, args.seconds, args.think,
                            "paced")
        single = interleaved(servers, cpu_of, path, headers, args.rounds, 1, args.single_seconds, 0.0, "one client")
        for proc in stack.procs:
            proc.check_alive()
    finally:
        stack.stop()
        for url in urls.values():
            infra.drop_database(url)
    g, b = paced["gateway"], paced["bare"]
    print(json.dumps({
        "bench": "gradebook", "value": g["p95_ms"], "baseline": b["p95_ms"],
        "ratio": round(g["p95_ms"] / b["p95_ms"], 3), "target": TARGET_RATIO, "better": "lower",
        "unit": "p95 ms of GET /api/v1/sections/{id}/gradebook, 20 concurrent paced clients",
        "p95_target_ms": TARGET_P95_MS,
        "meets_targets": {"p95": g["p95_ms"] <= TARGET_P95_MS, "ratio": g["p95_ms"] / b["p95_ms"] <= TARGET_RATIO},
        "paced_load": f"{args.clients} clients, each ~1 request per {args.think:g} s, {args.seconds:g} s per server",
        "paced_p50_ms": {"gateway": g["p50_ms"], "bare": b["p50_ms"]},
        "paced_rps": {"gateway": g["rps"], "bare": b["rps"]},
        "one_client_p50_ms": {"gateway": single["gateway"]["p50_ms"], "bare": single["bare"]["p50_ms"]},
        "one_client_p95_ms": {"gateway": single["gateway"]["p95_ms"], "bare": single["bare"]["p95_ms"]},
        "cpu_ms_per_request_paced": {"gateway+4_apis": g["cpu_ms_per_request"], "bare": b["cpu_ms_per_request"],
                                     "by_process": g["cpu_ms_per_request_by_process"]},
        "errors": {"gateway": g["errors"] + single["gateway"]["errors"],
                   "bare": b["errors"] + single["bare"]["errors"]},
        "response": {"students": len(body["students"]), "skills": len(body["skills"]), "terms": len(body["terms"]),
                     "bytes": len(json.dumps(body))},
        "seed": {"seconds": round(seeded.seconds, 1), **seeded.counts},
        "auth": "the section's teacher; bearer token minted with gateway.auth.issue_api_token",
        "baseline_kind": "bare FastAPI (uvicorn, one process) running the same statements on the same four databases "
                         "and building the same JSON (orjson); no auth, no access check, no audit, no gRPC",
        "load_avg_1m": {"before_load": round(load_before, 2), "after": round(os.getloadavg()[0], 2)},
        "cpu_count": len(os.sched_getaffinity(0)),
    }))


if __name__ == "__main__":
    main()
