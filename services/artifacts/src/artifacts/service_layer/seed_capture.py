"""The demo's class capture (`skillfolio seed`, `up`): the demo teacher adds one photo of the class mural to every
student of one of their classes at once (the roster seed's ``capture_class``), through the capture use case (one
upload, completed; the media role checks it once when `up` runs it), so the demo teacher's capture page shows it.
Once: skipped when the teacher already has a capture in that section."""
from __future__ import annotations

import datetime as dt
import io

from artifacts.bootstrap import build
from artifacts.demo.media import photo_jpeg
from artifacts.domain.capture import Recipient
from artifacts.domain.model import VersionInput
from artifacts.service_layer.capture import NewCapture
from artifacts.service_layer.subscriptions import SUBSCRIPTIONS
from chassis.access import Viewer
from chassis.config import service_settings
from chassis.demo_seed import SEED_HOUR, DemoClass, SeedClock
from chassis.events import Envelope
from chassis.messaging.subscriptions import feed_before_workers

TITLE = "Class mural: our community"


def seed_capture(demo_class: DemoClass | None, roster_events: list[Envelope], skill_ids: dict[str, str],
                 today: dt.date) -> int:
    """One class capture for the class's students enrolled today; how many students got it (0: done before, or
    nothing to capture for)."""
    if demo_class is None or not skill_ids:
        return 0
    clock = SeedClock()
    clock.moment = dt.datetime.combine(today, SEED_HOUR)
    app = build(service_settings("artifacts"), clock=clock)
    try:
        teacher = Viewer.of(demo_class.teacher_id, ["teacher"])
        feed_before_workers(app.unit_of_work, SUBSCRIPTIONS, roster_events, "artifacts")
        with app.unit_of_work() as uow:
            if uow.media_objects.recent(demo_class.section_id, teacher.subject, 1):
                return 0
            enrolled = set(uow.replicas.students_now(demo_class.section_id, clock.moment.date()))
        students = [s for s in demo_class.student_ids if s in enrolled]
        if not students:
            return 0
        photo = photo_jpeg(TITLE, "Painted together by the whole class", "#9fd3f0", "#7fbf6a",
                           ["#e4572e", "#f3a712", "#29335c", "#669bbc"])
        codes = sorted(skill_ids)
        submitted = app.capture.create(teacher, NewCapture(
            section_id=demo_class.section_id, title=TITLE,
            description="Every student painted a part of the mural; here is the whole wall.", kind="image",
            skill_ids=[skill_ids[codes[0]], skill_ids[codes[-1]]],
            content=VersionInput(file_name="class-mural.jpg", size_bytes=len(photo), content_type="image/jpeg"),
            recipients=[Recipient(s, "Painted the sun." if i == 0 else "") for i, s in enumerate(students)]))
        app.media.store.put(submitted.upload.key, io.BytesIO(photo), len(photo), "image/jpeg")
        app.capture.complete_upload(teacher, submitted.capture.id, [])
        return len(students)
    finally:
        app.close()
