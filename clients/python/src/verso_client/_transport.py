"""HTTP over http.client with keep-alive: a small pool of connections, safe to share between threads."""

import http.client
import json
import queue
import urllib.parse
from typing import Any, Dict, Optional, Tuple

from .errors import from_problem


class Response:
    """A finished answer: status, headers (lowercase names) and the decoded JSON body (or None)."""

    def __init__(self, status: int, headers: Dict[str, str], body: Any):
        self.status = status
        self.headers = headers
        self.body = body


class Transport:
    def __init__(self, base_url: str, token: Optional[str] = None, timeout: float = 30.0, pool_size: int = 4):
        parts = urllib.parse.urlsplit(base_url.rstrip("/"))
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"base_url must be http:// or https://, not {base_url!r}")
        self.scheme = parts.scheme
        self.host = parts.hostname
        self.port = parts.port
        self.prefix = parts.path
        self.token = token
        self.timeout = timeout
        self._idle: "queue.LifoQueue[http.client.HTTPConnection]" = queue.LifoQueue(maxsize=pool_size)

    def connect(self, timeout: Optional[float] = None) -> http.client.HTTPConnection:
        cls = http.client.HTTPSConnection if self.scheme == "https" else http.client.HTTPConnection
        return cls(self.host, self.port, timeout=self.timeout if timeout is None else timeout)

    def headers(self, extra: Optional[Dict[str, str]] = None) -> Dict[str, str]:
        headers = {"Accept": "application/json", "User-Agent": "verso-client-python/0.1"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        headers.update(extra or {})
        return headers

    def path(self, path: str, query: Optional[Dict[str, Any]] = None) -> str:
        pairs = [(k, _query_value(v)) for k, v in (query or {}).items() if v is not None]
        return self.prefix + path + ("?" + urllib.parse.urlencode(pairs) if pairs else "")

    def request(self, method: str, path: str, query: Optional[Dict[str, Any]] = None, body: Any = None,
                headers: Optional[Dict[str, str]] = None, ok: Tuple[int, ...] = ()) -> Response:
        """Sends one request; an answer of 400 or more (other than those in ``ok``) raises its VersoError."""
        data = None
        all_headers = self.headers(headers)
        if body is not None:
            data = json.dumps(body, ensure_ascii=False, allow_nan=False).encode("utf-8")
            all_headers["Content-Type"] = "application/json"
        target = self.path(path, query)
        for attempt in (0, 1):
            try:
                connection = self._idle.get_nowait()
                reused = True
            except queue.Empty:
                connection, reused = self.connect(), False
            try:
                connection.request(method, target, body=data, headers=all_headers)
                answer = connection.getresponse()
                raw = answer.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                connection.close()
                # A kept-alive connection the server closed meanwhile: once more on a new one.
                if reused and attempt == 0:
                    continue
                raise
            break
        response = Response(answer.status, {k.lower(): v for k, v in answer.getheaders()}, _decode(raw))
        if answer.will_close:
            connection.close()
        else:
            try:
                self._idle.put_nowait(connection)
            except queue.Full:
                connection.close()
        if response.status >= 400 and response.status not in ok:
            raise from_problem(response.status, response.body)
        return response

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return


def _query_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _decode(raw: bytes) -> Any:
    if not raw:
        return None
    try:
        return json.loads(raw.decode("utf-8"))
    except ValueError:
        return raw.decode("utf-8", "replace")
