"""The REST API's notification shapes: request bodies (validated, unknown fields refused) and responses built from
the notifications service's protobuf messages (skillfolio.notifications.v1)."""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from gateway.schemas.artifacts import Body
from gateway.schemas.common import Count, Id

Delivery = Literal["instant", "daily", "weekly", "off"]
Category = Annotated[str, Field(min_length=1, max_length=64, description="A notification category, e.g. new_work.")]
HourMinute = Annotated[str, Field(pattern=r"^$|^([01]\d|2[0-3]):[0-5]\d$", description="HH:MM local; empty clears.")]
Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
Ids = Annotated[list[Id], Field(min_length=1, max_length=500)]


class ViewerCan(BaseModel):
    approve: bool = Field(description="Has an approval queue (a teacher).")
    manage_district: bool = Field(description="District settings and parked deliveries (a district admin).")
    read_feed: bool = Field(description="Has a feed and preferences.")


class FeedItem(BaseModel):
    id: str
    kind: str = Field(description="artifact_added, reflection_added, feedback_given, comment_added, ...")
    category: str
    student_id: str
    student_first_name: str
    text: str = Field(description="One line in the caller's language.")
    link: str = Field(description="App path to the evidence.")
    created_at: str
    read: bool
    count: Count = Field(description="How many events this notification stands for (coalesced), at least 1.")
    user_text: str = Field(description="What a person wrote (a comment), as written; empty when none.")


class Feed(BaseModel):
    items: list[FeedItem] = Field(description="Newest first.")
    unread_count: Count
    next_page_token: str = Field(description="Empty on the last page.")
    viewer_can: ViewerCan


class UnreadCount(BaseModel):
    unread_count: Count


class MarkRead(Body):
    ids: Ids = Field(description="The caller's notifications to mark read; others are ignored.")


class CategoryPreference(BaseModel):
    category: Category
    delivery: Delivery


class Preferences(BaseModel):
    categories: list[CategoryPreference]
    email: bool = Field(description="The email channel (in-app is always on).")
    language: str
    time_zone: str
    quiet_hours_start: str
    quiet_hours_end: str
    email_address: str = Field(description="Read only: from the roster.")
    email_failing: bool = Field(description="Read only: the address bounced too often; nothing is sent to it.")


class PreferencesView(BaseModel):
    preferences: Preferences
    critical_categories: list[str] = Field(description="Categories that cannot be set to off.")
    district_defaults: list[CategoryPreference]
    languages: list[str] = Field([], description="The languages notifications can be written in.")
    viewer_can: ViewerCan


class PreferenceChanges(Body):
    """Only the fields sent change; categories listed replace those categories' delivery."""

    categories: list[CategoryPreference] = Field([], max_length=50)
    email: bool | None = None
    language: str | None = Field(None, min_length=2, max_length=16)
    time_zone: str | None = Field(None, min_length=1, max_length=64, description="IANA name.")
    quiet_hours_start: HourMinute | None = None
    quiet_hours_end: HourMinute | None = None


class Approval(BaseModel):
    id: str
    kind: str
    student_id: str
    student_name: str
    subject_id: str
    link: str
    created_at: str
    text: str


class Approvals(BaseModel):
    items: list[Approval] = Field(description="Oldest first.")
    next_page_token: str
    viewer_can: ViewerCan


class Approve(Body):
    ids: Ids


class Approved(BaseModel):
    approved: Count


class SchoolApproval(BaseModel):
    school_id: Id
    approval_required: bool


class DistrictSettings(BaseModel):
    default_delivery: list[CategoryPreference]
    approval_required: bool
    school_overrides: list[SchoolApproval]
    digest_hour: Count
    weekly_weekday: str
    sender_name: str


class DistrictSettingsView(BaseModel):
    settings: DistrictSettings
    viewer_can: ViewerCan


class DistrictChanges(Body):
    """Only the fields sent change."""

    default_delivery: list[CategoryPreference] = Field([], max_length=50)
    approval_required: bool | None = None
    school_overrides: list[SchoolApproval] = Field([], max_length=500)
    clear_school_overrides: list[Id] = Field([], max_length=500, description="Schools that follow the district "
                                                                             "again.")
    digest_hour: int | None = Field(None, ge=0, le=23, description="Local hour of the daily digest.")
    weekly_weekday: Weekday | None = None
    sender_name: str | None = Field(None, min_length=1, max_length=200)


class ParkedDelivery(BaseModel):
    id: str
    recipient_id: str
    recipient_name: str
    kind: Literal["instant", "daily", "weekly"] | str
    attempts: Count
    last_error: str
    parked_at: str


class Parked(BaseModel):
    items: list[ParkedDelivery]
    next_page_token: str
    viewer_can: ViewerCan


class Resend(Body):
    ids: Ids


class Queued(BaseModel):
    queued: Count
