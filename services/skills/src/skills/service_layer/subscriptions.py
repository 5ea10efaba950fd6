"""The events the skills service consumes, each with its handler (the chassis builds the ``events`` role's nameko
consumers, queues and inbox claims from this table)."""
from __future__ import annotations

from skills.service_layer import erasure, replication

SUBSCRIPTIONS = {
    ("artifacts", "artifact_added"): replication.artifact,
    ("artifacts", "artifact_updated"): replication.artifact,
    ("artifacts", "artifact_deleted"): replication.artifact,
    ("roster", "person_added"): replication.person,
    ("roster", "person_updated"): replication.person,
    ("roster", "person_removed"): replication.person,
    ("roster", "erasure_requested"): erasure.erase_student,
}
