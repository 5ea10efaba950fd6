"""/api/v1/notifications: the caller's feed (paginated, unread count, mark read), preferences, a teacher's approval
queue, and a district admin's settings and parked deliveries with resend. The notifications service decides who may
do what; refusals are mapped once, in gateway.errors."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from gateway.clients.backends import BackendsDep
from gateway.routes.api.deps import ERRORS, Caller, PageSize, PageToken
from gateway.schemas import notifications as s
from gateway.schemas.goals import as_json
from gateway.usecases import notifications as uc
from skillfolio.notifications.v1 import notifications_pb2 as npb

router = APIRouter(prefix="/api/v1/notifications", tags=["notifications"], responses=ERRORS)


def _items(reply, field: str) -> dict:
    body = as_json(reply)
    body["items"] = body.pop(field)
    return body


@router.get("", response_model=s.Feed, summary="The caller's notifications, newest first (keyset-paginated)")
async def feed(request: Request, backends: BackendsDep, caller: Caller, page_size: PageSize = 0,
               page_token: PageToken = "", unread_only: Annotated[bool, Query(description="Only unread ones.")] = False):
    return as_json(await uc.feed(backends, caller, min(page_size, 100), page_token, unread_only))


@router.get("/unread-count", response_model=s.UnreadCount, summary="How many of the caller's notifications are unread")
async def unread_count(request: Request, backends: BackendsDep, caller: Caller):
    return {"unread_count": (await uc.feed(backends, caller, page_size=1, unread_only=True)).unread_count}


@router.post("/read", response_model=s.UnreadCount, summary="Mark some of the caller's notifications read")
async def mark_read(request: Request, backends: BackendsDep, caller: Caller, body: s.MarkRead):
    return {"unread_count": await uc.mark_read(backends, caller, body.ids)}


@router.post("/read-all", response_model=s.UnreadCount, summary="Mark all of the caller's notifications read")
async def mark_all_read(request: Request, backends: BackendsDep, caller: Caller):
    return {"unread_count": await uc.mark_all_read(backends, caller)}


@router.get("/preferences", response_model=s.PreferencesView,
            summary="The caller's delivery per category, email channel, language, time zone and quiet hours")
async def preferences(request: Request, backends: BackendsDep, caller: Caller):
    return as_json(await backends.notifications.get_preferences(caller))


@router.put("/preferences", response_model=s.PreferencesView,
            summary="Change the caller's preferences (only the fields sent; a critical category cannot be off)")
async def update_preferences(request: Request, backends: BackendsDep, caller: Caller, body: s.PreferenceChanges):
    changes = body.model_dump(exclude={"categories"}, exclude_none=True)
    reply = await uc.update_preferences(backends, caller, categories={c.category: c.delivery for c in body.categories},
                                        **changes)
    return as_json(reply)


@router.get("/approvals", response_model=s.Approvals,
            summary="A teacher's queue: students' own work waiting for approval before families hear of it")
async def approvals(request: Request, backends: BackendsDep, caller: Caller, page_size: PageSize = 0,
                    page_token: PageToken = ""):
    reply = await backends.notifications.list_approvals(caller, npb.ListApprovalsRequest(
        page_size=page_size, page_token=page_token))
    return _items(reply, "approvals")


@router.post("/approvals/approve", response_model=s.Approved,
             summary="Approve some queued items (only of students the caller teaches now)")
async def approve(request: Request, backends: BackendsDep, caller: Caller, body: s.Approve):
    return {"approved": (await backends.notifications.approve(caller, npb.ApproveRequest(ids=body.ids))).approved}


@router.post("/approvals/approve-all", response_model=s.Approved, summary="Approve every item in the caller's queue")
async def approve_all(request: Request, backends: BackendsDep, caller: Caller):
    return {"approved": (await backends.notifications.approve_all(caller)).approved}


@router.get("/district-settings", response_model=s.DistrictSettingsView,
            summary="A district admin: default delivery, teacher approval, digest hour and weekday, sender name")
async def district_settings(request: Request, backends: BackendsDep, caller: Caller):
    return as_json(await backends.notifications.get_district_settings(caller))


@router.put("/district-settings", response_model=s.DistrictSettingsView,
            summary="A district admin: change the district's notification settings (only the fields sent)")
async def update_district_settings(request: Request, backends: BackendsDep, caller: Caller, body: s.DistrictChanges):
    changes = body.model_dump(exclude={"default_delivery", "school_overrides", "clear_school_overrides"},
                              exclude_none=True)
    reply = await uc.update_district(
        backends, caller, default_delivery={c.category: c.delivery for c in body.default_delivery},
        school_overrides={o.school_id: o.approval_required for o in body.school_overrides},
        clear_school_overrides=body.clear_school_overrides, **changes)
    return as_json(reply)


@router.get("/parked", response_model=s.Parked,
            summary="A district admin: emails parked after repeated failures, with their last error")
async def parked(request: Request, backends: BackendsDep, caller: Caller, page_size: PageSize = 0,
                 page_token: PageToken = ""):
    reply = await backends.notifications.list_parked(caller, npb.ListParkedRequest(
        page_size=page_size, page_token=page_token))
    return _items(reply, "deliveries")


@router.post("/parked/resend", response_model=s.Queued, summary="A district admin: queue parked emails again")
async def resend(request: Request, backends: BackendsDep, caller: Caller, body: s.Resend):
    return {"queued": (await backends.notifications.resend(caller, npb.ResendRequest(ids=body.ids))).queued}
