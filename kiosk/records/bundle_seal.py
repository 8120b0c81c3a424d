"""A bundle's seal: a checksum of its rows and their counts, and with a city secret an HMAC.

The checksum is SHA-256 over every row of the bundle's two tables in a fixed order and
form (JSON of each row), so an edited, added or removed row no longer matches. Anyone can
recompute a checksum, though; with `bundle_key` set in settings (the same secret on the
city's kiosks and its central machine) the checksum is also signed (HMAC-SHA-256), and only
a holder of the key can make a bundle that merges.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import sqlite3


def checksum(conn: sqlite3.Connection, schema: str, consultation_columns: str, event_columns: str) -> str:
    """SHA-256 of the rows of `schema`.consultations and `schema`.events, in a fixed order."""
    digest = hashlib.sha256()
    for table, columns, order in (
        ("consultations", consultation_columns, "id"),
        ("events", event_columns, "consultation_id, seq, at, kind, rowid"),
    ):
        digest.update(f"{table}\n".encode())
        for row in conn.execute(f"SELECT {columns} FROM {schema}.{table} ORDER BY {order}"):
            digest.update(json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode())
            digest.update(b"\n")
    return digest.hexdigest()


def signature(key: str, content: str) -> str:
    return hmac.new(key.encode(), content.encode(), hashlib.sha256).hexdigest()


def signed_by(key: str, content: str, given: str | None) -> bool:
    return given is not None and hmac.compare_digest(signature(key, content), given)
