"""The listing of SOURCE_DIR: what to read, and what gets a status row without ever being opened.

Other tools fill the folder, so it may hold anything: named pipes and devices (opening one for
reading blocks for ever), symbolic links out of the folder (to /etc/...), link loops, folders
that cannot be listed, names that are not UTF-8. Only regular files, and links to regular files
inside SOURCE_DIR, are read; every other entry is listed with the reason it is not.
"""
from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

NOT_ARTICLES = {"gold.json", "LICENSE", "Makefile"}


@dataclass
class Listing:
    files: dict[str, tuple[int, int]] = field(default_factory=dict)          # rel → (size, mtime_ns): read these
    special: dict[str, tuple[int, int, str]] = field(default_factory=dict)   # rel → (size, mtime_ns, reason): never opened
    unreadable: list[str] = field(default_factory=list)                      # folders that could not be listed

    def entries(self) -> dict[str, tuple[int, int]]:
        """Every entry with a row, files and the rest: rel → (size, mtime_ns), sorted."""
        out = dict(self.files)
        out.update({rel: (size, mtime) for rel, (size, mtime, _) in self.special.items()})
        return dict(sorted(out.items()))


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device file"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _plain_root(root: str) -> bool:
    """os.walk joins names onto a root written this way: a path under it is the root, "/", the rest."""
    return os.path.isabs(root) and os.path.normpath(root) == root and os.sep == "/"


def _rel_name(path: str, root: str) -> tuple[str, bool]:
    """The path relative to SOURCE_DIR as text, and whether it is valid UTF-8 (a name that is not
    cannot be stored as it is: it is listed with its odd bytes escaped, and not read)."""
    prefix = root.rstrip(os.sep) + os.sep
    if path.startswith(prefix) and _plain_root(root):
        rel = path[len(prefix):]  # os.walk joins names onto the root as given: the same as relpath, 3x faster
    else:
        rel = Path(os.path.relpath(path, root)).as_posix()
    try:
        rel.encode("utf-8")
        return rel, True
    except UnicodeEncodeError:
        return os.fsencode(rel).decode("utf-8", "backslashreplace"), False


def _skipped(name: str) -> bool:
    return name.startswith(".") or name in NOT_ARTICLES or name.upper().startswith("README")


def scan_folder(source_dir: Path, follow_links_out: bool = False) -> Listing:
    """follow_links_out (FOLLOW_LINKS_OUT=1): links to regular files outside SOURCE_DIR are read too."""
    listing = Listing()
    if not source_dir.is_dir():
        return listing
    root = os.path.realpath(source_dir)
    top = str(source_dir)

    def unreadable(err: OSError) -> None:
        if err.filename and os.path.abspath(err.filename) != os.path.abspath(top):
            listing.unreadable.append(_rel_name(err.filename, top)[0])

    # os.walk joins names onto the root as given: each folder's relative name is worked out once, and a
    # file's is that plus its name (per file, relpath and join cost a third of a scan of 100,000 files)
    prefix = top.rstrip(os.sep) + os.sep
    plain_root = _plain_root(top)
    for here, dirs, files in os.walk(top, onerror=unreadable):
        base = ("" if here == top else here[len(prefix):] + "/") if plain_root and (
            here == top or here.startswith(prefix)) else None
        if base is not None and not base.isascii():
            base = None  # (a folder name that is not UTF-8 must be escaped: _rel_name does that)
        kept = []
        for d in sorted(dirs):
            if d.startswith("."):
                continue
            p = os.path.join(here, d)
            if os.path.islink(p):  # os.walk does not descend into linked folders: say so
                files.append(d)
                continue
            kept.append(d)
        dirs[:] = kept
        for name in files:
            if _skipped(name):
                continue
            p = here + "/" + name if base is not None else os.path.join(here, name)
            if base is not None and name.isascii():
                rel, ok_name = base + name, True
            else:
                rel, ok_name = _rel_name(p, top)
            try:
                st = os.lstat(p)
            except OSError:
                continue  # gone since the folder was listed
            size, mtime = st.st_size, st.st_mtime_ns
            if not ok_name:
                listing.special[rel] = (size, mtime, "the file name is not valid UTF-8: not read (rename the file)")
                continue
            if stat.S_ISREG(st.st_mode):
                listing.files[rel] = (size, mtime)
                continue
            if not stat.S_ISLNK(st.st_mode):
                listing.special[rel] = (size, mtime, f"{_kind(st.st_mode)}, not a regular file: never opened")
                continue
            try:
                target = os.stat(p)
            except OSError as e:
                reason = ("a symbolic link loop: not followed" if e.errno == errno.ELOOP else
                          "a symbolic link to a missing file" if e.errno == errno.ENOENT else
                          f"a symbolic link that cannot be followed ({e.strerror})")
                listing.special[rel] = (size, mtime, reason)
                continue
            if not follow_links_out and not _inside(os.path.realpath(p), root):
                listing.special[rel] = (size, mtime, "a symbolic link to a file outside SOURCE_DIR: not followed "
                                                     "(FOLLOW_LINKS_OUT=1 reads such links)")
            elif stat.S_ISREG(target.st_mode):
                # a link inside the folder is read; a new target or a changed one is a change
                listing.files[rel] = (target.st_size, max(target.st_mtime_ns, mtime))
            elif stat.S_ISDIR(target.st_mode):
                listing.special[rel] = (size, mtime, "a symbolic link to a folder: not followed (the folder's "
                                                     "files are read where they are)")
            else:
                listing.special[rel] = (size, mtime, f"a symbolic link to {_kind(target.st_mode)}: never opened")
    listing.files = dict(sorted(listing.files.items()))
    listing.unreadable.sort()
    return listing
