"""Read use cases: the district's guided prompts, and an artifact's discussion (reflections with every revision,
feedback, and comments with hidden ones' text withheld; ready audio/video revisions carry a signed read URL).
Reads by anyone but the student are audited. A discussion says who wrote each item by name (roster replica) and
what the reader may do on it (``viewer_can``)."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from chassis.calendar import DistrictCalendar
from reflections.domain.access import Action, Viewer, actions_of, is_audited
from reflections.domain.amendment_access import AMENDMENT_REQUESTERS
from reflections.domain.amendments import Notes, notes_of
from reflections.domain.model import Comment, Feedback, Prompt, Reflection
from reflections.service_layer.artifact_owner import student_of
from reflections.service_layer.commands import standing
from reflections.service_layer.media import ReflectionMedia
from reflections.service_layer.unit_of_work import UowFactory


@dataclass(frozen=True)
class Discussion:
    reflections: list[Reflection]
    feedback: list[Feedback]
    comments: list[Comment]
    viewer_can: frozenset[Action] = frozenset()     # what the reader may do here
    names: dict[str, str] = field(default_factory=dict)   # {person id: name} of the writers the replica knows
    notes: dict[str, Notes] = field(default_factory=dict)  # amendments: {feedback or comment id: Notes}
    can_request_amendment: bool = False                    # the student or their guardian


class ReflectionQueries:
    def __init__(self, uow_factory: UowFactory, calendar: DistrictCalendar, media: ReflectionMedia) -> None:
        self.uow_factory, self.calendar, self.media = uow_factory, calendar, media

    def prompts(self, viewer: Viewer) -> list[Prompt]:
        with self.uow_factory() as uow:
            return uow.records.active_prompts()

    def discussion(self, viewer: Viewer, artifact_id: str) -> Discussion:
        with self.uow_factory() as uow:
            student_id = student_of(uow, self.calendar.clock(), artifact_id)
            role = standing(uow, self.calendar, viewer, Action.READ, student_id)
            feedback, comments = uow.records.feedback_on(artifact_id), uow.records.comments_on(artifact_id)
            names = uow.replicas.names([f.teacher_id for f in feedback] + [c.author_id for c in comments])
            found = Discussion(uow.records.reflections_on(artifact_id), feedback,
                               [replace(c, body="") if c.hidden else c for c in comments], actions_of(role), names,
                               notes_of(uow.amendments.on_records([f.id for f in feedback] + [c.id for c in comments])),
                               role in AMENDMENT_REQUESTERS)
            if is_audited(viewer, student_id):
                uow.audit(viewer, "GetDiscussion", [student_id], {"artifact_id": artifact_id})
                uow.commit()
        return replace(found, reflections=[self.media.with_urls(r) for r in found.reflections])
