"""The change feed (Server-Sent Events) as an iterator that reconnects and resumes with Last-Event-ID."""

import http.client
import json
import socket
from typing import Iterator, Optional

from .errors import from_problem
from .models import Change


class ChangeFeed:
    """Yields each new version as a :class:`Change`, in store order, forever (or until :meth:`close`).

    A dropped connection is opened again with ``Last-Event-ID`` = the last ``seq`` seen, so no version
    is skipped or repeated; ``last_seq`` says where a later feed may resume (``after=``).
    """

    def __init__(self, transport, after: Optional[int] = None, kind: Optional[str] = None,
                 reconnect: bool = True, read_timeout: Optional[float] = None):
        self._transport = transport
        self._kind = kind
        self._reconnect = reconnect
        self._read_timeout = read_timeout
        self._connection: Optional[http.client.HTTPConnection] = None
        self._closed = False
        self.last_seq: Optional[int] = after

    def __iter__(self) -> Iterator[Change]:
        while not self._closed:
            try:
                yield from self._stream()
            except (http.client.HTTPException, ConnectionError, socket.timeout, OSError):
                if self._closed or not self._reconnect:
                    raise
            if not self._reconnect:
                return

    def _stream(self) -> Iterator[Change]:
        headers = {"Accept": "text/event-stream"}
        if self.last_seq is not None:
            headers["Last-Event-ID"] = str(self.last_seq)
        connection = self._transport.connect(timeout=self._read_timeout)
        self._connection = connection
        try:
            connection.request("GET", self._transport.path("/api/v1/changes", {"kind": self._kind}), headers=self._transport.headers(headers))
            answer = connection.getresponse()
            if answer.status != 200:
                raw = answer.read()
                try:
                    body = json.loads(raw.decode("utf-8")) if raw else None
                except ValueError:
                    body = None
                raise from_problem(answer.status, body)
            event_id, data = None, []
            while True:
                line = answer.readline()
                if not line:
                    return
                line = line.decode("utf-8").rstrip("\r\n")
                if line == "":
                    if data:
                        change = Change.from_json(json.loads("\n".join(data)))
                        self.last_seq = int(event_id) if event_id is not None else change.seq
                        yield change
                    event_id, data = None, []
                elif line.startswith(":"):
                    continue
                else:
                    name, _, value = line.partition(":")
                    value = value[1:] if value.startswith(" ") else value
                    if name == "id":
                        event_id = value
                    elif name == "data":
                        data.append(value)
        finally:
            connection.close()

    def close(self) -> None:
        """Ends the feed; a thread blocked in the iterator returns."""
        self._closed = True
        if self._connection is not None:
            try:
                self._connection.sock and self._connection.sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
