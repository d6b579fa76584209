"""problem+json answers as exceptions: one base type, one subclass per problem type the API sends."""

from typing import Any, Dict, Optional


class VersoError(Exception):
    """An answer of the API that is not a success: its problem ``type``, ``status``, ``detail`` and facts.

    ``facts`` holds the problem's extension members (``kind``, ``id``, ``expected``, ``actual``, ``ref``, …).
    """

    def __init__(self, status: int, type: str, title: str, detail: str, facts: Optional[Dict[str, Any]] = None):
        super().__init__(detail or title or f"HTTP {status}")
        self.status = status
        self.type = type
        self.title = title
        self.detail = detail
        self.facts: Dict[str, Any] = dict(facts or {})

    @property
    def slug(self) -> str:
        """The last part of the type, e.g. ``version-conflict``."""
        return self.type.rsplit(":", 1)[-1]

    def __getitem__(self, name: str) -> Any:
        return self.facts[name]


class BadRequest(VersoError):
    """400: a parameter, a header or the body is malformed."""


class Unauthorized(VersoError):
    """401: no token, or an unknown one."""


class Forbidden(VersoError):
    """403: the token's role or kinds do not allow this."""


class NotFound(VersoError):
    """404: no such entity, version, tag or hash."""


class Conflict(VersoError):
    """409: the store's state refuses the change (a moved head, a policy, an import that does not continue)."""


class VersionConflict(Conflict):
    """409 version-conflict: the head was not the expected version (facts ``expected`` and ``actual``)."""


class ImportConflict(Conflict):
    """409 import-conflict: a version exists with another content, or would leave a gap (facts ``ref``, ``head``)."""


class ContentRemoved(VersoError):
    """410: the version's content was pruned or erased (facts ``removal``, ``removed_by``, ``reason``)."""


class PreconditionFailed(VersoError):
    """412: If-Match named another version than the head."""


class InvalidRecord(VersoError):
    """422: the record breaks its kind's rules (fact ``problems``: each ``path`` and ``message``)."""


class Unavailable(VersoError):
    """503: the store cannot be reached."""


_BY_SLUG = {"version-conflict": VersionConflict, "import-conflict": ImportConflict}
_BY_STATUS = {400: BadRequest, 401: Unauthorized, 403: Forbidden, 404: NotFound, 409: Conflict,
              410: ContentRemoved, 412: PreconditionFailed, 422: InvalidRecord, 503: Unavailable}
_STANDARD = ("type", "title", "status", "detail", "instance")


def from_problem(status: int, body: Optional[Dict[str, Any]]) -> VersoError:
    """The exception of an error answer (``body`` is its parsed problem+json, or None)."""
    body = body if isinstance(body, dict) else {}
    type_ = str(body.get("type") or f"urn:verso:problem:http-{status}")
    facts = {k: v for k, v in body.items() if k not in _STANDARD}
    cls = _BY_SLUG.get(type_.rsplit(":", 1)[-1]) or _BY_STATUS.get(status, VersoError)
    return cls(status, type_, str(body.get("title") or ""), str(body.get("detail") or ""), facts)
