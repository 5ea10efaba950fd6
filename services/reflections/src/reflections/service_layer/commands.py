"""Write use cases: define, update and retire a guided prompt, add and edit a text reflection, give feedback, add
and hide a comment (audio/video reflections: recordings.py).

Each validates its input, finds the artifact's student in the ownership replica, checks access from the roster
replica, audits changes made by anyone other than the student and raises its event, all in one transaction.
"""
from __future__ import annotations

import dataclasses
import uuid

from chassis.calendar import DistrictCalendar
from chassis.errors import Conflict, FieldProblem, InvalidArgument, NotFound, PermissionDenied
from chassis.roster_replica.owner import decide
from reflections.domain import model
from reflections.domain.access import DENIED, Action, Viewer, check, is_audited, may_define_prompts
from reflections.domain.events import (
    CommentAdded,
    CommentHidden,
    FeedbackGiven,
    PromptDefined,
    PromptRetired,
    PromptUpdated,
    ReflectionAdded,
    ReflectionEdited,
)
from reflections.domain.model import Comment, Feedback, Prompt, Reflection, Revision
from reflections.service_layer.artifact_owner import student_of
from reflections.service_layer.unit_of_work import ReflectionsUnitOfWork, UowFactory


def standing(uow: ReflectionsUnitOfWork, calendar: DistrictCalendar, viewer: Viewer, action: Action,
             student_id: str | None) -> str:
    """The role ``viewer`` acts in for ``action`` on a student's record; one PermissionDenied for an unknown
    artifact (``student_id`` None) and for a refusal, so refusals reveal nothing; a refusal for want of a relation
    the roster knows but the replica has not received yet is NotYetReplicated (chassis.roster_replica.owner)."""
    if student_id is None:
        raise PermissionDenied(DENIED)
    today = calendar.today()
    relation = uow.replicas.relation(viewer.subject, student_id, today, viewer.roles)
    return decide(uow.roster, viewer, student_id, today, relation,
                  lambda known: check(viewer, action, student_id, known))


def own_reflection(uow: ReflectionsUnitOfWork, calendar: DistrictCalendar, viewer: Viewer,
                   reflection_id: str) -> tuple[Reflection, str]:
    """The reflection (locked) and its student, when ``viewer`` may revise it; one refusal for unknown
    reflections, deleted artifacts and anyone but the student."""
    current = uow.records.reflection(reflection_id, for_update=True)
    student_id = current.student_id if current else None
    if current is not None and uow.replicas.owner_of(current.artifact_id) is None:
        student_id = None                     # the artifact was deleted
    standing(uow, calendar, viewer, Action.REFLECT, student_id)
    return current, student_id


def guided_prompt_text(uow: ReflectionsUnitOfWork, prompt_id: str) -> str:
    """The text of an active guided prompt ("" for none); retired or unknown prompts are refused."""
    if not prompt_id:
        return ""
    prompt = uow.records.prompt(prompt_id)
    if prompt is None or prompt.retired:
        raise InvalidArgument(f"prompt_id: no guided prompt {prompt_id!r}",
                              [FieldProblem("prompt_id", "is not an active guided prompt of the district")])
    return prompt.text


class ReflectionCommands:
    def __init__(self, uow_factory: UowFactory, calendar: DistrictCalendar) -> None:
        self.uow_factory, self.calendar = uow_factory, calendar

    def _finish(self, uow: ReflectionsUnitOfWork, viewer: Viewer, action: str, student_id: str, detail: dict,
                event) -> None:
        if is_audited(viewer, student_id):
            uow.audit(viewer, action, [student_id], detail)
        uow.raise_event(event)
        uow.commit()

    def define_prompt(self, viewer: Viewer, text: str) -> Prompt:
        if not may_define_prompts(viewer):
            raise PermissionDenied("only a district admin defines guided prompts")
        model.validate_prompt(text)
        prompt = Prompt(str(uuid.uuid4()), text.strip())
        with self.uow_factory() as uow:
            uow.records.add_prompt(prompt, viewer.subject, self.calendar.clock())
            uow.raise_event(PromptDefined(prompt_id=prompt.id))
            uow.keep_result(prompt)
            uow.commit()
        return prompt

    def update_prompt(self, viewer: Viewer, prompt_id: str, text: str) -> Prompt:
        """New wording for new reflections; reflections already written keep the text they answered."""
        return self._change_prompt(viewer, prompt_id, text)

    def retire_prompt(self, viewer: Viewer, prompt_id: str) -> Prompt:
        """No longer offered for new reflections; reflections already written keep their prompt's text."""
        return self._change_prompt(viewer, prompt_id, None)

    def _change_prompt(self, viewer: Viewer, prompt_id: str, text: str | None) -> Prompt:
        if not may_define_prompts(viewer):
            raise PermissionDenied("only a district admin changes guided prompts")
        if text is not None:
            model.validate_prompt(text)
        with self.uow_factory() as uow:
            prompt = uow.records.prompt(prompt_id, for_update=True)
            if prompt is None:
                raise NotFound(f"prompt_id: no guided prompt {prompt_id!r}")
            if prompt.retired:
                raise Conflict(f"prompt_id: prompt {prompt_id!r} is retired", [FieldProblem("prompt_id", "is retired")])
            if text is None:
                changed = dataclasses.replace(prompt, retired=True)
                uow.records.change_prompt(prompt_id, self.calendar.clock(), active=False)
                uow.raise_event(PromptRetired(prompt_id=prompt_id, actor_id=viewer.subject))
            else:
                changed = dataclasses.replace(prompt, text=text.strip())
                uow.records.change_prompt(prompt_id, self.calendar.clock(), text=changed.text)
                uow.raise_event(PromptUpdated(prompt_id=prompt_id, actor_id=viewer.subject))
            uow.commit()
        return changed

    def add_reflection(self, viewer: Viewer, artifact_id: str, text: str, prompt_id: str = "") -> Reflection:
        model.validate_reflection(text)
        with self.uow_factory() as uow:
            student_id = student_of(uow, self.calendar.clock(), artifact_id)
            standing(uow, self.calendar, viewer, Action.REFLECT, student_id)
            prompt_text = guided_prompt_text(uow, prompt_id)
            reflection = Reflection(str(uuid.uuid4()), artifact_id, student_id, prompt_id,
                                    [Revision(1, text, self.calendar.clock())], prompt_text)
            uow.records.add_reflection(reflection, reflection.revisions[0].created_at)
            uow.keep_result(reflection)
            self._finish(uow, viewer, "AddReflection", student_id, {"reflection_id": reflection.id},
                         ReflectionAdded(reflection.id, artifact_id, student_id, prompt_id, 1))
        return reflection

    def edit_reflection(self, viewer: Viewer, reflection_id: str, text: str) -> Reflection:
        """A new immutable revision; earlier ones stay."""
        model.validate_reflection(text)
        with self.uow_factory() as uow:
            current, student_id = own_reflection(uow, self.calendar, viewer, reflection_id)
            revision = Revision(current.current_revision + 1, text, self.calendar.clock())
            uow.records.add_revision(reflection_id, revision)
            self._finish(uow, viewer, "EditReflection", student_id, {"reflection_id": reflection_id},
                         ReflectionEdited(reflection_id, current.artifact_id, student_id, current.prompt_id,
                                          revision.number))
        return dataclasses.replace(current, revisions=[*current.revisions, revision])

    def give_feedback(self, viewer: Viewer, artifact_id: str, can_do: str, next_steps: str) -> Feedback:
        model.validate_feedback(can_do, next_steps)
        with self.uow_factory() as uow:
            student_id = student_of(uow, self.calendar.clock(), artifact_id)
            standing(uow, self.calendar, viewer, Action.FEEDBACK, student_id)
            item = Feedback(str(uuid.uuid4()), artifact_id, student_id, viewer.subject, can_do, next_steps,
                            self.calendar.clock())
            uow.records.add_feedback(item)
            uow.keep_result(item)
            self._finish(uow, viewer, "GiveFeedback", student_id, {"feedback_id": item.id, "artifact_id": artifact_id},
                         FeedbackGiven(item.id, artifact_id, student_id, viewer.subject))
        return item

    def add_comment(self, viewer: Viewer, artifact_id: str, body: str) -> Comment:
        model.validate_comment(body)
        with self.uow_factory() as uow:
            student_id = student_of(uow, self.calendar.clock(), artifact_id)
            role = standing(uow, self.calendar, viewer, Action.COMMENT, student_id)
            comment = Comment(str(uuid.uuid4()), artifact_id, student_id, viewer.subject, role, body,
                              self.calendar.clock())
            uow.records.add_comment(comment)
            uow.keep_result(comment)
            self._finish(uow, viewer, "AddComment", student_id, {"comment_id": comment.id, "artifact_id": artifact_id},
                         CommentAdded(comment.id, artifact_id, student_id, viewer.subject, role, viewer.subject,
                                      body))
        return comment

    def hide_comment(self, viewer: Viewer, comment_id: str) -> Comment:
        """The comment stays stored; the audit row keeps who hid it and what it said."""
        with self.uow_factory() as uow:
            comment = uow.records.comment(comment_id, for_update=True)
            student_id = comment.student_id if comment else None
            if comment is not None and uow.replicas.owner_of(comment.artifact_id) is None:
                student_id = None
            standing(uow, self.calendar, viewer, Action.HIDE, student_id)
            if comment.hidden:
                raise Conflict(f"comment_id: comment {comment_id!r} is already hidden",
                               [FieldProblem("comment_id", "is already hidden")])
            uow.records.hide_comment(comment_id, viewer.subject, self.calendar.clock())
            self._finish(uow, viewer, "HideComment", student_id,
                         {"comment_id": comment_id, "artifact_id": comment.artifact_id, "author_id": comment.author_id,
                          "body": comment.body},
                         CommentHidden(comment_id, comment.artifact_id, student_id, comment.author_id,
                                       comment.author_role, viewer.subject))
        return Comment(**{**vars(comment), "hidden_by": viewer.subject})
