"""Publishing the marts for BI tools.

BI tools read a copy, never the build's file: a reader must not hold the
build's write lock, nor see a half-written file. The copy is written beside
the target under a temporary name and moved into place with os.replace (an
atomic rename on POSIX), in DuckDB's v1.x storage format so that DuckDB 1.x
drivers (most BI connectors today) can open it. The marts also go out as
Parquet files, one per table, replaced the same way.

Never destroy data: a publication that holds far fewer documents than the copy it would
replace (all gone, or more than MAX_DELETE_SHARE of them) is refused unless
ALLOW_MASS_DELETE is set; a BI path that is not a DuckDB file, or an exports folder that holds
anything but Parquet files, is never replaced. Paths and names are bound or quoted, never
pasted into SQL. Leftovers of an interrupted publication (.<name>.<pid>.tmp/.old) are removed
by the next one, and an exports folder moved aside but not replaced is put back.
"""
from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from .config import settings
from .guard import MassDeleteRefused, too_many_removed
from .sql import literal, qualified

BI_STORAGE_VERSION = "v1.1.0"  # readable by DuckDB >= 1.1 clients
PUBLISHED_SCHEMAS = ("marts",)
_PARQUET_ROW_GROUP = 16_384


@dataclass
class PublishReport:
    bi_path: Path
    exports_dir: Path
    tables: dict[str, int]


class PublishRefused(RuntimeError):
    """Publication would overwrite something that is not an earlier publication."""


def publish(warehouse_path: Path, bi_path: Path, exports_dir: Path,
            con: duckdb.DuckDBPyConnection | None = None, allow_mass_delete: bool | None = None) -> PublishReport:
    s = settings()
    allow = s.allow_mass_delete if allow_mass_delete is None else allow_mass_delete
    clean_leftovers(bi_path, exports_dir)
    _check_targets(bi_path, exports_dir)
    own = con is None
    if own:
        # an in-memory session that reads the warehouse: it can still attach the copy for writing
        con = duckdb.connect(config={"memory_limit": s.duckdb_memory_limit})
        con.execute("ATTACH ? AS wh (READ_ONLY)", [str(warehouse_path)])
        con.execute("USE wh")
    src = con.execute("SELECT current_database()").fetchall()[0][0]
    tmp = bi_path.with_name(f".{bi_path.name}.{os.getpid()}.tmp")
    tmp_exports = exports_dir.with_name(f".{exports_dir.name}.{os.getpid()}.tmp")
    try:
        _check_not_emptier(con, src, bi_path, s.max_delete_share, allow)
        # copies need no row order, and without it DuckDB streams them in bounded memory
        con.execute("SET preserve_insertion_order = false")
        for p in (tmp, Path(str(tmp) + ".wal")):
            p.unlink(missing_ok=True)
        shutil.rmtree(tmp_exports, ignore_errors=True)
        bi_path.parent.mkdir(parents=True, exist_ok=True)
        tmp_exports.mkdir(parents=True)
        tables = con.execute(
            "SELECT table_schema, table_name FROM information_schema.tables "
            "WHERE table_catalog = ? AND table_schema IN ('marts') AND table_type = 'BASE TABLE' "
            "ORDER BY 1, 2", [src]).fetchall()
        con.execute(f"ATTACH ? AS bi_copy (STORAGE_VERSION {literal(BI_STORAGE_VERSION)})", [str(tmp)])
        counts = {}
        try:
            for schema, name in tables:
                # the source catalog is named after the warehouse file ("kz-warehouse"): quote every name
                con.execute(f"CREATE SCHEMA IF NOT EXISTS {qualified('bi_copy', schema)}")
                table = qualified(src, schema, name)
                con.execute(f"CREATE TABLE {qualified('bi_copy', schema, name)} AS SELECT * FROM {table}")
                # small row groups: each thread buffers one before writing it, and a default one of
                # dim_document (122,880 rows with their text) alone would take hundreds of MB
                con.execute(f"COPY {table} TO ? (FORMAT parquet, ROW_GROUP_SIZE {_PARQUET_ROW_GROUP})",
                            [str(tmp_exports / (name + ".parquet"))])
                counts[f"{schema}.{name}"] = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
            con.execute("CHECKPOINT bi_copy")
        finally:
            con.execute("DETACH bi_copy")
        os.replace(tmp, bi_path)  # atomic: readers see the old copy or the new one
        if exports_dir.exists():
            old = exports_dir.with_name(f".{exports_dir.name}.{os.getpid()}.old")
            os.replace(exports_dir, old)
            os.replace(tmp_exports, exports_dir)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp_exports, exports_dir)
        return PublishReport(bi_path, exports_dir, counts)
    finally:
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)
        shutil.rmtree(tmp_exports, ignore_errors=True)
        if own:
            con.close()


def _documents(con: duckdb.DuckDBPyConnection, catalog: str) -> int:
    found = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_catalog = ? "
                        "AND table_schema = 'marts' AND table_name = 'dim_document'", [catalog]).fetchall()[0][0]
    if not found:
        return 0
    return con.execute(f"SELECT count(*) FROM {qualified(catalog, 'marts', 'dim_document')}").fetchall()[0][0]


def _check_not_emptier(con, src: str, bi_path: Path, share: float, allow: bool) -> None:
    """The new publication may not hold far fewer documents than the copy it replaces."""
    if not bi_path.exists():
        return
    new = _documents(con, src)
    reader = duckdb.connect()
    try:
        reader.execute("ATTACH ? AS old_copy (READ_ONLY)", [str(bi_path)])
        old = _documents(reader, "old_copy")
    except duckdb.Error:
        return  # an unreadable earlier copy holds nothing to keep
    finally:
        reader.close()
    if too_many_removed(old - new, old, share) and not allow:
        raise MassDeleteRefused(
            f"not published: the new BI copy would hold {new:,} documents where {bi_path} holds {old:,} "
            f"(more than MAX_DELETE_SHARE={share:g} of them gone). If that is intended, run again with "
            "ALLOW_MASS_DELETE=1; otherwise check SOURCE_DIR and WAREHOUSE_PATH. The BI copy and the "
            "Parquet exports were left as they are.")


def _check_targets(bi_path: Path, exports_dir: Path) -> None:
    """Replace only what an earlier publication made: a DuckDB file, a folder of Parquet files."""
    if bi_path.exists():
        with open(bi_path, "rb") as f:
            head = f.read(12)
        if bi_path.is_dir() or (head and head[8:12] != b"DUCK"):
            raise PublishRefused(f"not published: BI_WAREHOUSE_PATH={bi_path} exists and is not a DuckDB "
                                 "file; it was left as it is. Move it away or choose another path.")
    if exports_dir.exists():
        foreign = [p.name for p in exports_dir.iterdir() if not (p.is_file() and p.suffix == ".parquet")] \
            if exports_dir.is_dir() else [exports_dir.name]
        if foreign:
            raise PublishRefused(
                f"not published: EXPORTS_DIR={exports_dir} holds {', '.join(sorted(foreign)[:5])}, which no "
                "publication wrote, and every publication replaces the whole folder; it was left as it is. "
                "Point EXPORTS_DIR at a folder of its own.")


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # ours are from an earlier publication in this process, or about to be rewritten
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_leftovers(bi_path: Path, exports_dir: Path) -> list[Path]:
    """Remove what an interrupted publication left beside the BI copy and the exports; return it.

    The files carry the writer's pid: those of a process still running are left alone. An exports
    folder moved aside (.old) whose replacement never arrived is put back, not deleted."""
    removed: list[Path] = []
    for target, is_dir in ((bi_path, False), (exports_dir, True)):
        folder = target.parent
        if not folder.is_dir():
            continue
        pattern = re.compile(r"^\." + re.escape(target.name) + r"\.(\d+)\.(tmp|old)(\.wal)?$")
        for p in sorted(folder.iterdir()):
            m = pattern.match(p.name)
            if not m or _pid_alive(int(m.group(1))):
                continue
            if is_dir and m.group(2) == "old" and not target.exists() and p.is_dir():
                os.replace(p, target)  # the earlier publication, moved aside by a publisher that died
                continue
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink(missing_ok=True)
            removed.append(p)
    return removed
