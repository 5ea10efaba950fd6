"""The events the artifacts service consumes, each with its handler: the ``events`` role's table and the ``media``
role's (the chassis builds the nameko consumers, queues and inbox claims from them)."""
from __future__ import annotations

from artifacts.service_layer import catalog_replication, erasure, panel_replication
from artifacts.service_layer.capture_media import check_uploads
from chassis.messaging.subscriptions import own_transactions
from chassis.roster_replica import events as roster_replica

SUBSCRIPTIONS = {
    **roster_replica.SUBSCRIPTIONS,
    ("reflections", "panellist_invited"): panel_replication.invited,
    ("reflections", "milestone_evidence_selected"): panel_replication.evidence_selected,
    ("reflections", "milestone_completed"): panel_replication.completed,
    ("skills", "skill_added"): catalog_replication.skill,
    ("skills", "skill_updated"): catalog_replication.skill,
    ("skills", "skill_retired"): catalog_replication.skill,
    ("skills", "skill_deleted"): catalog_replication.skill,
    ("roster", "school_added"): catalog_replication.school,
    ("roster", "school_updated"): catalog_replication.school,
    ("roster", "erasure_requested"): own_transactions(erasure.erase_student),
}

# The method (so queue and inbox consumer) keeps the name deployments already have: "artifacts_media.media_uploaded";
# a class capture's shared object arrives on the same event (with its media_object_id) and is checked once.
MEDIA_SUBSCRIPTIONS = {
    ("artifacts", "artifact_media_uploaded"): own_transactions(check_uploads, method="media_uploaded"),
}
