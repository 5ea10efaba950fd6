"""What the mail package renders: a notification as the recipient will read it, the recipient and the district's
sender identity (plain values, filled by the notifications core from its records and settings)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

# The preference categories (ISSUE 11 §1); "critical" cannot be muted.
CATEGORIES = ("new_work", "reflections_feedback", "assessments", "comments", "goals_milestones", "critical")
MUTABLE_CATEGORIES = CATEGORIES[:-1]
# The kinds this package has sentences for; another kind renders with a generic sentence.
KINDS = ("artifact_added", "reflection_added", "feedback_given", "assessment_recorded", "comment_added",
         "goal_achieved", "milestone_scheduled", "milestone_rescheduled", "milestone_completed", "panel_invited",
         "point_of_progress_completed", "rights_passed")
PERIODS = ("daily", "weekly")

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}\Z")


def require(condition: bool, field: str, problem: str) -> None:
    """Raise ``ValueError`` naming ``field`` unless ``condition`` holds."""
    if not condition:
        raise ValueError(f"{field}: {problem}")


def require_id(value: str, field: str) -> None:
    """Ids go into Message-ID headers: letters, digits, '.', '_' and '-' only."""
    require(isinstance(value, str) and bool(_ID.match(value)), field,
            f"must be 1-128 letters, digits, '.', '_' or '-' (got {value!r})")


@dataclass(frozen=True)
class NotificationView:
    """One notification, as its recipient reads it. ``user_text`` (a comment) and ``title`` are shown as written."""
    notification_id: str
    category: str
    kind: str
    child_first_name: str
    actor_name: str
    count: int
    title: str | None
    user_text: str | None
    outcome: str | None
    occurred_at: datetime
    link: str

    def __post_init__(self) -> None:
        require_id(self.notification_id, "notification_id")
        require(self.category in CATEGORIES, "category", f"must be one of {', '.join(CATEGORIES)}")
        require(isinstance(self.count, int) and self.count >= 1, "count", "must be a whole number >= 1")
        require(self.occurred_at.tzinfo is not None, "occurred_at", "must be timezone-aware")
        require(self.link.startswith(("https://", "http://")), "link", "must be an absolute http(s) URL")


@dataclass(frozen=True)
class Recipient:
    person_id: str
    email: str
    display_name: str
    language: str
    time_zone: str


@dataclass(frozen=True)
class SenderIdentity:
    """The district's sender: ``from_name`` is what families see in their inbox."""
    from_name: str
    from_address: str
    base_url: str
    list_unsubscribe_mailto: str | None = None
    preferences_url: str | None = None       # the preferences page; defaults to base_url + "/notifications/preferences"

    def __post_init__(self) -> None:
        require("@" in self.from_address, "from_address", "must be an email address")
        require(self.base_url.startswith(("https://", "http://")), "base_url", "must be an absolute http(s) URL")

    @property
    def domain(self) -> str:
        """The right-hand side of every Message-ID this sender writes."""
        return self.from_address.rpartition("@")[2].strip().lower()

    @property
    def preferences(self) -> str:
        return self.preferences_url or self.base_url.rstrip("/") + "/notifications/preferences"
