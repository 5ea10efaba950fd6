"""What the artifacts service erases for one student (issue 13 §5): artifacts with their versions, media records, tags,
showcases and links, the panel replica's rows, the roster replica's rows, and every media object those name that no
other student's artifact names too."""
from __future__ import annotations

from sqlalchemy import or_, select

from artifacts.adapters import orm
from artifacts.adapters.showcase_tables import showcase_items, showcase_links, showcases
from chassis.erasure import ErasurePlan, Media, Rows, media_erasure_handler

ARTIFACTS = Rows(orm.artifacts, "student_id")
SHOWCASES = Rows(showcases, "student_id")
VERSIONS = Rows(orm.artifact_versions, "artifact_id", ARTIFACTS)
VERSION_MEDIA = Rows(orm.version_media, "artifact_id", ARTIFACTS)


def shared_keys(session, student_id: str, keys: list[str]) -> set[str]:
    """The keys another student's versions name too: a class capture's one object, whose bytes the others keep."""
    others = select(orm.artifacts.c.id).where(orm.artifacts.c.student_id != student_id)
    v, m = orm.artifact_versions, orm.version_media
    found = set(session.execute(select(v.c.media_key).where(v.c.artifact_id.in_(others), v.c.media_key.in_(keys)))
                .scalars())
    for row in session.execute(select(m.c.checked_key, m.c.thumbnail_key).where(
            m.c.artifact_id.in_(others), or_(m.c.checked_key.in_(keys), m.c.thumbnail_key.in_(keys)))):
        found.update(row)
    return found & set(keys)

PLAN = ErasurePlan(
    service="artifacts",
    rows=(
        Rows(orm.artifact_skills, "artifact_id", ARTIFACTS),
        Rows(showcase_items, "showcase_id", SHOWCASES),
        Rows(showcase_items, "artifact_id", ARTIFACTS),
        Rows(showcase_links, "showcase_id", SHOWCASES),
        SHOWCASES,
        VERSION_MEDIA,
        VERSIONS,
        ARTIFACTS,
        Rows(orm.milestone_selections, "student_id"),
        Rows(orm.milestone_panellists, "student_id"),
        Rows(orm.idempotency_keys, "principal"),          # the first results of the student's own creates
        Rows(orm.guardianships, "student_id"),
        Rows(orm.enrollments, "person_id"),
        Rows(orm.people, "person_id"),
    ),
    audit_table=orm.audit_log,
    outbox=orm.outbox,
    guarded=("artifact_versions",),
    media=(Media(VERSIONS, ("media_key",), shared=shared_keys),
           Media(VERSION_MEDIA, ("checked_key", "thumbnail_key"), shared=shared_keys)),
)

erase_student = media_erasure_handler(lambda: PLAN)
