"""The API's answers as typed dataclasses.

Each class names the OpenAPI schema it mirrors (``SCHEMA``: a component's name, or a JSON pointer into the document); a test compares their fields with the served
``/openapi/v1.json``, so a shape that changes on the server fails that test instead of drifting.
"""

from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any, ClassVar, Dict, List, Optional, Tuple


def parse_time(text: Optional[str]) -> Optional[datetime]:
    """An ISO 8601 UTC time as Verso writes it (``…Z``) as an aware datetime."""
    if text is None:
        return None
    text = text[:-1] + "+00:00" if text.endswith("Z") else text
    # fromisoformat before 3.11 wants 0, 3 or 6 fraction digits; Verso writes up to 6 with trailing zeros cut.
    if "." in text:
        head, rest = text.split(".", 1)
        digits = rest[:len(rest) - len(rest.lstrip("0123456789"))]
        text = f"{head}.{digits.ljust(6, '0')[:6]}{rest[len(digits):]}"
    return datetime.fromisoformat(text)


class _Wire:
    SCHEMA: ClassVar[str] = ""
    # Fields whose JSON differs from the attribute: nested types and times.
    _NESTED: ClassVar[Dict[str, Any]] = {}
    _TIMES: ClassVar[Tuple[str, ...]] = ()

    @classmethod
    def from_json(cls, data: Dict[str, Any]):
        """Builds the object from a decoded JSON object; members the class does not know are ignored."""
        values = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            nested = cls._NESTED.get(f.name)
            if nested is not None and value is not None:
                value = [nested.from_json(v) for v in value] if isinstance(value, list) else nested.from_json(value)
            elif f.name in cls._TIMES:
                value = parse_time(value)
            values[f.name] = value
        return cls(**values)


@dataclass(frozen=True)
class VersionSource(_Wire):
    """Where a version came from: a git import (commit, deleted, path) or an applied change request (approvers, request)."""
    SCHEMA: ClassVar[str] = "VersionSourceInfo"
    approvers: Optional[List[str]] = None
    request: Optional[str] = None
    commit: Optional[str] = None
    deleted: Optional[bool] = None
    path: Optional[str] = None


@dataclass(frozen=True)
class Removal(_Wire):
    SCHEMA: ClassVar[str] = "RemovalInfo"
    _TIMES: ClassVar[Tuple[str, ...]] = ("at",)
    kind: str
    by: str
    at: datetime
    reason: Optional[str]


@dataclass(frozen=True)
class Version(_Wire):
    """One version: metadata, and ``content`` when it was read with content (None when pruned or erased)."""

    SCHEMA: ClassVar[str] = "VersionWithContent"
    _NESTED: ClassVar[Dict[str, Any]] = {"source": VersionSource, "removed": Removal}
    _TIMES: ClassVar[Tuple[str, ...]] = ("saved_at",)
    ref: str
    kind: str
    id: str
    version: int
    hash: str
    saved_by: str
    saved_at: datetime
    message: Optional[str]
    operation: str
    schema_version: int
    revert_of: Optional[int] = None
    source: Optional[VersionSource] = None
    removed: Optional[Removal] = None
    content: Optional[Dict[str, Any]] = None


@dataclass(frozen=True)
class VersionPage(_Wire):
    """A page of history, newest first; ``next_cursor`` is None on the last page."""

    SCHEMA: ClassVar[str] = "VersionPage"
    _NESTED: ClassVar[Dict[str, Any]] = {"items": Version}
    ref: str
    head: int
    items: List[Version]
    next_cursor: Optional[str]


@dataclass(frozen=True)
class AppendOutcome(_Wire):
    """What a save, rollback or import did: ``status`` is created or unchanged."""

    SCHEMA: ClassVar[str] = "AppendOutcomeInfo"
    status: str
    ref: str
    kind: str
    id: str
    version: int
    hash: str
    revert_of: Optional[int] = None

    @property
    def created(self) -> bool:
        return self.status == "created"


@dataclass(frozen=True)
class EntityItem(_Wire):
    SCHEMA: ClassVar[str] = "EntityItem"
    _TIMES: ClassVar[Tuple[str, ...]] = ("saved_at",)
    ref: str
    kind: str
    id: str
    version: int
    hash: str
    saved_by: Optional[str]
    saved_at: datetime
    tags: Dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class EntityPage(_Wire):
    SCHEMA: ClassVar[str] = "EntityPage"
    _NESTED: ClassVar[Dict[str, Any]] = {"items": EntityItem}
    items: List[EntityItem]
    next_cursor: Optional[str]


@dataclass(frozen=True)
class Change(_Wire):
    """One new version in the change feed; ``seq`` is the store's sequence (the SSE event id)."""

    # The change page's schema is written inline in the document, so it is named by a JSON pointer.
    SCHEMA: ClassVar[str] = "#/paths/~1api~1v1~1changes/get/responses/200/content/application~1json/schema/properties/items/items"
    _TIMES: ClassVar[Tuple[str, ...]] = ("saved_at",)
    seq: int
    ref: str
    kind: str
    id: str
    version: int
    hash: str
    saved_by: str
    saved_at: datetime
    operation: str


@dataclass(frozen=True)
class ChangePage(_Wire):
    SCHEMA: ClassVar[str] = "#/paths/~1api~1v1~1changes/get/responses/200/content/application~1json/schema"
    _NESTED: ClassVar[Dict[str, Any]] = {"items": Change}
    items: List[Change]
    last_seq: int


@dataclass(frozen=True)
class ImportResult(_Wire):
    SCHEMA: ClassVar[str] = "ImportResult"
    _NESTED: ClassVar[Dict[str, Any]] = {"items": AppendOutcome}
    created: int
    unchanged: int
    items: List[AppendOutcome]


@dataclass(frozen=True)
class EntityErasure(_Wire):
    """The answer of erasing an entity's content: ``count`` versions lost theirs."""

    SCHEMA: ClassVar[str] = "EntityErasureResult"
    entity: str
    count: int
    versions: List[int]
    tombstone: Optional[str]


#: Every wire class, for the test that checks them against the served document.
WIRE_TYPES = (VersionSource, Removal, Version, VersionPage, AppendOutcome, EntityItem, EntityPage, Change, ChangePage, ImportResult, EntityErasure)
