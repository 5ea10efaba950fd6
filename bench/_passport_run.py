"""One measured run of the passport benchmark, in its own process (so its peak RSS is its own): ``export`` runs
`skillfolio passport export` (a download from the gateway, which builds the archive) in-process (timed from after the CLI's import); ``zip`` writes the same media files into a zip with Python's zipfile (the
baseline). Prints one JSON line: seconds, peak RSS in MB, archive bytes."""
from __future__ import annotations

import json
import pathlib
import resource
import sys
import time
import zipfile


def main() -> None:
    mode, out = sys.argv[1], pathlib.Path(sys.argv[2])
    if mode == "export":
        from skillfolio_cli.main import app  # the CLI's own start-up is not the export's work
    began = time.perf_counter()
    if mode == "export":
        app(["passport", "export", sys.argv[3], "--out", str(out), "--url", sys.argv[4], "--quiet"],
            standalone_mode=False)            # the bearer token comes in SKILLFOLIO_API_TOKEN
    else:
        with zipfile.ZipFile(out, "w") as archive:
            for number, name in enumerate(pathlib.Path(sys.argv[3]).read_text().split()):
                archive.write(name, arcname=f"media/{number}/original")
    seconds = time.perf_counter() - began
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_rss_mb": round(rss_mb, 1), "bytes": out.stat().st_size}))


if __name__ == "__main__":
    main()
