"""The events the reflections service consumes, each with its handler (the chassis builds the ``events`` role's
nameko consumers, queues and inbox claims from this table)."""
from __future__ import annotations

from chassis.messaging.subscriptions import own_transactions
from chassis.roster_replica import events as roster_replica
from reflections.service_layer import catalog_replication, erasure, replication
from reflections.service_layer.media_checks import check_uploaded_recording

SUBSCRIPTIONS = {
    **roster_replica.SUBSCRIPTIONS,
    ("roster", "person_added"): replication.person,
    ("roster", "person_updated"): replication.person,
    ("roster", "person_removed"): replication.person,
    ("artifacts", "artifact_added"): replication.artifact,
    ("artifacts", "artifact_updated"): replication.artifact,
    ("artifacts", "artifact_deleted"): replication.artifact,
    ("reflections", "reflection_media_uploaded"): own_transactions(check_uploaded_recording),
    ("roster", "school_year_added"): catalog_replication.school_year,
    ("roster", "school_year_updated"): catalog_replication.school_year,
    ("skills", "skill_added"): catalog_replication.skill,
    ("skills", "skill_updated"): catalog_replication.skill,
    ("skills", "skill_retired"): catalog_replication.skill,
    ("skills", "skill_deleted"): catalog_replication.skill,
    ("skills", "scale_defined"): catalog_replication.scale,
    ("skills", "rubric_defined"): catalog_replication.rubric,
    ("roster", "erasure_requested"): own_transactions(erasure.erase_student),
}
