"""The seed platform's versioning contract over Verso: a drop-in ``VersionRepository`` and ``VersioningService``.

The platform (synthorg) keeps each versioned entity type in its own SQLite table behind an async
``VersionRepository[T]`` protocol; here each entity type is a Verso kind. Its code runs unchanged on
``VersoVersionRepository`` (see the conformance suite in ``clients/python/tests``), with these differences
that come from Verso keeping history forever:

- ``delete_versions_for_entity`` erases the content of every version (admin token needed); the numbers
  and hashes stay, so the entity reads as having no version, and a later save continues after the old head.
- ``save_version`` appends only the entity's next number (the platform's table accepts any free number):
  a number that is taken, or one beyond the next, answers False. ``saved_at`` is the server's clock.
- ``get_by_content_hash`` takes the platform's hash (bare hex) and Verso's (``sha256:…`` or bare hex);
  a Verso hash is one index read, a platform hash a read of the history.

Pydantic v2 is imported here only; the rest of ``verso_client`` needs nothing outside the standard library.
"""

import copy
import re
from datetime import datetime, timedelta, timezone
from typing import Annotated, Any, Dict, Generic, Optional, Tuple, Type, TypeVar, Union

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints, field_validator

from .aio import AsyncVersoClient
from .client import VersoClient
from .errors import NotFound, VersionConflict
from .hashing import platform_hash
from .models import Version

T = TypeVar("T", bound=BaseModel)

NotBlankStr = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]

_CONTENT_HASH = re.compile(r"^[0-9a-f]{64}$")
# A save through an act-as token is recorded as "alice (via platform)"; the platform knows only "alice".
_VIA = re.compile(r" \(via [^()]+\)$")
_DEFAULT_LIST_LIMIT = 50


class VersionSnapshot(BaseModel, Generic[T]):
    """One version of an entity as the platform sees it: frozen, no extra fields, a bare-hex hash, UTC time."""

    model_config = ConfigDict(frozen=True, allow_inf_nan=False, extra="forbid")

    entity_id: NotBlankStr = Field(description="String primary key of the entity")
    version: int = Field(ge=1, description="Monotonic version counter (1-indexed)")
    content_hash: NotBlankStr = Field(description="SHA-256 hex digest of canonical JSON")
    snapshot: T = Field(description="Full frozen entity model at this version")
    saved_by: NotBlankStr = Field(description="Actor that triggered the snapshot")
    saved_at: AwareDatetime = Field(description="When the snapshot was captured")

    @field_validator("content_hash")
    @classmethod
    def _content_hash_is_hex(cls, value: str) -> str:
        if not _CONTENT_HASH.match(value):
            raise ValueError(f"content_hash must be a 64-character lowercase hex string (SHA-256 digest), got {value!r}")
        return value

    @field_validator("saved_at")
    @classmethod
    def _saved_at_is_utc(cls, value: datetime) -> datetime:
        if value.utcoffset() != timedelta(0):
            raise ValueError(f"saved_at must be UTC, got offset {value.utcoffset()}")
        return value


def content_hash(model: BaseModel) -> str:
    """The platform's content hash of a model: SHA-256 of ``json.dumps(model_dump(mode="json"), sort_keys=True, default=str)``."""
    return platform_hash(model.model_dump(mode="json"))


class VersoVersionRepository(Generic[T]):
    """``VersionRepository[T]`` on a Verso server: ``VersoVersionRepository(client, kind="agent", model=AgentIdentity)``."""

    def __init__(self, client: Union[VersoClient, AsyncVersoClient], *, kind: str, model: Type[T]):
        self.client = AsyncVersoClient.wrapping(client) if isinstance(client, VersoClient) else client
        self.kind = kind
        self.model = model

    # The protocol

    async def save_version(self, version: "VersionSnapshot[T]") -> bool:
        """Appends ``version`` as the entity's next version; False when that number is taken (or not the next)."""
        try:
            await self.client.save(self.kind, version.entity_id, version.snapshot.model_dump(mode="json"),
                                   saved_by=version.saved_by, force=True, expected_version=version.version - 1, new_kind=True)
        except VersionConflict:
            return False
        return True

    async def get_version(self, entity_id: str, version: int) -> "Optional[VersionSnapshot[T]]":
        try:
            return self._snapshot(await self.client.get(self.kind, entity_id, str(version)))
        except NotFound:
            return None

    async def get_latest_version(self, entity_id: str) -> "Optional[VersionSnapshot[T]]":
        try:
            return self._snapshot(await self.client.get(self.kind, entity_id))
        except NotFound:
            return None

    async def get_by_content_hash(self, entity_id: str, content_hash: str) -> "Optional[VersionSnapshot[T]]":
        """The newest version with that hash: Verso's (``sha256:…`` or hex) or the platform's (hex)."""
        verso = content_hash if content_hash.startswith("sha256:") else "sha256:" + content_hash
        try:
            page = await self.client.history(self.kind, entity_id, hash=verso, limit=1, include_content=True)
            for item in page.items:
                found = self._snapshot(item)
                if found is not None:
                    return found
            if content_hash.startswith("sha256:"):
                return None
            # Not a Verso hash: the platform's own formula, computed for each version until one matches.
            cursor = None
            while True:
                page = await self.client.history(self.kind, entity_id, cursor=cursor, include_content=True)
                for item in page.items:
                    found = self._snapshot(item)
                    if found is not None and found.content_hash == content_hash:
                        return found
                cursor = page.next_cursor
                if cursor is None:
                    return None
        except NotFound:
            return None

    async def list_versions(self, entity_id: str, *, limit: int = _DEFAULT_LIST_LIMIT, offset: int = 0) -> "Tuple[VersionSnapshot[T], ...]":
        """Newest first; ``offset`` and ``limit`` are version counts, so each page is one index read."""
        if limit <= 0:
            return ()
        found = []
        try:
            page = await self.client.history(self.kind, entity_id, offset=max(offset, 0), limit=limit, include_content=True)
            while True:
                found.extend(s for s in map(self._snapshot, page.items) if s is not None)
                if len(found) >= limit or page.next_cursor is None:
                    break
                page = await self.client.history(self.kind, entity_id, cursor=page.next_cursor, limit=limit - len(found), include_content=True)
        except NotFound:
            return ()
        return tuple(found[:limit])

    async def count_versions(self, entity_id: str) -> int:
        try:
            head = await self.client.get(self.kind, entity_id)
        except NotFound:
            return 0
        return 0 if _deleted(head) else head.version

    async def delete_versions_for_entity(self, entity_id: str) -> int:
        """Erases the content of every version (admin); answers how many versions lost theirs."""
        try:
            return (await self.client.erase_entity(self.kind, entity_id, reason="delete_versions_for_entity")).count
        except NotFound:
            return 0

    # Beyond the protocol

    async def charter_version(self, entity_id: str, at: datetime) -> Optional[Dict[str, Any]]:
        """The platform's ``metadata["charter_version"]`` of a decision: the version in force at ``at`` (execution time)."""
        try:
            moment = at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
            version = await self.client.get(self.kind, entity_id, "{" + moment + "}")
        except NotFound:
            return None
        snapshot = self._snapshot(version)
        return None if snapshot is None else {"agent_id": entity_id, "version": snapshot.version, "content_hash": snapshot.content_hash}

    async def save_if_changed(self, entity_id: str, snapshot: T, saved_by: str, *, force: bool = False) -> "Optional[VersionSnapshot[T]]":
        """One atomic save-if-changed in the store (no read-then-write): the new version, or None when unchanged."""
        content = snapshot.model_dump(mode="json")
        # The repository's kind is chosen by whoever configured it, so its first save may create it.
        outcome = await self.client.save(self.kind, entity_id, content, saved_by=saved_by, force=force, new_kind=True)
        if not outcome.created:
            return None
        stored = await self.client.get(self.kind, entity_id, str(outcome.version))
        return VersionSnapshot[self.model](entity_id=entity_id, version=outcome.version, content_hash=platform_hash(content),
                                           snapshot=snapshot, saved_by=_VIA.sub("", stored.saved_by), saved_at=stored.saved_at)

    def _snapshot(self, version: Version) -> "Optional[VersionSnapshot[T]]":
        if version.content is None or _deleted(version):
            return None
        model = self.model.model_validate(version.content)
        return VersionSnapshot[self.model](entity_id=version.id, version=version.version, content_hash=content_hash(model),
                                           snapshot=model, saved_by=_VIA.sub("", version.saved_by), saved_at=version.saved_at)


def _deleted(version: Version) -> bool:
    # An erase tombstone stands for "no version": what delete_versions_for_entity leaves as the head.
    return version.operation == "erase"


class VersoVersioningService(Generic[T]):
    """The platform's ``VersioningService[T]`` over :class:`VersoVersionRepository`, with Verso's atomic save-if-changed."""

    def __init__(self, repo: VersoVersionRepository[T]):
        self._repo = repo

    async def snapshot_if_changed(self, entity_id: str, snapshot: T, saved_by: str) -> "Optional[VersionSnapshot[T]]":
        """A new version when the content changed, else None: one atomic append, so no collision is ever lost."""
        return await self._repo.save_if_changed(entity_id, copy.deepcopy(snapshot), saved_by)

    async def force_snapshot(self, entity_id: str, snapshot: T, saved_by: str) -> "VersionSnapshot[T]":
        """A new version even when the content is the head's."""
        created = await self._repo.save_if_changed(entity_id, copy.deepcopy(snapshot), saved_by, force=True)
        assert created is not None  # a forced save always appends
        return created

    async def get_latest(self, entity_id: str) -> "Optional[VersionSnapshot[T]]":
        return await self._repo.get_latest_version(entity_id)
