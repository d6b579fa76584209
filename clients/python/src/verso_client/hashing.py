"""Content hashes as Verso computes them (RFC 8785 canonical JSON) and as the seed platform does.

A rollout's bucket (first 8 bytes of SHA-256(salt ":" subject), big-endian, mod 10000) belongs here too.
"""

import hashlib
import json
import math
from decimal import Decimal
from typing import Any, Optional


def canonical_json(value: Any) -> bytes:
    """The RFC 8785 bytes of a JSON value (dicts, lists, str, int, float, bool, None)."""
    parts = []
    _write(value, parts)
    return "".join(parts).encode("utf-8")


def verso_hash(value: Any) -> str:
    """``sha256:<hex>`` of the canonical JSON: the hash Verso gives a version of this content."""
    return "sha256:" + hashlib.sha256(canonical_json(value)).hexdigest()


def platform_hash(value: Any) -> str:
    """The seed platform's hash: bare hex SHA-256 of ``json.dumps(value, sort_keys=True, default=str)``."""
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def es_number(value: float) -> str:
    """A number as ECMAScript's Number.prototype.toString writes it (what RFC 8785 requires)."""
    if isinstance(value, bool):
        raise TypeError("a bool is not a number")
    if isinstance(value, int) and abs(value) < 2 ** 53:
        return str(value)
    value = float(value)
    if math.isnan(value) or math.isinf(value):
        raise ValueError("NaN and Infinity have no JSON form")
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    # repr is the shortest text that reads back to the same double; only its layout differs from ECMAScript's.
    _, digits, exponent = Decimal(repr(abs(value))).as_tuple()
    text = "".join(map(str, digits)).rstrip("0")
    exponent += len(digits) - len(text)
    k, n = len(text), len(text) + exponent
    if k <= n <= 21:
        out = text + "0" * (n - k)
    elif 0 < n <= 21:
        out = text[:n] + "." + text[n:]
    elif -6 < n <= 0:
        out = "0." + "0" * (-n) + text
    else:
        e = n - 1
        out = (text[0] + ("." + text[1:] if k > 1 else "")) + "e" + ("+" if e >= 0 else "-") + str(abs(e))
    return sign + out


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _string(text: str) -> str:
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif code < 0x20:
            out.append("\\u%04x" % code)
        elif 0xD800 <= code <= 0xDFFF:
            raise ValueError("a lone surrogate has no canonical JSON form")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _utf16_key(text: str):
    return text.encode("utf-16-be")


def _write(value: Any, parts: list) -> None:
    if value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, (int, float)):
        parts.append(es_number(value))
    elif isinstance(value, str):
        parts.append(_string(value))
    elif isinstance(value, (list, tuple)):
        parts.append("[")
        for i, item in enumerate(value):
            if i:
                parts.append(",")
            _write(item, parts)
        parts.append("]")
    elif isinstance(value, dict):
        parts.append("{")
        for i, key in enumerate(sorted(value, key=_utf16_key)):
            if not isinstance(key, str):
                raise TypeError("object keys must be strings")
            if i:
                parts.append(",")
            parts.append(_string(key))
            parts.append(":")
            _write(value[key], parts)
        parts.append("}")
    else:
        raise TypeError(f"{type(value).__name__} is not JSON")


BUCKETS = 10000
"""A rollout has 10,000 buckets: weights are in basis points."""


def rollout_bucket(salt: str, subject: str) -> int:
    """The bucket of ``subject`` under a rollout's ``salt``, as every Verso face computes it.

    The first 8 bytes of SHA-256 over the UTF-8 of ``salt + ":" + subject``, read as a big-endian unsigned
    integer, modulo 10,000. A candidate serves a subject when one of its ``ranges`` ([start, end)) holds the bucket.
    """
    digest = hashlib.sha256((salt + ":" + subject).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % BUCKETS


def rollout_version_for(rollout: dict, subject: Optional[str]) -> int:
    """The version a rollout (as ``GET …/rollouts/{label}`` answers it) serves ``subject``: no subject, the control."""
    if rollout.get("state") != "active" or subject is None:
        return rollout["control"]
    bucket = rollout_bucket(rollout["salt"], subject)
    for candidate in rollout["candidates"]:
        if any(start <= bucket < end for start, end in candidate["ranges"]):
            return candidate["version"]
    return rollout["control"]
