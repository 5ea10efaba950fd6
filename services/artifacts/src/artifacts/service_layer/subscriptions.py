"""The events the artifacts service consumes, each with its handler: the ``events`` role's table and the ``media``
role's (the chassis builds the nameko consumers, queues and inbox claims from them)."""
from __future__ import annotations

from artifacts.service_layer import catalog_replication, panel_replication
from artifacts.service_layer.media_results import check_uploaded_media
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
}

# The method (so queue and inbox consumer) keeps the name deployments already have: "artifacts_media.media_uploaded".
MEDIA_SUBSCRIPTIONS = {
    ("artifacts", "artifact_media_uploaded"): own_transactions(check_uploaded_media, method="media_uploaded"),
}
