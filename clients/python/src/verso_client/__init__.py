"""verso_client: the Python client of Verso's REST API, standard library only.

``VersoClient`` (sync) and ``AsyncVersoClient`` (asyncio); answers are dataclasses of ``verso_client.models``;
errors are ``verso_client.errors.VersoError`` subclasses. ``verso_client.synthorg`` (needs Pydantic v2) is the
seed platform's drop-in version repository.
"""

from .aio import AsyncVersoClient
from .changes import ChangeFeed
from .client import VersoClient
from .errors import (BadRequest, Conflict, ContentRemoved, Forbidden, ImportConflict, InvalidRecord, NotFound,
                     PreconditionFailed, Unauthorized, Unavailable, VersionConflict, VersoError)
from .hashing import canonical_json, platform_hash, rollout_bucket, rollout_version_for, verso_hash
from .models import AppendOutcome, Change, ChangePage, EntityErasure, EntityItem, EntityPage, ImportResult, Version, VersionPage

__version__ = "0.1.0"

__all__ = [
    "AsyncVersoClient", "ChangeFeed", "VersoClient",
    "BadRequest", "Conflict", "ContentRemoved", "Forbidden", "ImportConflict", "InvalidRecord", "NotFound",
    "PreconditionFailed", "Unauthorized", "Unavailable", "VersionConflict", "VersoError",
    "canonical_json", "platform_hash", "rollout_bucket", "rollout_version_for", "verso_hash",
    "AppendOutcome", "Change", "ChangePage", "EntityErasure", "EntityItem", "EntityPage", "ImportResult", "Version", "VersionPage",
]
