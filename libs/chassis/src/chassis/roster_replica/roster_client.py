"""The roster's GetRelationship over gRPC, as :class:`~chassis.roster_replica.owner.RosterRelations`, and the settings
that point a service at it (``<SERVICE>_ROSTER_TARGET``, ``<SERVICE>_ROSTER_TIMEOUT_SECONDS``).

The call forwards the principal token of the request being served (the viewer asks about themselves), with a short
deadline. The channel opens on first use, so a process that never refuses never dials the roster.
"""
from __future__ import annotations

import datetime as dt
import threading

import grpc
from pydantic import Field
from pydantic_settings import BaseSettings

from chassis.errors import PermissionDenied
from chassis.grpc.admission import ends_sessions
from chassis.grpc.client import ContextStub, forwarded_token
from chassis.grpc.errors import rpc_error_to_domain
from chassis.roster_replica.owner import RosterUnreachable
from chassis.roster_replica.standing import Relation
from skillfolio.roster.v1 import roster_pb2 as pb
from skillfolio.roster.v1 import roster_pb2_grpc


class GrpcRosterRelations:
    """Asks the roster at ``target`` (host:port) within ``timeout`` seconds."""

    def __init__(self, target: str, timeout: float = 1.0) -> None:
        self.target, self.timeout = target, timeout
        self._stub: ContextStub | None = None
        self._lock = threading.Lock()

    def _roster(self) -> ContextStub:
        with self._lock:
            if self._stub is None:
                self._channel = grpc.insecure_channel(self.target)
                self._stub = ContextStub(roster_pb2_grpc.RosterServiceStub(self._channel), forwarded_token)
            return self._stub

    def relation(self, viewer_id: str, student_id: str, on: dt.date) -> Relation:
        if not forwarded_token():
            raise RosterUnreachable("no principal to ask as (outside a request)")
        request = pb.GetRelationshipRequest(viewer_id=viewer_id, student_id=student_id, on_date=on.isoformat())
        try:
            kinds = set(self._roster().GetRelationship(request, timeout=self.timeout).kinds)
        except grpc.RpcError as error:
            answer = rpc_error_to_domain(error)
            if ends_sessions(error):
                raise answer from None           # the roster refuses the account itself: so do we
            if isinstance(answer, PermissionDenied):
                return Relation()                # the roster will not confirm any relation for this viewer
            raise RosterUnreachable(f"roster at {self.target}: {error.code().name}: {answer.message}") from None
        return Relation(teaches_now=pb.RELATION_KIND_TEACHES_NOW in kinds,
                        guardian_of=pb.RELATION_KIND_GUARDIAN_OF in kinds)

    def close(self) -> None:
        with self._lock:
            if self._stub is not None:
                self._channel.close()
                self._stub = None


class RosterOwnerOptions(BaseSettings):
    """Where a service asks the roster before refusing for want of a relation; subclasses set ``env_prefix``."""

    roster_target: str = Field(
        "", description="host:port of the roster gRPC API, asked (api role, only before refusing a teacher or "
                        "guardian the roster replica shows no relation for) whether the relation exists but has "
                        "not been replicated yet: then a retryable 503, not a 403. Empty: never asked (`skillfolio "
                        "up`, compose and the Kubernetes manifests set it).")
    roster_timeout_seconds: float = Field(1.0, gt=0, le=30, description="Deadline of that roster call; a roster "
                                                                        "that does not answer in time is a 503 too.")

    def roster_relations(self) -> GrpcRosterRelations | None:
        """The roster client these settings describe (None when no target is set)."""
        return GrpcRosterRelations(self.roster_target, self.roster_timeout_seconds) if self.roster_target else None
