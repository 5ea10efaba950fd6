"""NotYetReplicated is mapped once: to UNAVAILABLE with google.rpc ErrorInfo (NOT_YET_REPLICATED) and RetryInfo, and
back to NotYetReplicated with its delay on the calling side; a plain UNAVAILABLE stays a RemoteError."""
from __future__ import annotations

import grpc

from chassis.errors import NotYetReplicated
from chassis.grpc.errors import RemoteError, domain_error_status, rpc_error_to_domain


class FailedCall(grpc.RpcError):
    """What a client sees: the status's code, details and trailing metadata."""

    def __init__(self, status: grpc.Status) -> None:
        self._status = status

    def code(self):
        return self._status.code

    def details(self):
        return self._status.details

    def trailing_metadata(self):
        return self._status.trailing_metadata


def test_not_yet_replicated_travels_with_its_retry_delay():
    status = domain_error_status(NotYetReplicated("artifact a-1 has not arrived yet", retry_after=3))
    assert status.code == grpc.StatusCode.UNAVAILABLE
    back = rpc_error_to_domain(FailedCall(status))
    assert isinstance(back, NotYetReplicated)
    assert (back.retry_after, back.message, back.reason) == (3, "artifact a-1 has not arrived yet",
                                                             "NOT_YET_REPLICATED")


def test_a_plain_unavailable_is_not_a_retryable_replica_lag():
    status = grpc.Status()
    status.code, status.details, status.trailing_metadata = grpc.StatusCode.UNAVAILABLE, "connection refused", ()
    back = rpc_error_to_domain(FailedCall(status))
    assert isinstance(back, RemoteError) and not isinstance(back, NotYetReplicated)
    assert getattr(back, "retry_after", None) is None
