"""The asyncio face of the client: the same calls as coroutines, each run on a worker thread.

http.client blocks, so each call runs in ``asyncio.to_thread``; the connection pool is thread-safe.
"""

import asyncio
import functools
from typing import Any, AsyncIterator, Dict, Iterable, List, Optional

from .client import VersoClient
from .models import AppendOutcome, Change, ChangePage, EntityErasure, EntityPage, ImportResult, Version, VersionPage


class AsyncVersoClient:
    """``async with AsyncVersoClient(base_url, token=None) as verso: await verso.get("agent", "alice")``."""

    def __init__(self, base_url: str, token: Optional[str] = None, *, timeout: float = 30.0):
        self.sync = VersoClient(base_url, token, timeout=timeout)

    @classmethod
    def wrapping(cls, client: VersoClient) -> "AsyncVersoClient":
        """The asyncio face of an existing synchronous client (sharing its connections and ETag cache)."""
        wrapped = cls.__new__(cls)
        wrapped.sync = client
        return wrapped

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.sync.close()

    async def _run(self, function, *args, **kwargs):
        return await asyncio.get_running_loop().run_in_executor(None, functools.partial(function, *args, **kwargs))

    async def get(self, kind: str, id: str, ref: Optional[str] = None) -> Version:
        return await self._run(self.sync.get, kind, id, ref)

    async def history(self, kind: str, id: str, **options: Any) -> VersionPage:
        return await self._run(self.sync.history, kind, id, **options)

    async def versions_with_hash(self, kind: str, id: str, hash: str, *, include_content: bool = False) -> List[Version]:
        return await self._run(self.sync.versions_with_hash, kind, id, hash, include_content=include_content)

    async def entities(self, kind: str, **options: Any) -> EntityPage:
        return await self._run(self.sync.entities, kind, **options)

    async def changes_page(self, **options: Any) -> ChangePage:
        return await self._run(self.sync.changes_page, **options)

    async def changes(self, *, after: Optional[int] = None, kind: Optional[str] = None) -> AsyncIterator[Change]:
        """The live change feed as an async iterator, resuming with Last-Event-ID after a drop."""
        feed = self.sync.changes(after=after, kind=kind)
        iterator = iter(feed)
        try:
            while True:
                change = await self._run(next, iterator, None)
                if change is None:
                    return
                yield change
        finally:
            feed.close()

    async def save(self, kind: str, id: str, record: Dict[str, Any], **options: Any) -> AppendOutcome:
        return await self._run(self.sync.save, kind, id, record, **options)

    async def rollback(self, kind: str, id: str, to: int, **options: Any) -> AppendOutcome:
        return await self._run(self.sync.rollback, kind, id, to, **options)

    async def import_versions(self, versions: Iterable[Dict[str, Any]]) -> ImportResult:
        return await self._run(self.sync.import_versions, list(versions))

    async def erase_entity(self, kind: str, id: str, *, reason: str, saved_by: Optional[str] = None) -> EntityErasure:
        return await self._run(self.sync.erase_entity, kind, id, reason=reason, saved_by=saved_by)

    async def request(self, method: str, path: str, **options: Any) -> Any:
        return await self._run(self.sync.request, method, path, **options)
