"""What the artifacts service erases (issue 13 §5): for one student, artifacts with their versions, media records,
tags, showcases and links, the panel replica's rows, the roster replica's rows, and every media object those name
that no other student's artifact names too; for one artifact, its own rows and objects, once it is found to be the
student's (this service decides: the coordinator asks it first); at the retention schedule's media years, the
student's media objects only, each version then marked expired and each media artifact showing why."""
from __future__ import annotations

from sqlalchemy import or_, select, update

from artifacts.adapters import orm
from artifacts.adapters.showcase_tables import showcase_items, showcase_links, showcases
from artifacts.domain.model import Kind, Status
from chassis.erasure import ErasurePlan, Media, Rows, media_erasure_handler, replica_rows

ARTIFACTS = Rows(orm.artifacts, "student_id")
SHOWCASES = Rows(showcases, "student_id")
VERSIONS = Rows(orm.artifact_versions, "artifact_id", ARTIFACTS)
VERSION_MEDIA = Rows(orm.version_media, "artifact_id", ARTIFACTS)
ONE_VERSIONS, ONE_MEDIA = Rows(orm.artifact_versions, "artifact_id"), Rows(orm.version_media, "artifact_id")


def named_elsewhere(others):
    """The keys that versions of the ``others(subject)`` artifacts name too: a class capture's one object, whose
    bytes they keep."""
    def shared(session, subject: str, keys: list[str]) -> set[str]:
        v, m = orm.artifact_versions, orm.version_media
        rest = others(subject)
        found = set(session.execute(select(v.c.media_key).where(v.c.artifact_id.in_(rest), v.c.media_key.in_(keys)))
                    .scalars())
        for row in session.execute(select(m.c.checked_key, m.c.thumbnail_key).where(
                m.c.artifact_id.in_(rest), or_(m.c.checked_key.in_(keys), m.c.thumbnail_key.in_(keys)))):
            found.update(row)
        return found & set(keys)
    return shared


shared_keys = named_elsewhere(lambda student_id: select(orm.artifacts.c.id).where(
    orm.artifacts.c.student_id != student_id))
shared_beyond = named_elsewhere(lambda artifact_id: select(orm.artifacts.c.id).where(orm.artifacts.c.id != artifact_id))


def owned(session, artifact_id: str, student_id: str) -> bool:
    """The artifact is the student's (deleted ones too: an erasure removes what a delete kept)."""
    return session.execute(select(orm.artifacts.c.id).where(orm.artifacts.c.id == artifact_id,
                                                           orm.artifacts.c.student_id == student_id)).first() is not None


ONE_ARTIFACT = ErasurePlan(
    service="artifacts",
    rows=(Rows(orm.artifact_skills, "artifact_id"), Rows(showcase_items, "artifact_id"), ONE_MEDIA, ONE_VERSIONS,
          Rows(orm.milestone_selections, "artifact_id"), Rows(orm.artifacts, "id")),
    audit_table=orm.audit_log,
    outbox=orm.outbox,
    guarded=("artifact_versions",),
    media=(Media(ONE_VERSIONS, ("media_key",), shared=shared_beyond),
           Media(ONE_MEDIA, ("checked_key", "thumbnail_key"), shared=shared_beyond)),
    owned=owned,
)


def media_expired(session, student_id: str, _state) -> dict[str, int]:
    """The student's versions say their media is gone (never served, never checked again); their media artifacts
    show it. The rows, texts and tags stay until the portfolio's own date."""
    theirs = select(orm.artifacts.c.id).where(orm.artifacts.c.student_id == student_id)
    m, a = orm.version_media, orm.artifacts
    versions = session.execute(update(m).where(m.c.artifact_id.in_(theirs), m.c.verdict != Status.EXPIRED).values(
        verdict=Status.EXPIRED.value, checked_key="", thumbnail_key="")).rowcount or 0
    shown = session.execute(update(a).where(a.c.student_id == student_id, a.c.kind != Kind.LINK.value,
                                            a.c.status != Status.EXPIRED.value).values(
        status=Status.EXPIRED.value, rejection_reason="")).rowcount or 0
    return {"version_media": versions, "artifacts": shown}


MEDIA = (Media(VERSIONS, ("media_key",), shared=shared_keys),
         Media(VERSION_MEDIA, ("checked_key", "thumbnail_key"), shared=shared_keys))
MEDIA_ONLY = ErasurePlan(service="artifacts", rows=(), audit_table=orm.audit_log, media=MEDIA, after=media_expired)

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
        *replica_rows(orm.roster),
    ),
    audit_table=orm.audit_log,
    outbox=orm.outbox,
    tombstones=orm.roster.replica_versions,
    guarded=("artifact_versions",),
    media=MEDIA,
    artifact=ONE_ARTIFACT,
    media_only=MEDIA_ONLY,
)

erase_student = media_erasure_handler(lambda: PLAN)
