"""Benchmark of the nightly digest: render and send one digest per guardian into a real aiosmtpd sink.

Each guardian has 1-5 notifications (about children 1-3, English or Spanish, several time zones). Per chunk of
guardians, in the same run and over one SMTP connection each:
  ours:     render_digest + SmtpSession.send (the package's whole path from views to the wire);
  baseline: raw smtplib ``sendmail`` of the same messages pre-rendered to bytes (rendering not timed).
The sink (aiosmtpd in its own process, counting; ``--maildir`` stores into MailSink's Maildir instead) must count
every message of both paths. Targets: the whole run (ours) <= 300 s for 150,000 guardians, and ratio ours/raw <= 2.
``--guardians 2000 --runs 3`` is the quick check (median of runs). Prints ONE final JSON line.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import pathlib
import random
import shutil
import smtplib
import statistics
import subprocess
import sys
import tempfile
import time

from notifications.mail import (
    NotificationView,
    Recipient,
    SenderIdentity,
    SmtpSettings,
    SmtpTransport,
    UnsubscribeTokens,
    render_digest,
)
from notifications.mail.message import to_bytes

from chassis.testing.infra import free_port, wait_for_port

TARGET_RATIO, TARGET_SECONDS, FULL_SIZE = 2.0, 300, 150_000
KINDS = [("artifact_added", "new_work"), ("reflection_added", "reflections_feedback"),
         ("feedback_given", "reflections_feedback"), ("assessment_recorded", "assessments"),
         ("comment_added", "comments"), ("goal_achieved", "goals_milestones")]
ZONES = ["America/Kentucky/Louisville", "America/Chicago", "America/Los_Angeles", "America/New_York"]
NAMES = ["Ana", "Luis", "Sofía", "Mateo", "Olivia", "Liam", "Zoë", "Noah", "Emma", "José"]
SENDER = SenderIdentity("Jefferson County Public Schools", "noreply@jcps.example.org",
                        "https://skillfolio.jcps.example.org", "unsubscribe@jcps.example.org")
TOKENS = UnsubscribeTokens(b"bench-secret-0123456789abcdef")


def serve_sink(port: int, maildir: str | None) -> None:
    """The sink process: count (or store) every message; print the count when stdin closes."""
    from aiosmtpd.controller import Controller
    from notifications.mail import Mailbox, MailSink

    class Counting:
        count = 0

        async def handle_DATA(self, server, session, envelope):
            Counting.count += 1
            return "250 OK"

    sink = MailSink(maildir, port=port) if maildir else Controller(Counting(), hostname="127.0.0.1", port=port)
    sink.start()
    print("ready", flush=True)
    sys.stdin.read()
    sink.stop()
    print(Mailbox(maildir).count() if maildir else Counting.count, flush=True)


def guardians(start: int, count: int, seed: int):
    """(recipient, groups, unsubscribe URL) per guardian: 1-5 notifications about 1-3 children."""
    occurred = dt.datetime(2026, 12, 5, 14, 0, tzinfo=dt.UTC)
    for g in range(start, start + count):
        rnd = random.Random(seed * 1_000_003 + g)
        person = f"g-{g}"
        recipient = Recipient(person, f"guardian{g}@example.org", f"Guardian {g}",
                              "es" if rnd.random() < 0.3 else "en", rnd.choice(ZONES))
        children = rnd.sample(NAMES, rnd.choice((1, 1, 1, 2, 2, 3)))
        groups: dict[str, list[NotificationView]] = {}
        for n in range(rnd.randint(1, 5)):
            child = children[n % len(children)]
            kind, category = rnd.choice(KINDS)
            groups.setdefault(child, []).append(NotificationView(
                f"n-{g}-{n}", category, kind, child, rnd.choice(("Mr. Okafor", "Ms. Ruiz", child)),
                rnd.choice((1, 1, 1, 2, 5)), rnd.choice((None, "Volcano model", "My poem about the river")),
                "Great progress — keep it up!\nSee the rubric." if kind in ("comment_added", "feedback_given")
                else None, None, occurred - dt.timedelta(minutes=rnd.randint(0, 600)),
                f"https://skillfolio.jcps.example.org/artifacts/a-{g}-{n}"))
        url = f"{SENDER.base_url}/notifications/unsubscribe/{TOKENS.make(person, 'new_work')}"
        yield recipient, list(groups.items()), url


def run(total: int, chunk: int, seed: int, maildir: bool) -> tuple[float, float, int]:
    """One run: (ours seconds, raw seconds, messages the sink counted)."""
    port = free_port()
    if maildir:
        pathlib.Path("var/bench").mkdir(parents=True, exist_ok=True)
    folder = tempfile.mkdtemp(prefix="digest-sink-", dir="var/bench") if maildir else None
    sink = subprocess.Popen([sys.executable, __file__, "--serve-sink", str(port)] + (["--sink-dir", folder]
                            if maildir else []), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert sink.stdout.readline().strip() == "ready"
        wait_for_port("127.0.0.1", port)
        ours = raw = 0.0
        raw_smtp = smtplib.SMTP("127.0.0.1", port, timeout=60)
        with SmtpTransport(SmtpSettings(port=port, timeout=60)).session() as session:
            for start in range(0, total, chunk):
                batch = list(guardians(start, min(chunk, total - start), seed))
                began = time.perf_counter()
                for recipient, groups, url in batch:
                    session.send(render_digest("daily", f"2026-12-05.{recipient.person_id}", recipient, groups,
                                               SENDER, url))
                ours += time.perf_counter() - began
                wire = [(r.email, to_bytes(render_digest("daily", f"2026-12-05.{r.person_id}", r, groups, SENDER,
                                                         url))) for r, groups, url in batch]
                began = time.perf_counter()
                for address, data in wire:
                    raw_smtp.sendmail(SENDER.from_address, [address], data)
                raw += time.perf_counter() - began
                print(f"  {start + len(batch)}/{total}: ours {ours:.1f}s raw {raw:.1f}s", file=sys.stderr)
        raw_smtp.quit()
        sink.stdin.close()
        received = int(sink.stdout.readline())
        sink.wait(timeout=120)
        return ours, raw, received
    finally:
        if sink.poll() is None:
            sink.kill()
        if folder:
            shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guardians", type=int, default=FULL_SIZE)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--chunk", type=int, default=5000)
    parser.add_argument("--maildir", action="store_true", help="store into MailSink's Maildir instead of counting")
    parser.add_argument("--serve-sink", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--sink-dir", help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    if args.serve_sink:
        return serve_sink(args.serve_sink, args.sink_dir)
    results = []
    for n in range(args.runs):
        ours, raw, received = run(args.guardians, args.chunk, args.seed + n, args.maildir)
        assert received == 2 * args.guardians, f"the sink counted {received}, expected {2 * args.guardians}"
        results.append((ours, raw))
        print(f"run {n + 1}: ours {ours:.2f}s, raw smtplib {raw:.2f}s, ratio {ours / raw:.2f}", file=sys.stderr)
    ours, raw = statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)
    print(json.dumps({
        "bench": "digest_run", "value": round(ours, 2), "baseline": round(raw, 2), "ratio": round(ours / raw, 3),
        "target": TARGET_RATIO, "better": "lower", "messages": args.guardians, "runs": args.runs,
        "seconds_target": TARGET_SECONDS if args.guardians == FULL_SIZE else None,
        "digests_per_s": round(args.guardians / ours, 1), "raw_msgs_per_s": round(args.guardians / raw, 1),
        "sink": "maildir" if args.maildir else "aiosmtpd-counting", "connections": 1}))


if __name__ == "__main__":
    main()
