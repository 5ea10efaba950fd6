"""The notifications service's records as plain values: a notification (one feed line, and how its email goes), a
held approval and a delivery (one email)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass
class Notification:
    id: str
    recipient_id: str
    student_id: str
    kind: str
    category: str
    actor_id: str
    created_at: dt.datetime
    subject_id: str = ""
    title: str = ""
    user_text: str = ""
    outcome: str = ""
    link: str = ""
    count: int = 1
    updated_at: dt.datetime | None = None
    read: bool = False
    held_by: str = ""
    email_mode: str = "none"          # instant | daily | weekly | none
    email_due_at: dt.datetime | None = None
    delivery_id: str | None = None


@dataclass
class Approval:
    id: str
    student_id: str
    kind: str
    subject_id: str
    created_at: dt.datetime
    title: str = ""
    link: str = ""
    approved_by: str = ""
    approved_at: dt.datetime | None = None


@dataclass
class Delivery:
    id: str
    recipient_id: str
    kind: str                         # instant | daily | weekly
    period_key: str
    status: str                       # queued | sent | parked | suppressed
    due_at: dt.datetime
    created_at: dt.datetime
    category: str = ""
    attempts: int = 0
    last_error: str = ""
    message_id: str = ""
    lease_until: dt.datetime | None = None
    finished_at: dt.datetime | None = None
