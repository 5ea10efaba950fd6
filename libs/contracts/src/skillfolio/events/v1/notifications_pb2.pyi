from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class NotificationSent(_message.Message):
    __slots__ = ("delivery_id", "recipient_id", "kind", "notification_ids", "message_id", "attempts")
    DELIVERY_ID_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    NOTIFICATION_IDS_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    delivery_id: str
    recipient_id: str
    kind: str
    notification_ids: _containers.RepeatedScalarFieldContainer[str]
    message_id: str
    attempts: int
    def __init__(self, delivery_id: _Optional[str] = ..., recipient_id: _Optional[str] = ..., kind: _Optional[str] = ..., notification_ids: _Optional[_Iterable[str]] = ..., message_id: _Optional[str] = ..., attempts: _Optional[int] = ...) -> None: ...

class NotificationFailed(_message.Message):
    __slots__ = ("delivery_id", "recipient_id", "kind", "notification_ids", "attempts", "last_error", "permanent")
    DELIVERY_ID_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    NOTIFICATION_IDS_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    LAST_ERROR_FIELD_NUMBER: _ClassVar[int]
    PERMANENT_FIELD_NUMBER: _ClassVar[int]
    delivery_id: str
    recipient_id: str
    kind: str
    notification_ids: _containers.RepeatedScalarFieldContainer[str]
    attempts: int
    last_error: str
    permanent: bool
    def __init__(self, delivery_id: _Optional[str] = ..., recipient_id: _Optional[str] = ..., kind: _Optional[str] = ..., notification_ids: _Optional[_Iterable[str]] = ..., attempts: _Optional[int] = ..., last_error: _Optional[str] = ..., permanent: bool = ...) -> None: ...
