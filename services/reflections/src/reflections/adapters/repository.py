"""Storage of prompts, reflections (with append-only revisions), feedback and comments (SQLAlchemy Core)."""
from __future__ import annotations

import datetime as dt
from itertools import groupby

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from reflections.adapters.orm import comments, feedback, prompts, reflection_revisions, reflections, revision_media
from reflections.adapters.revision_media import revision_of, revisions_with_media
from reflections.domain.model import Comment, Feedback, Prompt, Reflection, Revision

# Built once: a statement built per call is walked again for its cache key (its values with it) at every execute.
_ADD_REFLECTION = insert(reflections)
_ADD_REVISION = insert(reflection_revisions)


class ReflectionsRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # --- prompts ---
    def add_prompt(self, prompt: Prompt, created_by: str, at: dt.datetime) -> None:
        self.session.execute(insert(prompts).values(id=prompt.id, text=prompt.text, created_by=created_by,
                                                    created_at=at))

    def active_prompts(self) -> list[Prompt]:
        rows = self.session.execute(select(prompts.c.id, prompts.c.text).where(prompts.c.active.is_(True))
                                    .order_by(prompts.c.created_at, prompts.c.id))
        return [Prompt(r.id, r.text) for r in rows]

    def prompt(self, prompt_id: str, for_update: bool = False) -> Prompt | None:
        query = select(prompts.c.id, prompts.c.text, prompts.c.active).where(prompts.c.id == prompt_id)
        row = self.session.execute(query.with_for_update() if for_update else query).first()
        return Prompt(row.id, row.text, retired=not row.active) if row else None

    def change_prompt(self, prompt_id: str, at: dt.datetime, **values) -> None:
        self.session.execute(update(prompts).where(prompts.c.id == prompt_id).values(updated_at=at, **values))

    # --- reflections ---
    def add_reflection(self, reflection: Reflection, at: dt.datetime) -> None:
        first = reflection.revisions[0]
        self.session.execute(_ADD_REFLECTION, dict(
            id=reflection.id, artifact_id=reflection.artifact_id, student_id=reflection.student_id,
            prompt_id=reflection.prompt_id, prompt_text=reflection.prompt_text, current_revision=first.number,
            created_at=at, updated_at=first.created_at))
        self._insert_revision(reflection.id, first)      # the row above already names it current

    def add_revision(self, reflection_id: str, revision: Revision) -> None:
        self._insert_revision(reflection_id, revision)
        self.session.execute(update(reflections).where(reflections.c.id == reflection_id).values(
            current_revision=revision.number, updated_at=revision.created_at))

    def _insert_revision(self, reflection_id: str, revision: Revision) -> None:
        media = revision.media
        self.session.execute(_ADD_REVISION, dict(
            reflection_id=reflection_id, number=revision.number, text=revision.text, created_at=revision.created_at,
            kind=revision.kind, **({"file_name": media.file_name, "content_type": media.declared_type,
                                    "size_bytes": media.declared_size} if media else {})))
        if media is not None:
            self.session.execute(insert(revision_media).values(reflection_id=reflection_id, number=revision.number,
                                                               upload_id=media.upload_id,
                                                               upload_expires_at=media.upload_expires_at))

    def reflection(self, reflection_id: str, for_update: bool = False) -> Reflection | None:
        query = select(reflections).where(reflections.c.id == reflection_id)
        row = self.session.execute(query.with_for_update() if for_update else query).first()
        return self._with_revisions([row])[0] if row else None

    def reflections_on(self, artifact_id: str) -> list[Reflection]:
        rows = self.session.execute(select(reflections).where(reflections.c.artifact_id == artifact_id)
                                    .order_by(reflections.c.created_at, reflections.c.id)).all()
        return self._with_revisions(rows)

    def reflections_on_many(self, artifact_ids: list[str]) -> dict[str, list[Reflection]]:
        """:meth:`reflections_on` of many artifacts in two statements (an export's batch)."""
        rows = self.session.execute(select(reflections).where(reflections.c.artifact_id.in_(artifact_ids)).order_by(
            reflections.c.artifact_id, reflections.c.created_at, reflections.c.id)).all()
        return _by_artifact(self._with_revisions(rows))

    def _with_revisions(self, rows) -> list[Reflection]:
        if not rows:
            return []
        revisions = self.session.execute(
            revisions_with_media().where(reflection_revisions.c.reflection_id.in_([r.id for r in rows]))
            .order_by(reflection_revisions.c.reflection_id, reflection_revisions.c.number))
        by_id = {key: [revision_of(r) for r in group]
                 for key, group in groupby(revisions, key=lambda r: r.reflection_id)}
        return [Reflection(r.id, r.artifact_id, r.student_id, r.prompt_id, by_id.get(r.id, []), r.prompt_text)
                for r in rows]

    # --- feedback ---
    def add_feedback(self, item: Feedback) -> None:
        self.session.execute(insert(feedback).values(**vars(item)))

    def feedback_on(self, artifact_id: str) -> list[Feedback]:
        rows = self.session.execute(select(feedback).where(feedback.c.artifact_id == artifact_id)
                                    .order_by(feedback.c.created_at, feedback.c.id))
        return [Feedback(r.id, r.artifact_id, r.student_id, r.teacher_id, r.can_do, r.next_steps, r.created_at)
                for r in rows]

    def feedback_on_many(self, artifact_ids: list[str]) -> dict[str, list[Feedback]]:
        rows = self.session.execute(select(feedback).where(feedback.c.artifact_id.in_(artifact_ids)).order_by(
            feedback.c.artifact_id, feedback.c.created_at, feedback.c.id))
        return _by_artifact(Feedback(r.id, r.artifact_id, r.student_id, r.teacher_id, r.can_do, r.next_steps,
                                     r.created_at) for r in rows)

    # --- comments ---
    def add_comment(self, comment: Comment) -> None:
        self.session.execute(insert(comments).values(
            id=comment.id, artifact_id=comment.artifact_id, student_id=comment.student_id,
            author_id=comment.author_id, author_role=comment.author_role, body=comment.body,
            created_at=comment.created_at))

    def hide_comment(self, comment_id: str, hidden_by: str, at: dt.datetime) -> None:
        self.session.execute(update(comments).where(comments.c.id == comment_id).values(hidden_by=hidden_by,
                                                                                       hidden_at=at))

    def comment(self, comment_id: str, for_update: bool = False) -> Comment | None:
        query = select(comments).where(comments.c.id == comment_id)
        row = self.session.execute(query.with_for_update() if for_update else query).first()
        return _comment(row) if row else None

    def comments_on(self, artifact_id: str) -> list[Comment]:
        rows = self.session.execute(select(comments).where(comments.c.artifact_id == artifact_id)
                                    .order_by(comments.c.created_at, comments.c.id))
        return [_comment(r) for r in rows]

    def comments_on_many(self, artifact_ids: list[str]) -> dict[str, list[Comment]]:
        rows = self.session.execute(select(comments).where(comments.c.artifact_id.in_(artifact_ids)).order_by(
            comments.c.artifact_id, comments.c.created_at, comments.c.id))
        return _by_artifact(_comment(r) for r in rows)


def _by_artifact(items) -> dict[str, list]:
    """Items (ordered by artifact, then as one artifact's list is) grouped by their artifact's id."""
    return {key: list(group) for key, group in groupby(items, key=lambda item: item.artifact_id)}


def _comment(r) -> Comment:
    return Comment(r.id, r.artifact_id, r.student_id, r.author_id, r.author_role, r.body, r.created_at, r.hidden_by)
