"""Discussion use cases the artifact page and the REST API share: an artifact's reflections (with revisions),
feedback and comments, the district's guided prompts, and each "add" action. Each is one gRPC call to the
reflections service as the caller's principal; the service decides who may do what, nothing here re-checks it."""
from __future__ import annotations

import asyncio

from chassis.context import Principal
from chassis.errors import NotFound, PermissionDenied
from gateway.clients.backends import Backends
from gateway.i18n import N_
from skillfolio.reflections.v1 import reflections_pb2 as pb
from skillfolio.roster.v1 import roster_pb2 as rpb

ROLE_LABELS = {"student": N_("Student"), "teacher": N_("Teacher"), "guardian": N_("Guardian")}   # marked, in English
SOMEONE = N_("Someone")      # a writer whose role is not one of those


async def get_discussion(backends: Backends, principal: Principal, artifact_id: str) -> pb.GetDiscussionResponse:
    """Reflections (oldest revision first), feedback and comments (a hidden one's body is empty)."""
    return await backends.reflections.get_discussion(principal, pb.GetDiscussionRequest(artifact_id=artifact_id))


async def offered_prompts(backends: Backends, principal: Principal) -> pb.ListPromptsResponse:
    """The district's guided prompts still offered to students, and whether the caller may manage them."""
    return await backends.reflections.list_prompts(principal, pb.ListPromptsRequest())


async def list_prompts(backends: Backends, principal: Principal) -> list[pb.Prompt]:
    """The district's guided prompts still offered to students."""
    return list((await offered_prompts(backends, principal)).prompts)


async def add_reflection(backends: Backends, principal: Principal, artifact_id: str, text: str,
                         prompt_id: str = "") -> pb.Reflection:
    reply = await backends.reflections.add_reflection(principal, pb.AddReflectionRequest(
        artifact_id=artifact_id, text=text, prompt_id=prompt_id))
    return reply.reflection


async def edit_reflection(backends: Backends, principal: Principal, reflection_id: str, text: str) -> pb.Reflection:
    """A new revision; the earlier ones stay in the reflection's history."""
    reply = await backends.reflections.edit_reflection(principal, pb.EditReflectionRequest(
        reflection_id=reflection_id, text=text))
    return reply.reflection


async def give_feedback(backends: Backends, principal: Principal, artifact_id: str, can_do: str,
                        next_steps: str) -> pb.Feedback:
    reply = await backends.reflections.give_feedback(principal, pb.GiveFeedbackRequest(
        artifact_id=artifact_id, can_do=can_do, next_steps=next_steps))
    return reply.feedback


async def add_comment(backends: Backends, principal: Principal, artifact_id: str, body: str) -> pb.Comment:
    reply = await backends.reflections.add_comment(principal, pb.AddCommentRequest(artifact_id=artifact_id, body=body))
    return reply.comment


async def hide_comment(backends: Backends, principal: Principal, comment_id: str) -> pb.Comment:
    """Hidden for everyone; the service keeps the text in its audit trail."""
    return (await backends.reflections.hide_comment(principal, pb.HideCommentRequest(comment_id=comment_id))).comment


async def people_names(backends: Backends, principal: Principal, person_ids: set[str]) -> dict[str, str]:
    """{person id: "Given Family"} for the people the roster lets ``principal`` see; the others are left out (the
    page then names them by role only)."""
    ids = sorted(i for i in person_ids if i)

    async def one(person_id: str) -> str:
        try:
            person = (await backends.roster.get_person(principal, rpb.GetPersonRequest(person_id=person_id))).person
        except (PermissionDenied, NotFound):
            return ""
        return f"{person.given_name} {person.family_name}".strip()

    names = await asyncio.gather(*(one(i) for i in ids))
    return {person_id: name for person_id, name in zip(ids, names) if name}
