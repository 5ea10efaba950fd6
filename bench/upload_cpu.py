"""Bench: the CPU the gateway and the artifacts processes spend on one upload must not grow with the file's size.

Runs moto's S3 server, the artifacts API, events role (outbox relay) and media worker role, and the gateway as
subprocesses (SKILLFOLIO_S3_ENDPOINT set, fresh database and RabbitMQ vhost). Each upload is the full REST flow of a
student adding a video to their own portfolio: POST the artifact with its file -> send the bytes straight to the
store as the UploadTarget says (S3 POST policy form; presigned part PUTs above the multipart threshold) -> POST
complete -> wait until the media worker marked it ready or rejected (the bench polls the database, not the gateway,
so waiting costs the measured processes nothing) -> GET it once through the gateway. CPU = user + system seconds
(process CPU clocks, descendants included) of gateway + artifacts API + events + media worker, delta around each
upload; moto's own CPU is the store's and excluded.
Files: a valid MP4 header (ftyp box) padded to 10 KB and to 100 MB; median of 5 each, interleaved after one warm-up
upload of each. ratio = cpu(100 MB) / cpu(10 KB), target <= 1.5. The processes' idle CPU (relay polls, heartbeats)
runs on during a slower upload; it is measured and an idle-corrected ratio reported beside the raw one.
Usage: .venv/bin/python bench/upload_cpu.py [--runs 5] [--big-mb 100] [--small-kb 10]
"""
from __future__ import annotations

import argparse
import json
import pathlib
import secrets
import statistics
import sys
import time

import httpx
from sqlalchemy import create_engine, text

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from _stack import Stack, bearer_token, platform_env, start_gateway, start_media_roles, start_s3  # noqa: E402

from chassis.grpc.principal import generate_keypair  # noqa: E402
from chassis.testing import infra  # noqa: E402

SESSIONS = pathlib.Path("var/bench/upload_cpu-sessions.db")   # the gateway's session store (bearer tokens)
ARGS = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ARGS.add_argument("--runs", type=int, default=5)
ARGS.add_argument("--big-mb", type=int, default=100)
ARGS.add_argument("--small-kb", type=int, default=10)
ARGS.add_argument("--timeout", type=float, default=180.0, help="seconds to wait for one upload's verdict")
MP4_HEAD = b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41"   # ISO base media file type box


def mp4(size: int) -> bytes:
    """A file that sniffs as video/mp4: an ftyp box, then zero padding (an mdat-less but well-formed head)."""
    return MP4_HEAD + bytes(size - len(MP4_HEAD))


def send_bytes(upload: dict, payload: bytes) -> list[str]:
    """Send the file to the store as the UploadTarget says (PUT, POST form or multipart parts); the parts'
    ETags for a multipart upload."""
    with httpx.Client(timeout=300) as store:
        if upload["method"] == "MULTIPART":
            size, etags = upload["part_size"], []
            for number, url in enumerate(upload["part_urls"]):
                reply = store.put(url, content=payload[number * size:(number + 1) * size]).raise_for_status()
                etags.append(reply.headers["ETag"])
            return etags
        if upload["method"] == "PUT":
            store.put(upload["url"], content=payload, headers=upload["headers"]).raise_for_status()
            return []
        if upload["method"] == "POST":        # the S3 POST policy form: its fields first, the file last
            store.post(upload["url"], data=upload["fields"],
                       files={"file": ("science-fair.mp4", payload, "video/mp4")}).raise_for_status()
            return []
        raise SystemExit(f"unexpected upload method {upload['method']!r}")


def wait_for_verdict(engine, artifact_id: str, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    with engine.connect() as conn:
        while time.monotonic() < deadline:
            status = conn.execute(text("SELECT status FROM artifacts WHERE id = :id"), {"id": artifact_id}).scalar()
            conn.rollback()
            if status in ("ready", "rejected"):
                return status
            time.sleep(0.05)
    raise SystemExit(f"artifact {artifact_id} got no verdict within {timeout:.0f} s (logs: var/bench/)")


def idle_rate(measured: dict, seconds: float) -> float:
    """CPU seconds per second the measured processes spend with nothing to do (polls, heartbeats)."""
    before = sum(proc.cpu() for proc in measured.values())
    time.sleep(seconds)
    return (sum(proc.cpu() for proc in measured.values()) - before) / seconds


def upload(api: httpx.Client, engine, student_id: str, payload: bytes, timeout: float) -> dict:
    """One full upload through the REST API; returns the verdict, method and wall time."""
    started = time.perf_counter()
    created = api.post(f"/api/v1/students/{student_id}/artifacts", json={
        "title": "My science fair video", "description": "Bench upload", "kind": "video",
        "skill_ids": ["bench-skill-communication"],
        "file": {"name": "science-fair.mp4", "content_type": "video/mp4", "size_bytes": len(payload)}})
    if created.status_code != 201:
        raise SystemExit(f"create refused: {created.status_code} {created.text}")
    artifact, target = created.json()["artifact"], created.json()["upload"]
    etags = send_bytes(target, payload)
    completed = api.post(f"/api/v1/artifacts/{artifact['id']}/versions/{artifact['current_version']}/complete",
                         json={"part_etags": etags})
    if completed.status_code != 200:
        raise SystemExit(f"complete refused: {completed.status_code} {completed.text}")
    verdict = wait_for_verdict(engine, artifact["id"], timeout)
    final = api.get(f"/api/v1/artifacts/{artifact['id']}").raise_for_status().json()
    return {"verdict": verdict, "status": final["status"], "reason": final.get("rejection_reason", ""),
            "method": target["method"], "parts": len(etags), "wall_s": time.perf_counter() - started}


def main() -> None:
    args = ARGS.parse_args()
    from artifacts.migrations import MIGRATIONS_DIR
    from chassis.migrations import upgrade
    database_url = infra.create_database(prefix="bench_upload_cpu")
    amqp_url = infra.create_vhost(prefix="bench_upload_cpu")
    stack = Stack()
    engine = create_engine(database_url)
    try:
        upgrade(MIGRATIONS_DIR, database_url)
        student_id, school_id = "bench-student-1", "bench-school-1"
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO people (person_id, roles, primary_school_id, active) "
                              "VALUES (:p, 'student', :s, true)"), {"p": student_id, "s": school_id})
        private_pem, public_pem = generate_keypair()
        session_secret = secrets.token_urlsafe(40)
        stack.env = {**platform_env(database_url, public_pem, private_pem), "SKILLFOLIO_AMQP_URL": amqp_url}
        stack.env.update(start_s3(stack))
        api_proc, events, media = start_media_roles(stack, amqp_url)
        gateway = start_gateway(stack, api_proc.port, session_secret, SESSIONS)
        measured = {"gateway": gateway, "artifacts_api": api_proc, "artifacts_events": events, "media_worker": media}
        token = bearer_token(student_id, session_secret, SESSIONS)
        payloads = {"small": mp4(args.small_kb * 1024), "big": mp4(args.big_mb * 1024 * 1024)}
        cpu = {size: [] for size in payloads}
        corrected = {size: [] for size in payloads}
        parts = {size: [] for size in payloads}
        runs: dict = {size: [] for size in payloads}
        with httpx.Client(base_url=f"http://127.0.0.1:{gateway.port}", timeout=120,
                          headers={"Authorization": f"Bearer {token}"}) as api:
            for size, payload in payloads.items():      # warm-up: imports, connections, queues
                print(f"warm-up {size}: {upload(api, engine, student_id, payload, args.timeout)}", file=sys.stderr)
            time.sleep(2)
            idle = idle_rate(measured, 5.0)
            for run in range(args.runs):
                for size in (("small", "big") if run % 2 == 0 else ("big", "small")):
                    before, started = {name: proc.cpu() for name, proc in measured.items()}, time.perf_counter()
                    result = upload(api, engine, student_id, payloads[size], args.timeout)
                    time.sleep(0.5)       # let the worker's and relay's follow-up work (acks, outbox marks) land
                    spent = {name: proc.cpu() - before[name] for name, proc in measured.items()}
                    cpu[size].append(sum(spent.values()))
                    corrected[size].append(sum(spent.values()) - idle * (time.perf_counter() - started))
                    parts[size].append(spent)
                    runs[size].append(result)
                    print(f"run {run} {size}: cpu {sum(spent.values()):.3f} s "
                          f"{ {k: round(v, 3) for k, v in spent.items()} } {result}", file=sys.stderr)
        idle_after = idle_rate(measured, 5.0)
        for proc in stack.procs:
            proc.check_alive()
    finally:
        engine.dispose()
        stack.stop()
        infra.drop_database(database_url)
        infra.delete_vhost(amqp_url)
    small, big = statistics.median(cpu["small"]), statistics.median(cpu["big"])
    verdicts = {size: sorted({r["status"] for r in results}) for size, results in runs.items()}
    print(json.dumps({
        "bench": "upload_cpu", "value": round(big, 4), "baseline": round(small, 4), "ratio": round(big / small, 3),
        "target": 1.5, "better": "lower", "unit": "CPU seconds per upload (gateway + artifacts api/events/media)",
        "big_bytes": len(payloads["big"]), "small_bytes": len(payloads["small"]),
        "cpu_s_runs": {size: [round(v, 4) for v in values] for size, values in cpu.items()},
        "cpu_s_median_by_process": {size: {name: round(statistics.median(p[name] for p in parts[size]), 4)
                                           for name in measured} for size in parts},
        "wall_s_median": {size: round(statistics.median(r["wall_s"] for r in results), 2)
                          for size, results in runs.items()},
        "upload_method": {size: runs[size][0]["method"] for size in runs},
        "parts": {size: runs[size][0]["parts"] for size in runs},
        "verdicts": verdicts, "idle_cpu_s_per_s": {"before_runs": round(idle, 4), "after_runs": round(idle_after, 4)},
        "idle_corrected_cpu_s": {size: round(statistics.median(values), 4) for size, values in corrected.items()},
        "idle_corrected_ratio": round(statistics.median(corrected["big"]) / statistics.median(corrected["small"]), 3),
        "runs": args.runs, "excluded": "moto S3 server (the store) and this client",
        "flow": "REST create with file -> presigned POST form / multipart parts to S3 -> REST complete -> "
                "media worker verdict (polled in the database) -> REST GET",
    }))


if __name__ == "__main__":
    main()
