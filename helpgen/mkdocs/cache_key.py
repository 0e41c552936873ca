"""What makes a build cache safe to read: a key from outside the project that signs every entry, and an
unpickler that builds only the plain data a build stores.

A pickle runs code when it is read, and a cache folder can sit inside the checkout, where a pull request
can commit one. So the build signs what it writes with a key kept outside the project: the environment
variable HELPGEN_CACHE_KEY (a CI secret), or else a random key that helpgen creates, readable by this
user only, in the user's cache folder ($XDG_CACHE_HOME/helpgen/cache.key, by default ~/.cache/helpgen/).
`helpgen init`'s workflow keeps that folder with actions/cache, so CI's next build has the same key; a
folder written anywhere else is ignored, entry by entry, and costs a rebuild, never a run of its code.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import secrets
from pathlib import Path

SIGNATURE_BYTES = 32
KEY_ENVIRONMENT = "HELPGEN_CACHE_KEY"


def key_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "helpgen" / "cache.key"


def cache_key() -> bytes:
    """The key this machine's (or this CI's) builds sign their cache with."""
    given = os.environ.get(KEY_ENVIRONMENT)
    if given:
        return hashlib.sha256(given.encode("utf-8")).digest()
    path = key_file()
    try:
        return _read_key(path)
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another build made it meanwhile
        return _read_key(path)
    with os.fdopen(handle, "wb") as f:
        f.write(secrets.token_bytes(32))
    return _read_key(path)


def _read_key(path: Path) -> bytes:
    data = path.read_bytes()
    if len(data) < 16:
        raise FileNotFoundError(path)  # empty or cut short: made anew
    return data


def signature(key: bytes, context: bytes, payload: bytes) -> bytes:
    """Keyed BLAKE2b over where an entry is and what it holds: an entry cannot be moved to another name."""
    mac = hashlib.blake2b(key=key[:64], digest_size=SIGNATURE_BYTES)
    mac.update(len(context).to_bytes(8, "big") + context)
    mac.update(payload)
    return mac.digest()


# Everything a build stores is built from these and from helpgen's own data classes.
_ALLOWED = {
    "builtins": {"set", "frozenset", "dict", "list", "tuple", "bytes", "bytearray", "str", "int", "float",
                 "complex", "bool", "range", "slice"},
    "collections": {"Counter", "OrderedDict", "defaultdict", "deque"},
    "datetime": {"date", "datetime", "time", "timedelta", "timezone"},
    "pathlib": {"PurePosixPath", "PosixPath", "PureWindowsPath", "WindowsPath"},
    "markupsafe": {"Markup"},
    "mkdocs.structure.toc": {"AnchorLink", "TableOfContents"},
    # A check's context names the site's slug function (markdown's own, or pymdownx's).
    "markdown.extensions.toc": {"slugify", "slugify_unicode"},
    "pymdownx.slugs": {"slugify", "uslugify", "gfm", "uslugify_cased", "uslugify_encoded", "gfm_encoded"},
}
_PLAIN_CLASSES = {"CheckCache", "FileDigests"}  # helpgen classes whose __init__ only sets fields


class _DataUnpickler(pickle.Unpickler):
    """Builds only the data above and helpgen's data classes: no other callable can be reached."""

    def find_class(self, module: str, name: str):
        if name in _ALLOWED.get(module, ()):
            return super().find_class(module, name)
        if module.startswith("helpgen.") and "." not in name:
            found = super().find_class(module, name)
            if isinstance(found, type) and (dataclasses.is_dataclass(found) or name in _PLAIN_CLASSES):
                return found
        raise pickle.UnpicklingError(f"a build cache does not hold {module}.{name}")
