"""Artifacts and their immutable versions, with the validation of everything a caller may set."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import urlsplit

from artifacts.domain.access import ViewerCan
from chassis.errors import FieldProblem, InvalidArgument

TITLE_MAX, DESCRIPTION_MAX, SKILLS_MAX, URL_MAX = 200, 5000, 50, 2048


class Kind(StrEnum):
    DOCUMENT = "document"
    IMAGE = "image"
    LINK = "link"
    AUDIO = "audio"
    VIDEO = "video"
    OTHER = "other"


class Status(StrEnum):
    PROCESSING = "processing"
    READY = "ready"
    REJECTED = "rejected"
    EXPIRED = "expired"          # its media removed under the district's retention schedule (the record stays)


@dataclass(frozen=True)
class VersionInput:
    """What a caller submits for a version: a link (kind link), or the file it is about to upload (other kinds)."""

    link_url: str = ""
    size_bytes: int = 0
    content_type: str = ""
    file_name: str = ""


@dataclass(frozen=True)
class StoredMedia:
    """What the media worker found in the store for one version: its verdict, the sniffed type, the real size."""

    verdict: str = ""            # "" (not checked yet) | ready | rejected | expired (removed by the retention schedule)
    content_type: str = ""       # sniffed from the bytes
    size_bytes: int = 0
    thumbnail_key: str = ""
    checked_key: str = ""        # the worker's copy of what it checked: the only key served

    @property
    def ready(self) -> bool:
        return self.verdict == Status.READY

    @property
    def servable(self) -> bool:
        """Ready, with a checked copy (a verdict recorded before checked copies existed waits for its re-check)."""
        return self.ready and bool(self.checked_key)


@dataclass(frozen=True)
class Version:
    number: int
    media_key: str               # chosen by the service (empty for links)
    link_url: str
    size_bytes: int              # as declared by the uploader
    content_type: str            # as declared by the uploader
    created_by: str
    created_at: dt.datetime
    file_name: str = ""
    stored: StoredMedia | None = None
    download_url: str = ""                # reads only

    @property
    def served_type(self) -> str:
        """The type to show and serve: the sniffed one once accepted, else what the uploader declared."""
        return self.stored.content_type if self.stored and self.stored.ready else self.content_type

    @property
    def served_size(self) -> int:
        return self.stored.size_bytes if self.stored and self.stored.ready else self.size_bytes


@dataclass(frozen=True)
class Origin:
    """Imported history: another district's artifact, read-only here, labelled "from <district_name>"."""

    district_id: str                       # the sending district's did:web
    district_name: str
    ref: str                               # its id in the sending district
    skill_labels: tuple[str, ...] = ()     # its skills with no local match: "<name> (from <district>)"
    school_year: str = ""                  # the sender's school year it was made in, as titled there
    school_year_start: str = ""            # that year's first day (YYYY-MM-DD)

    @property
    def label(self) -> str:
        return f"from {self.district_name}"


def origin_year_problems(origin: Origin) -> list[FieldProblem]:
    """The sender's school year: a title of at most 200 characters, its first day a date (YYYY-MM-DD) or empty."""
    problems = []
    if len(origin.school_year) > 200:
        problems.append(FieldProblem("origin.school_year", "at most 200 characters"))
    if origin.school_year_start and not _is_day(origin.school_year_start):
        problems.append(FieldProblem("origin.school_year_start", "a date (YYYY-MM-DD)"))
    return problems


def _is_day(text: str) -> bool:
    try:
        return len(text) == 10 and bool(dt.date.fromisoformat(text))
    except ValueError:
        return False


@dataclass
class Artifact:
    id: str
    student_id: str
    added_by: str
    added_by_role: str
    title: str
    description: str
    kind: Kind
    skill_ids: list[str]
    school_year_id: str
    school_id: str
    status: Status
    created_at: dt.datetime
    updated_at: dt.datetime
    link_url: str = ""
    rejection_reason: str = ""
    current_version: int = 1
    deleted_at: dt.datetime | None = None
    versions: list[Version] = field(default_factory=list)   # newest first, when loaded
    media: StoredMedia | None = None      # the current version's, when loaded
    thumbnail_url: str = ""               # reads only: short-lived presigned URLs
    media_url: str = ""
    viewer_can: ViewerCan | None = None   # reads only: what the reader may do with it
    origin: Origin | None = None          # imported from another district: read-only


def has_control(text: str) -> bool:
    return any(ord(c) < 32 or ord(c) == 127 for c in text)


def title_problems(title: str) -> list[FieldProblem]:
    if not title.strip():
        return [FieldProblem("title", "must not be empty")]
    if len(title) > TITLE_MAX:
        return [FieldProblem("title", f"{len(title)} characters; at most {TITLE_MAX}")]
    if has_control(title):
        return [FieldProblem("title", "must not contain control characters or line breaks")]
    return []


def description_problems(description: str) -> list[FieldProblem]:
    if len(description) > DESCRIPTION_MAX:
        return [FieldProblem("description", f"{len(description)} characters; at most {DESCRIPTION_MAX}")]
    return []


def clean_skill_ids(skill_ids: list[str], problems: list[FieldProblem]) -> list[str]:
    """Distinct skill ids in the caller's order; problems if none, blank ones or too many."""
    ids = list(dict.fromkeys(s.strip() for s in skill_ids))
    if not ids:
        problems.append(FieldProblem("skill_ids", "tag at least one skill"))
    elif "" in ids:
        problems.append(FieldProblem("skill_ids", "must not contain an empty id"))
    elif len(ids) > SKILLS_MAX:
        problems.append(FieldProblem("skill_ids", f"{len(ids)} skills; at most {SKILLS_MAX}"))
    elif any(len(s) > 64 for s in ids):
        problems.append(FieldProblem("skill_ids", "an id is longer than 64 characters"))
    return ids


def kind_of(raw: str, problems: list[FieldProblem]) -> Kind | None:
    try:
        return Kind(raw)
    except ValueError:
        problems.append(FieldProblem("kind", f"{raw!r} is not one of {', '.join(k.value for k in Kind)}"))
        return None


def link_problem(url: str, name: str = "content.link_url") -> FieldProblem | None:
    """None for an absolute http(s) URL with a host; otherwise what is wrong with it."""
    if not url:
        return FieldProblem(name, "a link artifact needs a URL")
    if len(url) > URL_MAX:
        return FieldProblem(name, f"longer than {URL_MAX} characters")
    if has_control(url) or any(c.isspace() for c in url):
        return FieldProblem(name, "must not contain spaces or control characters")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises for a malformed port
    except ValueError:
        return FieldProblem(name, "is not a valid URL")
    if parts.scheme.lower() not in ("http", "https"):
        return FieldProblem(name, "only http and https links are allowed")
    if not parts.hostname:
        return FieldProblem(name, "must name a host, e.g. https://example.org/page")
    return None


def raise_if(problems: list[FieldProblem], message: str = "the artifact is not valid") -> None:
    if problems:
        raise InvalidArgument(message, problems)


def initial_status(kind: Kind) -> Status:
    """Links are ready at once; media waits for the media worker."""
    return Status.READY if kind is Kind.LINK else Status.PROCESSING
