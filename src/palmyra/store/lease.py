"""Who holds a store: the lease a running server writes, and the one line naming a holder.

DuckDB lets one process write a file, or several read it, never both. So that the
web UI and analysis can share a store, ``palmyra serve`` is the store's one
writer: it opens the file for writing and writes a lease beside it
(``STORE.serve.json``: its pid, loopback port and a random token, readable by the
owner only). A command that finds the store locked reads the lease; when a live
server holds the store, ``analyze`` and ``link`` hand their work to it over
loopback and the read-only commands read a snapshot it copies for them
(``palmyra.store.remote``). When anything else holds it, the command stops with
one line that says which process and what to do, never DuckDB's own text.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from palmyra.errors import StoreError

LEASE_SUFFIX = ".serve.json"
TOKEN_HEADER = "X-Palmyra-Token"
LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})
_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (.*?) \(PID (\d+)\)")
_CMDLINE_CHARS = 90


class StoreBusyError(StoreError):
    """Another process holds the store file; the message names it and what to do."""


@dataclass(frozen=True)
class Lease:
    """A running ``palmyra serve``: where to reach it and the token it expects."""

    pid: int
    port: int
    token: str
    writable: bool  # False: a multi-worker server, which only reads
    host: str = "127.0.0.1"

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"


def lease_path(store: str | Path) -> Path:
    store = Path(store)
    return store.with_name(store.name + LEASE_SUFFIX)


def new_token() -> str:
    return secrets.token_urlsafe(24)


def write_lease(store: str | Path, lease: Lease) -> Path:
    """Write the lease owner-readable only (the token in it is what lets a caller write)."""
    path = lease_path(store)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(asdict(lease), fh)
    os.replace(tmp, path)
    return path


def remove_lease(store: str | Path, lease: Lease) -> None:
    """Remove the lease if it is still this server's (a later server may have replaced it)."""
    path = lease_path(store)
    current = _parse(path)
    if current is not None and current.pid == lease.pid and current.token == lease.token:
        path.unlink(missing_ok=True)


def read_lease(store: str | Path) -> Lease | None:
    """The lease of a live server on ``store``; None when there is none or its process is gone."""
    lease = _parse(lease_path(store))
    return lease if lease is not None and _alive(lease.pid) else None


def is_lock_conflict(err: BaseException) -> bool:
    return "Conflicting lock" in str(err) or "Could not set lock" in str(err)


def holder_message(store: str | Path, err: BaseException, *, read_only: bool) -> str:
    """One line naming who holds ``store`` and what to do, from DuckDB's lock error."""
    m = _LOCK_HOLDER.search(str(err))
    pid = int(m.group(2)) if m else None
    lease = read_lease(store)
    if lease is not None and (pid is None or pid == lease.pid) and not lease.writable:
        return (
            f"{store}: served read-only by `palmyra serve` (PID {lease.pid}, several workers);"
            " stop it, or serve with one worker so that it can take new documents"
        )
    who = f"PID {pid}" if pid else "another process"
    command = _command_of(pid) if pid else None
    if command:
        who += f": {command}"
    if read_only:
        advice = "wait for it to finish and run this again"
    else:
        advice = ("wait for it to finish and run this again (while `palmyra serve` runs on a"
                  " store, any number of commands can add to it at once)")
    return f"{store}: in use by another process ({who}); {advice}"


def request_json(
    lease: Lease, route: str, payload: dict[str, Any] | None = None, timeout: float = 600
) -> dict[str, Any]:
    """POST ``payload`` to the server's ``/api/store/ROUTE`` and return its ``data``.

    Raises:
        StoreError: the server cannot be reached or refused the request (its one line).
    """
    body = json.dumps(payload or {}).encode("utf-8")
    req = urllib.request.Request(
        f"{lease.url}/api/store/{route}", data=body, method="POST",
        headers={"Content-Type": "application/json", TOKEN_HEADER: lease.token},
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 -- loopback
            answer = json.loads(resp.read())
    except urllib.error.HTTPError as err:
        try:
            reason = json.loads(err.read()).get("error", err.reason)
        except ValueError:
            reason = err.reason
        raise StoreError(f"`palmyra serve` (PID {lease.pid}) refused {route}: {reason}") from err
    except (OSError, ValueError) as err:
        raise StoreError(
            f"`palmyra serve` (PID {lease.pid}) holds the store but does not answer on"
            f" {lease.url} ({err}); stop it and run this again"
        ) from err
    return answer["data"]


def fetch_snapshot(store: str | Path, lease: Lease) -> Path:
    """Ask the server for a consistent copy of the store to read; the caller deletes it."""
    return Path(request_json(lease, "snapshot")["path"])


def drop_snapshot(path: Path) -> None:
    """Delete a snapshot file and the private folder the server made for it."""
    for p in (path, path.with_name(path.name + ".wal")):
        p.unlink(missing_ok=True)
    # not empty or already gone: the server clears its folders when it stops
    with contextlib.suppress(OSError):
        path.parent.rmdir()


def _parse(path: Path) -> Lease | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Lease(int(data["pid"]), int(data["port"]), str(data["token"]),
                     bool(data["writable"]), str(data.get("host", "127.0.0.1")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _command_of(pid: int) -> str | None:
    """The holder's command line where the system shows it (Linux), shortened for one line."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    args = [a for a in raw.decode("utf-8", "replace").split("\0") if a]
    for i, arg in enumerate(args):
        if arg in ("palmyra", "palmyra.cli") or arg.endswith("/palmyra"):
            args = ["palmyra", *args[i + 1:]]
            break
    text = " ".join(args)
    return text if len(text) <= _CMDLINE_CHARS else text[: _CMDLINE_CHARS - 1] + "…"
