"""A disk cache of what every run builds alike from the package's files (the gazetteers).

Building the union gazetteer of ``--profile auto`` and the chosen profile's gazetteer, with
their prefix and fuzzy indexes, costs about 1 s of CPU per process (reading 23,000
GeoNames rows, normalising 70,000 names, six profiles' ``places.yaml``); unpickling the
finished objects costs about a third of that. Each run and each worker process pays it.

An entry is keyed by a SHA-256 over everything the build reads and the code that builds
it: the input files' bytes, the source of the modules named, Palmyra's version and the
Python version. Any change to any of them gives a new key, so a stale entry is never read
(writing an entry removes the older ones of the same name). A missing, truncated or
corrupt entry, or one that fails to load for any reason, is rebuilt from the files and
written again; a folder that cannot be written leaves the run as it was without a cache.
Entries are written to a temporary file and renamed, so concurrent workers never read a
half-written one.

The folder: ``$PALMYRA_CACHE_DIR``, else ``$XDG_CACHE_HOME/palmyra``, else
``~/.cache/palmyra``. ``PALMYRA_CACHE_DIR=off`` (or ``0``, ``none``) turns the cache off.
"""

from __future__ import annotations

import copyreg
import dataclasses
import hashlib
import io
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from palmyra.loading import without_gc
from palmyra.version import __version__

T = TypeVar("T")
ENV = "PALMYRA_CACHE_DIR"
OFF = frozenset({"off", "0", "none", "false", "no"})
FORMAT = b"palmyra-cache-1\n"  # the first bytes of an entry; the key follows


def user_cache_folder() -> Path:
    """Palmyra's folder in the user's cache folder (``$XDG_CACHE_HOME`` or ``~/.cache``):
    where the start-up cache and a trained technique model live by default."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "palmyra"


def cache_dir() -> Path | None:
    """The cache folder, or ``None`` where the cache is turned off."""
    chosen = os.environ.get(ENV)
    if chosen is not None:
        return None if chosen.strip().lower() in OFF or not chosen.strip() else Path(chosen)
    return user_cache_folder()


def key_of(files: Iterable[Path | str], modules: Iterable[str] = (), extra: str = "") -> str:
    """A hex SHA-256 over the files' names and bytes, the modules' source, the versions."""
    h = hashlib.sha256()
    h.update(f"{__version__}\0{sys.version}\0{pickle.HIGHEST_PROTOCOL}\0{extra}\0".encode())
    for path in files:
        p = Path(path)
        h.update(str(p).encode() + b"\0")
        h.update(p.read_bytes() if p.is_file() else b"<missing>")
        h.update(b"\0")
    for name in modules:
        module = sys.modules[name]
        h.update(name.encode() + b"\0")
        h.update(Path(str(module.__file__)).read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def cached(name: str, key: str, build: Callable[[], T], by_fields: Iterable[type] = ()) -> T:
    """``build()``'s result, read from the cache entry ``name``/``key`` when one is there and
    sound, else built and written there. Never raises for the cache's sake.

    ``by_fields``: dataclasses pickled as a call of their constructor with every field's
    value (for frozen slotted dataclasses, whose default ``__setstate__`` runs Python
    code per field and object: a third of the time to load a gazetteer). Each class's
    fields must all be ``__init__`` arguments.
    """
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key[:32]}.pickle"
    found = _read(path, key)
    if found is not None:
        return found[0]  # type: ignore[no-any-return]
    value = build()
    _write(path, key, value, tuple(by_fields))
    _prune(folder, name, keep=path)
    return value


def _prune(folder: Path, name: str, keep: Path) -> None:
    """Remove the other entries of ``name``: made from older files or code, never read again."""
    try:
        for old in folder.glob(f"{name}-*.pickle"):
            if old != keep and old.name[len(name) + 1 : -len(".pickle")].isalnum():
                old.unlink(missing_ok=True)
    except OSError:
        return


@without_gc  # hundreds of thousands of objects that all stay alive (palmyra.loading)
def _read(path: Path, key: str) -> tuple[object] | None:
    """``(value,)`` of a sound entry, ``None`` for a missing or unreadable one."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    head = FORMAT + key.encode() + b"\n"
    if not raw.startswith(head):
        return None
    try:
        value = pickle.loads(memoryview(raw)[len(head):])
    except Exception:  # a truncated or corrupt entry: rebuild it
        return None
    if not (isinstance(value, tuple) and len(value) == 2 and value[0] == key):
        return None
    return (value[1],)


def _by_fields(obj: Any) -> tuple[type, tuple[Any, ...]]:
    return type(obj), tuple(getattr(obj, f.name) for f in dataclasses.fields(obj))


def _write(path: Path, key: str, value: object, by_fields: tuple[type, ...] = ()) -> None:
    try:
        buf = io.BytesIO()
        pickler = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = {**copyreg.dispatch_table, **dict.fromkeys(by_fields, _by_fields)}
        pickler.dump((key, value))
        data = buf.getbuffer()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(FORMAT + key.encode() + b"\n")
                fh.write(data)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except Exception:  # a read-only home, a full disk, an object that will not pickle
        return
