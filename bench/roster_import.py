"""Benchmark: OneRoster bulk import of a JCPS-sized synthetic district into a fresh, migrated PostgreSQL database.

Measures the import as a subprocess (`skillfolio roster import`, wall time and peak RSS from os.wait4), a no-change
re-import, and the baseline: parsing the same files with Python's csv module alone (median of 3), in the same run.
Generated files are cached under bench/out/ keyed by their parameters. Prints ONE final JSON line.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import pathlib
import statistics
import subprocess
import sys
import time

from sqlalchemy import create_engine, func, select

from chassis.migrations import upgrade
from chassis.testing import infra
from roster.adapters import orm
from roster.importer.synthetic import DistrictSpec, generate_district
from roster.migrations import MIGRATIONS_DIR

OUT = pathlib.Path(__file__).resolve().parent / "out"
TARGET_SECONDS = 120
GENERATOR_VERSION = 1   # bump when synthetic.py changes what it writes


def district(spec: DistrictSpec) -> tuple[pathlib.Path, dict]:
    folder = OUT / (f"roster_district_v{GENERATOR_VERSION}_st{spec.students}_sch{spec.schools}_t{spec.teachers}"
                    f"_seed{spec.seed}")
    marker = folder / "counts.json"
    if not marker.exists():
        print(f"generating {folder.name} ...", file=sys.stderr)
        counts = generate_district(folder, spec)
        marker.write_text(json.dumps(counts))
    return folder, json.loads(marker.read_text())


def parse_only(folder: pathlib.Path) -> float:
    started = time.perf_counter()
    for file in sorted(folder.glob("*.csv")):
        with open(file, newline="", encoding="utf-8-sig") as handle:
            for _ in csv.reader(handle):
                pass
    return time.perf_counter() - started


def run_import(folder: pathlib.Path, database_url: str) -> dict:
    env = {**os.environ, "ROSTER_DATABASE_URL": database_url, "SKILLFOLIO_LOG_LEVEL": "WARNING"}
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "skillfolio_cli.main", "roster", "import", str(folder),
                                "--no-progress"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    output = process.stdout.read().decode() + process.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"import failed:\n{output}")
    return {"wall_s": round(wall, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
            "peak_rss_mb": round(usage.ru_maxrss / 1024, 1), "output": output}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--students", type=int, default=96_000)
    parser.add_argument("--schools", type=int, default=150)
    parser.add_argument("--teachers", type=int, default=6_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    folder, generated = district(DistrictSpec(args.students, args.schools, args.teachers, args.seed))
    baseline = statistics.median(parse_only(folder) for _ in range(3))
    url = infra.create_database(os.environ.get("TEST_PG_URL", infra.PG_ADMIN_URL), prefix="bench_roster")
    try:
        upgrade(MIGRATIONS_DIR, url)
        first = run_import(folder, url)
        again = run_import(folder, url)
        engine = create_engine(url)
        with engine.connect() as conn:
            rows = {t: conn.execute(select(func.count()).select_from(orm.metadata.tables[t])).scalar_one()
                    for t in ("people", "person_roles", "sections", "enrollments", "guardianships", "outbox")}
        engine.dispose()
    finally:
        infra.drop_database(url, os.environ.get("TEST_PG_URL", infra.PG_ADMIN_URL))
    if "unchanged" not in again["output"]:
        raise SystemExit(f"re-import was expected to change nothing:\n{again['output']}")
    print(first["output"], file=sys.stderr)
    print(json.dumps({
        "bench": "roster_import", "value": first["wall_s"], "baseline": round(baseline, 2),
        "ratio": round(first["wall_s"] / baseline, 2), "target": TARGET_SECONDS, "better": "lower",
        "wall_s": first["wall_s"], "cpu_s": first["cpu_s"], "peak_rss_mb": first["peak_rss_mb"],
        "peak_rss_target_mb": 1024, "reimport_wall_s": again["wall_s"], "reimport_peak_rss_mb": again["peak_rss_mb"],
        "rows_in_files": generated, "rows_in_db": rows, "events": rows["outbox"],
        "load_avg_1m": round(os.getloadavg()[0], 2), "runs": 1, "baseline_runs": 3,
    }))


if __name__ == "__main__":
    main()
