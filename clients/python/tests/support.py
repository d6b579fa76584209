"""What the suites share: the server under test, from VERSO_URL and VERSO_TOKEN (an admin token, or none on loopback)."""

import os
import unittest
import uuid


def server():
    url = os.environ.get("VERSO_URL")
    if not url:
        raise unittest.SkipTest("VERSO_URL is not set: these tests need a running `verso serve` (the .NET test run starts one)")
    return url, os.environ.get("VERSO_TOKEN") or None


def some_id(prefix: str = "e") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"
