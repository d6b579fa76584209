"""The synchronous client of Verso's REST API."""

import threading
import urllib.parse
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple

from ._transport import Transport
from .changes import ChangeFeed
from .models import AppendOutcome, ChangePage, EntityErasure, EntityPage, ImportResult, Version, VersionPage


def _segment(text: str) -> str:
    return urllib.parse.quote(str(text), safe="")


class VersoClient:
    """A client of one Verso server: ``VersoClient("http://127.0.0.1:5180", token=None)``.

    Reads of a head or a version are ETag-aware: the client remembers the last answer of each and asks
    again with ``If-None-Match``, so an unchanged version costs a 304 and no body. Errors raise the
    :class:`~verso_client.errors.VersoError` subclass of their problem type.
    """

    def __init__(self, base_url: str, token: Optional[str] = None, *, timeout: float = 30.0):
        self._transport = Transport(base_url, token, timeout)
        self._cache: Dict[str, Tuple[str, Version]] = {}
        self._cache_lock = threading.Lock()

    @property
    def base_url(self) -> str:
        t = self._transport
        return f"{t.scheme}://{t.host}{':' + str(t.port) if t.port else ''}{t.prefix}"

    def close(self) -> None:
        self._transport.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # Reads

    def get(self, kind: str, id: str, ref: Optional[str] = None) -> Version:
        """The head of ``kind/id``, or the version ``ref`` names (a number, a tag, ``sha256:…`` or ``{time}``)."""
        path = f"/api/v1/entities/{_segment(kind)}/{_segment(id)}"
        if ref is not None:
            path += f"/versions/{_segment(ref)}"
        with self._cache_lock:
            cached = self._cache.get(path)
        headers = {"If-None-Match": cached[0]} if cached else None
        response = self._transport.request("GET", path, headers=headers)
        if response.status == 304 and cached:
            return cached[1]
        version = Version.from_json(response.body)
        if "etag" in response.headers:
            with self._cache_lock:
                self._cache[path] = (response.headers["etag"], version)
        return version

    def history(self, kind: str, id: str, *, limit: Optional[int] = None, offset: Optional[int] = None,
                cursor: Optional[str] = None, include_content: bool = False, hash: Optional[str] = None) -> VersionPage:
        """One page of history, newest first; by ``offset`` or ``cursor``; ``hash`` keeps the versions holding it."""
        query = {"limit": limit, "offset": offset, "cursor": cursor, "include": "content" if include_content else None, "hash": hash}
        response = self._transport.request("GET", f"/api/v1/entities/{_segment(kind)}/{_segment(id)}/versions", query)
        return VersionPage.from_json(response.body)

    def iter_history(self, kind: str, id: str, *, include_content: bool = False, page_size: Optional[int] = None,
                     hash: Optional[str] = None) -> Iterator[Version]:
        """Every version (or every one holding ``hash``), newest first, page by page."""
        cursor = None
        while True:
            page = self.history(kind, id, limit=page_size, cursor=cursor, include_content=include_content, hash=hash)
            yield from page.items
            cursor = page.next_cursor
            if cursor is None:
                return

    def versions_with_hash(self, kind: str, id: str, hash: str, *, include_content: bool = False) -> List[Version]:
        """Every version of ``kind/id`` whose content hash is ``hash`` (``sha256:…``), newest first."""
        return list(self.iter_history(kind, id, include_content=include_content, hash=hash))

    def entities(self, kind: str, *, limit: Optional[int] = None, cursor: Optional[str] = None) -> EntityPage:
        """One page of a kind's entities with their heads, by id."""
        return EntityPage.from_json(self._transport.request("GET", f"/api/v1/entities/{_segment(kind)}", {"limit": limit, "cursor": cursor}).body)

    def changes_page(self, *, after: int = 0, limit: Optional[int] = None, kind: Optional[str] = None) -> ChangePage:
        """New versions after sequence ``after``, as one JSON page (for polling)."""
        return ChangePage.from_json(self._transport.request("GET", "/api/v1/changes", {"after": after, "limit": limit, "kind": kind}).body)

    def changes(self, *, after: Optional[int] = None, kind: Optional[str] = None, read_timeout: Optional[float] = None) -> ChangeFeed:
        """The live change feed: an iterator of each new version, resuming with Last-Event-ID after a drop."""
        return ChangeFeed(self._transport, after=after, kind=kind, read_timeout=read_timeout)

    # Writes

    def save(self, kind: str, id: str, record: Dict[str, Any], *, saved_by: Optional[str] = None, message: Optional[str] = None,
             force: bool = False, expected_version: Optional[int] = None, new_kind: bool = False) -> AppendOutcome:
        """Saves ``record`` as a new version when it changed (or when ``force``); atomic in the store.

        ``expected_version`` (0: no version yet) makes the save fail with VersionConflict unless the head is that version.
        ``new_kind`` creates ``kind`` when the server neither registers nor holds it yet (else an unknown kind is refused
        as a likely typo, naming the nearest kind).
        """
        query = {"saved_by": saved_by, "message": message, "force": True if force else None, "expected_version": expected_version,
                 "new_kind": True if new_kind else None}
        response = self._transport.request("PUT", f"/api/v1/entities/{_segment(kind)}/{_segment(id)}", query, body=record)
        return AppendOutcome.from_json(response.body)

    def rollback(self, kind: str, id: str, to: int, *, reason: Optional[str] = None, saved_by: Optional[str] = None,
                 expected_version: Optional[int] = None) -> AppendOutcome:
        """A new version with version ``to``'s content."""
        body = {k: v for k, v in {"to": to, "reason": reason, "saved_by": saved_by, "expected_version": expected_version}.items() if v is not None}
        return AppendOutcome.from_json(self._transport.request("POST", f"/api/v1/entities/{_segment(kind)}/{_segment(id)}/rollback", body=body).body)

    def import_versions(self, versions: Iterable[Dict[str, Any]]) -> ImportResult:
        """Admin: appends versions keeping ``version``, ``saved_by`` and ``saved_at`` (each a dict with kind, id,
        version, content, saved_by, saved_at and optionally message); all or nothing, and idempotent."""
        return ImportResult.from_json(self._transport.request("POST", "/api/v1/import", body={"versions": list(versions)}).body)

    def erase_entity(self, kind: str, id: str, *, reason: str, saved_by: Optional[str] = None) -> EntityErasure:
        """Admin: erases the content of every version of ``kind/id``; numbers and hashes stay."""
        body = {"reason": reason} if saved_by is None else {"reason": reason, "saved_by": saved_by}
        return EntityErasure.from_json(self._transport.request("POST", f"/api/v1/entities/{_segment(kind)}/{_segment(id)}/erase-all", body=body).body)

    def resolve(self, kind: str, id: str, *, label: Optional[str] = None, subject: Optional[str] = None) -> Dict[str, Any]:
        """The version ``label`` serves ``subject`` (through its rollout if one is active): ``ref``, ``version``, ``hash``,
        ``variant``, ``bucket`` and ``rollout_version``, what a task pins at its start."""
        query = {"label": label, "subject": subject}
        return self._transport.request("GET", f"/api/v1/entities/{_segment(kind)}/{_segment(id)}/resolve", query).body

    def rollout(self, kind: str, id: str, label: str) -> Dict[str, Any]:
        """The newest version of ``label``'s rollout: state, control, candidates with their bucket ranges, salt, steps."""
        return self._transport.request("GET", f"/api/v1/entities/{_segment(kind)}/{_segment(id)}/rollouts/{_segment(label)}").body

    def request(self, method: str, path: str, *, query: Optional[Dict[str, Any]] = None, body: Any = None) -> Any:
        """Any other call of the API (``path`` from ``/api/v1``); answers the decoded JSON."""
        return self._transport.request(method, path, query, body=body).body
