"""The events the notifications service consumes, each with its handler (the chassis builds the ``events`` role's
nameko consumers, queues and inbox claims from this table): the roster replica, contacts and artifacts replicas,
and every event that notifies someone (service_layer/occurrences.py reads each)."""
from __future__ import annotations

from chassis.roster_replica import events as roster_replica
from notifications.service_layer import erasure, intake, replication
from notifications.service_layer.occurrences import READERS

SUBSCRIPTIONS = {
    **roster_replica.SUBSCRIPTIONS,
    ("roster", "person_added"): replication.person,
    ("roster", "person_updated"): replication.person,
    ("roster", "person_removed"): replication.person,
    ("roster", "guardianship_added"): replication.guardianship,
    ("roster", "guardianship_removed"): replication.guardianship,
    **{key: intake.handle for key in READERS if key[0] != "artifacts"},
    ("artifacts", "artifact_added"): replication.artifact,
    ("artifacts", "artifact_updated"): replication.artifact,
    ("artifacts", "artifact_deleted"): replication.artifact,
    ("roster", "erasure_requested"): erasure.erase_student,
}
