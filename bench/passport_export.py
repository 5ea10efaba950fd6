"""Bench: a student's passport export (issue 13 §8) against zipping the same media files with Python's zipfile.

One student with 13 school years x 40 artifacts (520), each with a ready media file of random bytes (2 MB by default:
about 1 GB in all) in the embedded filesystem store, two reflection revisions, a feedback and two comments each.
The roster, artifacts and reflections APIs and the gateway run as `skillfolio run ...` subprocesses over fresh
PostgreSQL databases; the export is `skillfolio passport export` in its own process, downloading the streamed zip
from the gateway (which builds it: its peak RSS, VmHWM, is the export's; the CLI's is reported too) with the
student's bearer token (minted by the gateway's own code); the baseline writes the same files into a zip with
zipfile (stored, as the export stores media) in its own process. They alternate, --rounds each; medians reported.
Targets: wall-time ratio <= 1.5 and the export's peak RSS <= 256 MB.
Usage: .venv/bin/python bench/passport_export.py [--years 13] [--per-year 40] [--file-mb 2] [--rounds 3]
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from _passport_seed import seed  # noqa: E402
from _stack import CLI, Stack, bearer_token, session_store_env, wait_http  # noqa: E402

from chassis.grpc.principal import generate_keypair  # noqa: E402
from chassis.media.stores import blob_store_from_settings  # noqa: E402
from chassis.migrations import upgrade  # noqa: E402
from chassis.testing import infra  # noqa: E402

ARGS = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ARGS.add_argument("--years", type=int, default=13)
ARGS.add_argument("--per-year", type=int, default=40)
ARGS.add_argument("--file-mb", type=float, default=2.0)
ARGS.add_argument("--rounds", type=int, default=3)
SERVICES = ("roster", "artifacts", "reflections")
RUNNER = str(pathlib.Path(__file__).resolve().parent / "_passport_run.py")


def measured(env: dict, *argv: str) -> dict:
    done = subprocess.run([sys.executable, RUNNER, *argv], env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{argv[0]} failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def peak_rss_mb(pid: int) -> float:
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def main() -> None:
    args = ARGS.parse_args()
    from artifacts.migrations import MIGRATIONS_DIR as ARTIFACTS
    from chassis.config import PlatformSettings
    from reflections.migrations import MIGRATIONS_DIR as REFLECTIONS
    from roster.migrations import MIGRATIONS_DIR as ROSTER
    work = pathlib.Path(tempfile.mkdtemp(prefix="bench_passport_"))
    urls = {name: infra.create_database(prefix=f"bench_passport_{name}") for name in SERVICES}
    private_pem, public_pem = generate_keypair()
    secret = secrets.token_urlsafe(32)
    ports = {name: infra.free_port() for name in SERVICES}
    gateway_port, session_secret = infra.free_port(), secrets.token_urlsafe(40)
    sessions = work / "sessions.db"
    env = {**os.environ, "SKILLFOLIO_PRINCIPAL_PUBLIC_KEY": public_pem, "SKILLFOLIO_PRINCIPAL_PRIVATE_KEY": private_pem,
           "SKILLFOLIO_MEDIA_URL_SECRET": secret, "SKILLFOLIO_VAR_DIR": str(work / "var"), "SKILLFOLIO_S3_ENDPOINT": "",
           "SKILLFOLIO_LOG_LEVEL": "WARNING", "PYTHONUNBUFFERED": "1",
           **{f"{n.upper()}_DATABASE_URL": urls[n] for n in SERVICES},
           **{f"{n.upper()}_GRPC_PORT": str(ports[n]) for n in SERVICES},
           **{f"{n.upper()}_METRICS_PORT": "0" for n in SERVICES},
           **{f"GATEWAY_{n.upper()}_TARGET": f"127.0.0.1:{ports[n]}" for n in SERVICES},
           "GATEWAY_SKILLS_TARGET": f"127.0.0.1:{infra.free_port()}", "GATEWAY_PORT": str(gateway_port),
           "GATEWAY_METRICS_PORT": "0", "GATEWAY_SESSION_SECRET": session_secret, **session_store_env(sessions)}
    stack = Stack()
    try:
        for name, migrations in (("roster", ROSTER), ("artifacts", ARTIFACTS), ("reflections", REFLECTIONS)):
            upgrade(migrations, urls[name])
        store = blob_store_from_settings(PlatformSettings(var_dir=work / "var", s3_endpoint="",
                                                          media_url_secret=secret), url_secret=secret.encode())
        seeded = seed(urls["roster"], urls["artifacts"], urls["reflections"], store, args.years, args.per_year,
                      int(args.file_mb * 1024 * 1024))
        listing = work / "files.txt"
        listing.write_text("\n".join(seeded.files))
        for name in SERVICES:
            stack.start(f"passport-{name}-api", CLI + ["run", name, "api"], env, ports[name])
        gateway = stack.start("passport-gateway", CLI + ["run", "gateway"], env, gateway_port)
        url = f"http://127.0.0.1:{gateway_port}"
        wait_http(f"{url}/healthz", gateway)
        env["SKILLFOLIO_API_TOKEN"] = bearer_token(seeded.student_id, session_secret, sessions,
                                                   name="Bea Bench")
        runs: dict[str, list[dict]] = {"export": [], "zip": []}
        for round_ in range(args.rounds):
            for mode in (("zip", "export") if round_ % 2 == 0 else ("export", "zip")):
                out = work / f"{mode}.zip"
                argv = (str(listing),) if mode == "zip" else (seeded.student_id, url)
                runs[mode].append(measured(env, mode, str(out), *argv))
                out.unlink()
        gateway_rss = peak_rss_mb(gateway.pid)
    finally:
        stack.stop()
        for url in urls.values():
            infra.drop_database(url)
        shutil.rmtree(work, ignore_errors=True)
    export_s = statistics.median(r["seconds"] for r in runs["export"])
    zip_s = statistics.median(r["seconds"] for r in runs["zip"])
    rss = gateway_rss
    print(json.dumps({
        "bench": "passport_export", "value": round(export_s, 2), "baseline": round(zip_s, 2),
        "ratio": round(export_s / zip_s, 2), "target": 1.5, "better": "lower", "unit": "seconds (median)",
        "peak_rss_mb": rss, "rss_target_mb": 256, "rss_of": "the gateway process (VmHWM, start-up included)",
        "cli_peak_rss_mb": max(r["peak_rss_mb"] for r in runs["export"]), "baseline_peak_rss_mb": max(r["peak_rss_mb"] for r in runs["zip"]),
        "meets_targets": {"ratio": export_s / zip_s <= 1.5, "rss": rss <= 256},
        "artifacts": args.years * args.per_year, "media_mb": round(seeded.media_bytes / 1048576, 1),
        "archive_mb": round(statistics.median(r["bytes"] for r in runs["export"]) / 1048576, 1),
        "rounds": {"export_s": [round(r["seconds"], 2) for r in runs["export"]],
                   "zip_s": [round(r["seconds"], 2) for r in runs["zip"]]},
        "what": "export: `skillfolio passport export` downloading POST /api/v1/students/{id}/passport from the "
                "gateway (roster ExportPerson, artifacts ExportPortfolio and reflections ExportStudentRecords over "
                "gRPC; media read from the embedded store; the zip streamed) to a file, timed in its own process "
                "after its imports; baseline: zipfile.ZipFile.write of the same files (stored), its own process",
        "load_avg_1m": round(os.getloadavg()[0], 2), "cpu_count": len(os.sched_getaffinity(0)),
    }))


if __name__ == "__main__":
    main()
