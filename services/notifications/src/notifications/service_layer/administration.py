"""Teachers' approval queue (only students they teach now) and district admins' settings and parked deliveries."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from chassis.access import Viewer
from chassis.calendar import utc_now
from chassis.errors import PermissionDenied
from chassis.paging import query_fingerprint
from notifications.domain import access
from notifications.domain.access import Action
from notifications.domain.preferences import DistrictSettings, updated_district
from notifications.service_layer.feed import next_token, page_request
from notifications.service_layer.intake import IntakePolicy, schedule_email


class AdministrationUseCases:
    def __init__(self, uows: Callable, policy: IntakePolicy, clock: Callable[[], dt.datetime] = utc_now) -> None:
        self.uows, self.policy, self.clock = uows, policy, clock

    def _today(self) -> dt.date:
        from zoneinfo import ZoneInfo
        return self.clock().astimezone(ZoneInfo(self.policy.time_zone)).date()

    def _taught(self, uow, viewer: Viewer) -> set[str]:
        today = self._today()
        return {s for s in uow.notifications.pending_students() if uow.replicas.teaches_now(viewer.subject, s, today)}

    def approvals(self, viewer: Viewer | None, size: int, token: str):
        viewer = access.require(viewer, Action.APPROVE)
        fingerprint = query_fingerprint("approvals", viewer.subject)
        page = page_request(size, token, fingerprint, 50, 200)
        with self.uows() as uow:
            rows = uow.notifications.pending(self._taught(uow, viewer), page.after, page.size)
            shown = rows[:page.size]
            names = uow.replicas.contacts({a.student_id for a in shown})
            if shown:
                uow.audit(viewer, "approvals", sorted({a.student_id for a in shown}))
            uow.commit()
        return shown, names, next_token(rows, page.size, lambda a: (a.created_at.isoformat(), a.id), fingerprint)

    def approve(self, viewer: Viewer | None, ids: list[str] | None) -> int:
        """Approve ``ids`` (None: every pending item of students the viewer teaches now)."""
        viewer = access.require(viewer, Action.APPROVE)
        now = self.clock()
        with self.uows() as uow:
            taught = self._taught(uow, viewer)
            if ids is None:
                items = uow.notifications.pending(taught, None, 100_000)
            else:
                items = uow.notifications.approvals(ids)
                if any(a.student_id not in taught for a in items):
                    raise PermissionDenied("only a teacher who teaches the student now may approve")
            district = uow.settings.district()
            for approval in items:
                for n in uow.notifications.approve(approval.id, viewer.subject, now):
                    prefs = uow.settings.preferences(n.recipient_id)
                    schedule_email(uow, n, prefs, district, now, self.policy.time_zone, self.policy.instant_delay)
                    uow.notifications.set_email(n.id, n.email_mode, n.email_due_at, n.delivery_id)
            uow.commit()
        return len(items)

    def district(self, viewer: Viewer | None) -> DistrictSettings:
        access.require(viewer, Action.MANAGE_DISTRICT)
        with self.uows() as uow:
            return uow.settings.district()

    def update_district(self, viewer: Viewer | None, defaults: dict[str, str], changes: dict,
                        overrides: dict[str, bool], cleared: list[str]) -> DistrictSettings:
        access.require(viewer, Action.MANAGE_DISTRICT)
        with self.uows() as uow:
            settings = updated_district(uow.settings.district(), defaults, changes, overrides, cleared)
            uow.settings.save_district(settings)
            uow.commit()
        return settings

    def parked(self, viewer: Viewer | None, size: int, token: str):
        access.require(viewer, Action.MANAGE_DISTRICT)
        fingerprint = query_fingerprint("parked")
        page = page_request(size, token, fingerprint, 50, 500)
        with self.uows() as uow:
            rows = uow.deliveries.parked(page.after, page.size)
            shown = rows[:page.size]
            names = uow.replicas.contacts({d.recipient_id for d in shown})
        return shown, names, next_token(rows, page.size, lambda d: (d.finished_at.isoformat(), d.id), fingerprint)

    def resend(self, viewer: Viewer | None, ids: list[str]) -> int:
        access.require(viewer, Action.MANAGE_DISTRICT)
        now, queued = self.clock(), 0
        with self.uows() as uow:
            for delivery_id in sorted(set(ids)):
                d = uow.deliveries.get(delivery_id, lock=True)
                if d is not None and d.status == "parked":
                    d.status, d.attempts, d.due_at, d.finished_at, d.lease_until = "queued", 0, now, None, None
                    uow.deliveries.save(d)
                    queued += 1
            uow.commit()
        return queued
