"""Checks before a run touches anything: the source folder is there, the warehouse file is sound.

A missing or unreadable SOURCE_DIR looks like a folder whose files were all deleted, and a run
would remove every document; a truncated or foreign WAREHOUSE_PATH would be written into by the
first read-write connection. Both stop the run with a message saying what to check, and these
checks only read: the warehouse file is never written, moved or deleted here.
"""
from __future__ import annotations

import os
import struct
from pathlib import Path

import duckdb

from .config import Settings
from .sql import qualified

_HEADER = 4096          # DuckDB: a main header, then two database headers of this size each
_MAGIC = b"DUCK"        # at offset 8 of the main header


class PreflightError(RuntimeError):
    """The run cannot start safely; the message says what to check."""


# `make run` checks the warehouse file under the warehouse lock before it starts the build process,
# which inherits that lock: the build's own preflight skips the file check (0.2 s at 100,000 articles)
# when the file is still the one checked (orchestration/run.py passes its stamp)
CHECKED_ENV = "KZ_WAREHOUSE_CHECKED"


def file_stamp(path: Path) -> str:
    """What tells one state of the warehouse file from another: device, inode, size, mtime."""
    try:
        st = os.stat(path)
    except OSError:
        return ""
    return f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"


def sound_stamp_path(warehouse: Path) -> Path:
    """Where `make run` keeps the file_stamp of the warehouse file as its last successful build left it."""
    warehouse = Path(warehouse)
    return warehouse.with_name(warehouse.name + ".sound")


def remember_sound(warehouse: Path) -> None:
    """After a successful build, under its lock: the file as it is now was written and tested by that build.
    A later run that finds the same stamp (device, inode, size, mtime in ns) skips opening the file
    to check it (0.25 s at 100,000 articles); any write, truncation or replacement changes the stamp."""
    stamp, path = file_stamp(warehouse), sound_stamp_path(warehouse)
    try:
        if stamp:
            tmp = path.with_name(f".{path.name}.tmp")  # one writer: the run holding the lock
            tmp.write_text(stamp + "\n", encoding="utf-8")
            os.replace(tmp, path)
        else:
            path.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only folder only costs the next run its check


def known_sound(warehouse: Path) -> str | None:
    """The stamp remembered by the last successful build, when the file still has it (and no
    write-ahead log has appeared beside it since: someone else wrote to it)."""
    if Path(str(warehouse) + ".wal").exists():
        return None
    try:
        remembered = sound_stamp_path(warehouse).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return remembered if remembered and remembered == file_stamp(warehouse) else None


def preflight(s: Settings, checked: str | None = None) -> None:
    """checked: the file_stamp of a warehouse file already checked under the lock this run holds, or
    left so by the last successful build (known_sound)."""
    check_source_dir(s.source_dir)
    if not (checked and checked == file_stamp(s.warehouse_path)):
        check_warehouse_file(s.warehouse_path)
    from .publish import clean_leftovers

    clean_leftovers(s.bi_path, s.exports_dir)


def check_source_dir(path: Path) -> None:
    if not path.exists():
        raise PreflightError(
            f"SOURCE_DIR={path} does not exist. Check the path for a typo, and that the disk or network "
            "share holding it is mounted; nothing was changed.")
    if not path.is_dir():
        raise PreflightError(f"SOURCE_DIR={path} is not a folder. Point SOURCE_DIR at the folder of "
                             "articles; nothing was changed.")
    try:
        with os.scandir(path) as it:
            next(it, None)
    except OSError as e:
        raise PreflightError(f"SOURCE_DIR={path} cannot be read ({e.strerror or e}). Check its "
                             "permissions and that the share holding it is mounted; nothing was changed.") from None
    if not os.access(path, os.R_OK | os.X_OK):
        raise PreflightError(f"SOURCE_DIR={path} cannot be read (permission denied). Check its "
                             "permissions; nothing was changed.")


def check_warehouse_file(path: Path) -> None:
    """A missing file is a new warehouse; an existing one must be a whole DuckDB database."""
    if not path.exists():
        return
    advice = (" The file was left as it is: restore it from a backup, or move it away to build a new "
              "warehouse from SOURCE_DIR.")
    if not path.is_file():
        raise PreflightError(f"WAREHOUSE_PATH={path} is not a regular file.{advice}")
    size = path.stat().st_size
    try:
        with open(path, "rb") as f:
            head = f.read(3 * _HEADER)
    except OSError as e:
        raise PreflightError(f"WAREHOUSE_PATH={path} cannot be read ({e.strerror or e}).{advice}") from None
    if size == 0:
        raise PreflightError(f"WAREHOUSE_PATH={path} is empty (0 bytes), not a DuckDB database.{advice}")
    if len(head) < 3 * _HEADER or head[8:12] != _MAGIC:
        what = "is truncated" if head[8:12] == _MAGIC else "is not a DuckDB database"
        raise PreflightError(f"WAREHOUSE_PATH={path} {what} ({size:,} bytes).{advice}")
    # the newer of the two database headers has the block size
    headers = [struct.unpack_from("<8Q", head, off) for off in (_HEADER, 2 * _HEADER)]
    block_size = max(headers, key=lambda h: h[1])[5]
    try:  # read-only: DuckDB reads the catalog (and replays a WAL in memory) without writing
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as e:
        if "could not set lock" in str(e).lower() or "conflicting lock" in str(e).lower():
            return  # another process writes it: a sound file; the run's own connection reports the lock
        raise PreflightError(f"WAREHOUSE_PATH={path} cannot be opened: {str(e).splitlines()[0]}.{advice}") from None
    try:
        highest = _highest_block(con)
    except duckdb.Error as e:
        raise PreflightError(f"WAREHOUSE_PATH={path} is damaged: {str(e).splitlines()[0]}.{advice}") from None
    finally:
        con.close()
    # DuckDB cuts free blocks off the end of the file, so the header's block count is no guide;
    # the blocks the catalog and the tables point at must all be in the file
    if 4096 <= block_size <= (1 << 24) and (size - 3 * _HEADER) % block_size:
        # DuckDB writes, and cuts, whole blocks: a part of one is a file cut short by a copy or a full disk
        raise PreflightError(f"WAREHOUSE_PATH={path} is truncated: {size:,} bytes is not a whole number of "
                             f"its {block_size:,}-byte blocks.{advice}")
    if 4096 <= block_size <= (1 << 24) and highest >= 0:
        expected = 3 * _HEADER + (highest + 1) * block_size
        if size < expected:
            raise PreflightError(f"WAREHOUSE_PATH={path} is truncated: {size:,} bytes, but its tables use "
                                 f"blocks up to byte {expected:,}.{advice}")


def _highest_block(con: duckdb.DuckDBPyConnection) -> int:
    """The highest block id that the catalog's metadata or any table's data uses (-1: none).
    Reads the catalog only (storage_info lists segments, it does not read them): milliseconds."""
    highest = con.execute("SELECT coalesce(max(block_id), -1) FROM pragma_metadata_info()").fetchall()[0][0]
    tables = con.execute("SELECT schema_name, table_name FROM duckdb_tables() "
                         "WHERE database_name = current_database()").fetchall()
    for schema, table in tables:
        [(top,)] = con.execute(
            "SELECT max(greatest(block_id, coalesce(list_max(additional_block_ids), -1))) FROM pragma_storage_info(?)",
            [qualified(schema, table)]).fetchall()
        if top is not None:
            highest = max(highest, top)
    return highest
