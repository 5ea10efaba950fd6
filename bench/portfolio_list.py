"""Bench: a portfolio listing through the real gateway and artifacts API vs a bare FastAPI endpoint running the same
SQL, on a district-sized database (1,000,000 artifacts; the listed student has 300).

The database is bulk-seeded with COPY (bench/_portfolio_seed.py; time printed, not measured). Three processes run
as subprocesses: `skillfolio run artifacts api`, `skillfolio run gateway` (uvicorn, one process) and the baseline
(bench/_bare_portfolio.py, uvicorn, one process, same pool size). The caller is the student viewing their own
portfolio with a bearer token minted by the gateway's own code (gateway.auth.issue_api_token) for the run's
session secret: the roster is not running, so the token endpoint is not exercised. Media URLs of the listed items
are signed by the artifacts API for moto's S3 server (default; as deployed) or the embedded filesystem store.
Load: 50 concurrent clients, mixed filters (none, skills, school year, title words, combinations; page 1 and page 2
by token). Saturation: closed loop, median of 3 rounds; paced: 50 clients at ~1 request/s each; one client back to
back (the latency floor); the servers alternate slice by slice. The machine's load average is reported: it is shared.
Targets: throughput ratio >= 0.5; p95 <= 50 ms.
Usage: .venv/bin/python bench/portfolio_list.py [--rounds 3] [--seconds 10] [--paced-seconds 20] [--artifacts N]
       [--store s3|filesystem]
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import pathlib
import secrets
import statistics
import sys
from urllib.parse import urlencode

import httpx
from sqlalchemy import create_engine, text

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import _load  # noqa: E402
from _portfolio_seed import Spec, seed  # noqa: E402
from _stack import Stack, bearer_token, platform_env, start_artifacts_api, start_gateway, start_s3, wait_http  # noqa: E402

from chassis.grpc.principal import generate_keypair  # noqa: E402
from chassis.testing import infra  # noqa: E402

PAGE_SIZE = 24
SESSIONS = pathlib.Path("var/bench/portfolio_list-sessions.db")   # the gateway's session store (bearer tokens)
ARGS = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ARGS.add_argument("--rounds", type=int, default=3)
ARGS.add_argument("--seconds", type=float, default=10.0, help="length of each saturation round")
ARGS.add_argument("--warmup", type=float, default=3.0)
ARGS.add_argument("--paced-seconds", type=float, default=30.0, help="paced load per server, in --rounds slices")
ARGS.add_argument("--clients", type=int, default=50)
ARGS.add_argument("--think", type=float, default=1.0, help="paced load: seconds between one client's requests")
ARGS.add_argument("--single-seconds", type=float, default=6.0, help="one client, back to back: the latency floor")
ARGS.add_argument("--artifacts", type=int, default=1_000_000)
ARGS.add_argument("--store", choices=("s3", "filesystem"), default="s3",
                  help="blob store the artifacts API signs media URLs for (s3: moto's S3 server, as deployed)")


def title_words(database_url: str, student_id: str) -> list[str]:
    """A frequent and a rarer word of the student's titles: the title queries."""
    engine = create_engine(database_url)
    with engine.connect() as conn:
        titles = conn.execute(text("SELECT title FROM artifacts WHERE student_id = :s AND deleted_at IS NULL"),
                              {"s": student_id}).scalars().all()
    engine.dispose()
    counts = collections.Counter(word.lower() for title in titles for word in title.split()).most_common()
    return [counts[0][0], counts[len(counts) // 2][0]]


def filters(district, words: list[str]) -> list[list[tuple[str, str]]]:
    skills, years = district.skill_ids, district.school_year_ids
    return [[], [("skill_id", skills[0])], [("skill_id", skills[1]), ("skill_id", skills[2])],
            [("school_year_id", years[-1])], [("school_year_id", years[-2]), ("skill_id", skills[3])],
            [("q", words[0])], [("q", words[1])], [("q", words[0]), ("skill_id", skills[0])],
            [("kind", "image")]]


def request_paths(base_url: str, student_id: str, headers: dict, queries) -> tuple[list[str], list[list[str]]]:
    """Page-1 paths, plus page-2 paths for the filters with a second page (token from that server's page 1);
    also each request's artifact ids, to check both servers answer the same."""
    paths, answers = [], []
    with httpx.Client(base_url=base_url, headers=headers, timeout=30) as http:
        for query in queries:
            path = f"/api/v1/students/{student_id}/artifacts?" + urlencode(query + [("page_size", PAGE_SIZE)])
            body = http.get(path).raise_for_status().json()
            paths.append(path)
            answers.append([item["id"] for item in body["items"]])
            if body["next_page_token"]:
                paths.append(path + "&" + urlencode({"page_token": body["next_page_token"]}))
                answers.append([item["id"] for item in http.get(paths[-1]).raise_for_status().json()["items"]])
    return paths, answers


def saturate(args, servers: dict, cpu_of: dict) -> dict:
    results = {name: [] for name in servers}
    for name, (url, paths, headers) in servers.items():
        _load.run(url, paths, headers, args.clients, args.warmup)
    for round_no in range(args.rounds):
        for name in (list(servers) if round_no % 2 == 0 else list(reversed(servers))):
            url, paths, headers = servers[name]
            cpu_before, gateway_before = cpu_of[name](), cpu_of["gateway_alone"]()
            result = _load.run(url, paths, headers, args.clients, args.seconds, seed=round_no)
            summary = result.summary()
            summary["cpu_ms_per_request"] = round((cpu_of[name]() - cpu_before) / result.requests * 1000, 2)
            if name == "gateway":
                summary["gateway_process_cpu_ms_per_request"] = round(
                    (cpu_of["gateway_alone"]() - gateway_before) / result.requests * 1000, 2)
            results[name].append(summary)
            print(f"round {round_no} {name}: {summary}", file=sys.stderr)
    return {name: {key: round(statistics.median(r[key] for r in rounds), 2) for key in rounds[0]}
            for name, rounds in results.items()}


def interleaved(servers: dict, rounds: int, clients: int, seconds: float, think: float, label: str) -> dict:
    """Latency summaries over ``rounds`` slices of ``seconds / rounds`` per server, the servers alternating (the
    machine is shared: both should see the same background load)."""
    results = {name: [] for name in servers}
    for round_no in range(rounds):
        for name in (list(servers) if round_no % 2 == 0 else list(reversed(servers))):
            url, paths, headers = servers[name]
            results[name].append(_load.run(url, paths, headers, clients, seconds / rounds, think, seed=50 + round_no))
    merged = {name: _load.merge(parts).summary() for name, parts in results.items()}
    for name, summary in merged.items():
        print(f"{label} {name}: {summary}", file=sys.stderr)
    return merged


def main() -> None:
    args = ARGS.parse_args()
    from artifacts.migrations import MIGRATIONS_DIR
    database_url = infra.create_database(prefix="bench_portfolio_list")
    stack = Stack()
    try:
        print(f"seeding {args.artifacts:,} artifacts ...", file=sys.stderr)
        district = seed(database_url, MIGRATIONS_DIR, Spec(artifacts=args.artifacts))
        print(f"seeded in {district.seconds:.1f} s: {district.counts}", file=sys.stderr)
        private_pem, public_pem = generate_keypair()
        session_secret = secrets.token_urlsafe(40)
        stack.env = platform_env(database_url, public_pem, private_pem)
        if args.store == "s3":
            stack.env.update(start_s3(stack))
        api = start_artifacts_api(stack)
        gateway = start_gateway(stack, api.port, session_secret, SESSIONS)
        bare_port = infra.free_port()
        bare = stack.start("bare-portfolio", [sys.executable, str(pathlib.Path(__file__).parent / "_bare_portfolio.py"),
                                              database_url, str(bare_port)], port=bare_port)
        wait_http(f"http://127.0.0.1:{bare_port}/docs", bare)
        token = bearer_token(district.student_id, session_secret, SESSIONS)
        headers = {"Authorization": f"Bearer {token}"}
        queries = filters(district, title_words(database_url, district.student_id))
        urls = {"gateway": f"http://127.0.0.1:{gateway.port}", "bare": f"http://127.0.0.1:{bare_port}"}
        servers, answers = {}, {}
        for name, url in urls.items():
            paths, answers[name] = request_paths(url, district.student_id, headers, queries)
            servers[name] = (url, paths, headers)
        if answers["gateway"] != answers["bare"]:
            raise SystemExit(f"gateway and bare answer differently:\n{answers}")
        load_before = os.getloadavg()[0]
        cpu_of = {"gateway": lambda: gateway.cpu() + api.cpu(), "bare": bare.cpu, "gateway_alone": gateway.cpu}
        sat = saturate(args, servers, cpu_of)
        paced = interleaved(servers, args.rounds, args.clients, args.paced_seconds, args.think, "paced")
        single = interleaved(servers, args.rounds, 1, args.single_seconds, 0.0, "one client")
        for proc in stack.procs:
            proc.check_alive()
    finally:
        stack.stop()
        infra.drop_database(database_url)
    g, b = sat["gateway"], sat["bare"]
    print(json.dumps({
        "bench": "portfolio_list", "value": g["rps"], "baseline": b["rps"], "ratio": round(g["rps"] / b["rps"], 3),
        "target": 0.5, "better": "higher", "unit": "requests/s at saturation (closed loop)",
        "clients": args.clients, "p95_target_ms": 50,
        "saturated_p95_ms": {"gateway": g["p95_ms"], "bare": b["p95_ms"]},
        "saturated_p50_ms": {"gateway": g["p50_ms"], "bare": b["p50_ms"]},
        "paced_p95_ms": {"gateway": paced["gateway"]["p95_ms"], "bare": paced["bare"]["p95_ms"]},
        "paced_p50_ms": {"gateway": paced["gateway"]["p50_ms"], "bare": paced["bare"]["p50_ms"]},
        "paced_rps": {"gateway": paced["gateway"]["rps"], "bare": paced["bare"]["rps"]},
        "paced_load": f"{args.clients} clients, each ~1 request per {args.think:g} s",
        "one_client_p50_ms": {"gateway": single["gateway"]["p50_ms"], "bare": single["bare"]["p50_ms"]},
        "one_client_p95_ms": {"gateway": single["gateway"]["p95_ms"], "bare": single["bare"]["p95_ms"]},
        "p95_meets_target": {"saturated": g["p95_ms"] <= 50, "paced": paced["gateway"]["p95_ms"] <= 50},
        "cpu_ms_per_request": {"gateway+artifacts_api": g["cpu_ms_per_request"], "bare": b["cpu_ms_per_request"],
                               "gateway_process": g["gateway_process_cpu_ms_per_request"],
                               "artifacts_api_process": round(g["cpu_ms_per_request"]
                                                              - g["gateway_process_cpu_ms_per_request"], 2)},
        "load_avg_1m": {"before_load": round(load_before, 2), "after": round(os.getloadavg()[0], 2)},
        "errors": {"gateway": g["errors"], "bare": b["errors"],
                   "paced": paced["gateway"]["errors"] + paced["bare"]["errors"]},
        "rounds": args.rounds, "round_seconds": args.seconds, "paced_seconds": args.paced_seconds,
        "request_mix": f"{len(servers['gateway'][1])} requests (page 1 and page 2) over {len(queries)} filters, "
                       f"page_size {PAGE_SIZE}",
        "seed": {"seconds": round(district.seconds, 1), **district.counts, "students": Spec().students,
                 "schools": Spec().schools, "school_years": len(district.school_year_ids),
                 "skills": len(district.skill_ids), "listed_student_artifacts": Spec().featured},
        "auth": "student viewing own portfolio; bearer token minted with gateway.auth.issue_api_token and the run's "
                "session secret (roster not running)",
        "baseline_sql": "bare FastAPI + SQLAlchemy text(): no access-fact lookup (none needed for a student's own), "
                        "filtered keyset page, skill tags, "
                        "media verdicts; no auth, no gRPC, no URL signing",
        "media_urls_signed_by_service": args.store,
        "cpu_count": len(os.sched_getaffinity(0)),
    }))


if __name__ == "__main__":
    main()
