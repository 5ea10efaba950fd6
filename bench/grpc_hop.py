"""Bench: one roster GetPerson hop through the chassis gRPC server vs a bare grpcio server with the same handler.

Both servers run side by side in subprocesses on a small seeded PostgreSQL database; rounds alternate between them.
Reports p50 sequential latency (target ratio <= 1.2) and throughput at high concurrency (target ratio >= 0.8).
Usage: .venv/bin/python bench/grpc_hop.py [--rounds 5] [--calls 400] [--seconds 3] [--concurrency 64]
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

import grpc

from chassis.context import Principal
from skillfolio.roster.v1 import roster_pb2, roster_pb2_grpc

BENCH_PRINCIPAL = Principal("bench-district-admin", ("district_admin",), "Bench")
BENCH_ARGS = argparse.ArgumentParser(description=__doc__)
BENCH_ARGS.add_argument("--rounds", type=int, default=5)
BENCH_ARGS.add_argument("--calls", type=int, default=400, help="sequential calls per latency round")
BENCH_ARGS.add_argument("--seconds", type=float, default=3.0, help="length of each throughput round")
BENCH_ARGS.add_argument("--concurrency", type=int, default=64)
BENCH_ARGS.add_argument("--people", type=int, default=200)


def seed(database_url: str, count: int) -> list[str]:
    """Migrate a fresh roster database and add one district, one school and ``count`` students."""
    from sqlalchemy import insert

    from chassis.db import make_engine
    from chassis.migrations import upgrade
    from roster.adapters.orm import orgs, people, person_roles
    from roster.migrations import MIGRATIONS_DIR
    upgrade(MIGRATIONS_DIR, database_url)
    district, school = str(uuid.uuid4()), str(uuid.uuid4())
    ids = [str(uuid.uuid4()) for _ in range(count)]
    engine = make_engine(database_url)
    with engine.begin() as conn:
        conn.execute(insert(orgs), [dict(id=district, sourced_id="d1", type="district", name="District"),
                                    dict(id=school, sourced_id="s1", type="school", name="School", parent_id=district)])
        conn.execute(insert(people), [dict(id=pid, sourced_id=f"p{i}", given_name=f"Given{i}", family_name=f"Family{i}",
                                           username=f"user{i}", grade_level="05", primary_school_id=school)
                                      for i, pid in enumerate(ids)])
        conn.execute(insert(person_roles), [dict(person_id=pid, role="student", org_id=school, is_primary=True,
                                                 begin_date=dt.date(2020, 1, 1)) for pid in ids])
    engine.dispose()
    return ids


class ConstantServicer(roster_pb2_grpc.RosterServiceServicer):
    """No database: isolates what the chassis adds per call (the secondary 'trivial' figures)."""

    RESPONSE = roster_pb2.GetPersonResponse(person=roster_pb2.Person(id="p", given_name="Ada", grade_level="05"))

    def GetPerson(self, request, context):
        return self.RESPONSE


def make_servicer(database_url: str, handler: str = "db"):
    """The real roster servicer on the seeded database, or (``trivial``) a constant answer."""
    if handler == "trivial":
        return ConstantServicer(), "constant GetPerson response"
    from chassis.config import ServiceSettings
    from roster.bootstrap import build
    from roster.entrypoints.grpc_api import RosterServicer
    return (RosterServicer(build(ServiceSettings(name="roster", database_url=database_url))),
            "roster.entrypoints.grpc_api.RosterServicer.GetPerson (authorize, read, audit disclosure, commit)")


class FixedPrincipal:
    """For the bare server: the same handlers, run with the bench principal set but no token, metrics or mapping."""

    def __init__(self, servicer, principal) -> None:
        self._servicer, self._principal = servicer, principal

    def __getattr__(self, name: str):
        from chassis.context import principal_var
        method = getattr(self._servicer, name)

        def call(request, context):
            principal_var.set(self._principal)
            return method(request, context)
        return call


def run_server(kind: str, handler: str, port: str, database_url: str, public_key_file: str) -> None:
    """Subprocess body: serve the handler on ``port`` until killed."""
    from concurrent import futures

    from chassis.config import PlatformSettings, ServiceSettings
    from chassis.grpc import server as chassis_server
    servicer, _ = make_servicer(database_url, handler)
    if kind == "bare":
        servicer = FixedPrincipal(servicer, BENCH_PRINCIPAL)
    settings = ServiceSettings(name="roster", grpc_port=int(port), metrics_port=0)

    def register(server):
        roster_pb2_grpc.add_RosterServiceServicer_to_server(servicer, server)
    if kind == "chassis":
        full_name = roster_pb2.DESCRIPTOR.services_by_name["RosterService"].full_name
        chassis_server.serve("roster", settings, register, [full_name],
                             platform=PlatformSettings(principal_public_key=public_key_file))
    else:
        server = grpc.server(futures.ThreadPoolExecutor(max_workers=settings.grpc_max_workers))
        register(server)
        server.add_insecure_port(f"127.0.0.1:{port}")
        server.start()
        server.wait_for_termination()


def sequential_ms(stubs: dict, request, metadata: dict, calls: int) -> dict:
    """Sequential call latencies (ms) per server, the two servers' calls interleaved so both see the same load."""
    samples = {kind: [] for kind in stubs}
    for i in range(calls):
        for kind in (tuple(stubs) if i % 2 == 0 else tuple(reversed(stubs))):
            started = time.perf_counter()
            stubs[kind].GetPerson(request, metadata=metadata[kind])
            samples[kind].append(time.perf_counter() - started)
    return {kind: [value * 1000 for value in values] for kind, values in samples.items()}


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used (Linux /proc), to price each call independent of machine load."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _throughput(address: str, requests, metadata, seconds: float, concurrency: int) -> float:
    async with grpc.aio.insecure_channel(address) as channel:
        stub = roster_pb2_grpc.RosterServiceStub(channel)
        await stub.GetPerson(requests[0], metadata=metadata)
        deadline = time.perf_counter() + seconds
        done = 0

        async def worker(offset: int) -> None:
            nonlocal done
            i = offset
            while time.perf_counter() < deadline:
                await stub.GetPerson(requests[i % len(requests)], metadata=metadata)
                done += 1
                i += concurrency
        started = time.perf_counter()
        await asyncio.gather(*(worker(n) for n in range(concurrency)))
        return done / (time.perf_counter() - started), done


def measure(args, addresses: dict, pids: dict, metadata: dict, requests: list, label: str) -> dict:
    """p50 latency (ms) over all interleaved calls; medians over rounds of throughput and server CPU per call."""
    from skillfolio.roster.v1 import roster_pb2_grpc
    stubs = {kind: roster_pb2_grpc.RosterServiceStub(grpc.insecure_channel(addr)) for kind, addr in addresses.items()}
    latency, throughput, cpu = ({kind: [] for kind in stubs} for _ in range(3))
    sequential_ms(stubs, requests[0], metadata, 100)   # warm up pools, caches and connections
    for round_no in range(args.rounds):
        for kind, samples in sequential_ms(stubs, requests[round_no % len(requests)], metadata, args.calls).items():
            latency[kind].extend(samples)
        for kind in (("chassis", "bare") if round_no % 2 == 0 else ("bare", "chassis")):
            cpu_before = cpu_seconds(pids[kind])
            rate, calls = asyncio.run(_throughput(addresses[kind], requests, metadata[kind], args.seconds,
                                                  args.concurrency))
            throughput[kind].append(rate)
            cpu[kind].append((cpu_seconds(pids[kind]) - cpu_before) / calls * 1e6)
        print(f"{label} round {round_no}: calls/s chassis {throughput['chassis'][-1]:.0f} bare {throughput['bare'][-1]:.0f};"
              f" server cpu us/call chassis {cpu['chassis'][-1]:.0f} bare {cpu['bare'][-1]:.0f}", file=sys.stderr)
    return {name: {kind: statistics.median(values) for kind, values in series.items()}
            for name, series in (("p50", latency), ("rate", throughput), ("cpu", cpu))}


def main() -> None:
    args = BENCH_ARGS.parse_args()
    from chassis.grpc.principal import generate_keypair, sign_principal
    from chassis.testing.infra import create_database, drop_database, free_port, wait_for_port
    database_url = create_database(prefix="bench_grpc_hop")
    procs = []
    try:
        ids = seed(database_url, args.people)
        handler = "roster.entrypoints.grpc_api.RosterServicer.GetPerson (authorize, read, audit disclosure, commit)"
        private_pem, public_pem = generate_keypair()
        with tempfile.NamedTemporaryFile("w", suffix=".pem", delete=False) as key_file:
            key_file.write(public_pem)
        token = sign_principal(BENCH_PRINCIPAL, private_pem, ttl=3600)
        addresses, pids = {}, {}
        for kind in ("chassis", "bare"):
            for handler_kind in ("db", "trivial"):
                port = free_port()
                procs.append(subprocess.Popen([sys.executable, __file__, "--serve", kind, handler_kind, str(port),
                                               database_url, key_file.name]))
                wait_for_port("127.0.0.1", port)
                addresses[kind, handler_kind] = f"127.0.0.1:{port}"
                pids[kind, handler_kind] = procs[-1].pid
        # identical bytes on the wire for both servers: only server-side work differs
        metadata = {kind: [("x-skillfolio-principal", token), ("x-correlation-id", "bench")]
                    for kind in ("chassis", "bare")}
        requests = [roster_pb2.GetPersonRequest(person_id=pid) for pid in ids]
        results = {handler_kind: measure(args, {k: addresses[k, handler_kind] for k in ("chassis", "bare")},
                                         {k: pids[k, handler_kind] for k in ("chassis", "bare")},
                                         metadata, requests, handler_kind) for handler_kind in ("db", "trivial")}
        db, trivial = results["db"], results["trivial"]
        print(json.dumps({
            "bench": "grpc_hop", "value": round(db["p50"]["chassis"], 4), "baseline": round(db["p50"]["bare"], 4),
            "ratio": round(db["p50"]["chassis"] / db["p50"]["bare"], 3), "target": 1.2, "better": "lower",
            "unit": "ms p50 sequential", "latency_ratio": round(db["p50"]["chassis"] / db["p50"]["bare"], 3),
            "throughput_ratio": round(db["rate"]["chassis"] / db["rate"]["bare"], 3), "throughput_target": 0.8,
            "throughput_chassis_per_s": round(db["rate"]["chassis"]), "throughput_bare_per_s": round(db["rate"]["bare"]),
            "trivial_latency_ratio": round(trivial["p50"]["chassis"] / trivial["p50"]["bare"], 3),
            "trivial_overhead_us": round((trivial["p50"]["chassis"] - trivial["p50"]["bare"]) * 1000),
            "trivial_throughput_ratio": round(trivial["rate"]["chassis"] / trivial["rate"]["bare"], 3),
            "server_cpu_us_per_call": {label: {k: round(v) for k, v in r["cpu"].items()}
                                       for label, r in results.items()},
            "rounds": args.rounds, "concurrency": args.concurrency, "handler": handler}))
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=15)
        drop_database(database_url)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--serve":
        run_server(*sys.argv[2:7])
    else:
        main()
