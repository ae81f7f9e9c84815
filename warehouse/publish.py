"""Publishing the marts for BI tools.

BI tools read a copy, never the build's file: a reader must not hold the
build's write lock, nor see a half-written file. The copy is written beside
the target under a temporary name and moved into place with os.replace (an
atomic rename on POSIX), in DuckDB's v1.x storage format so that DuckDB 1.x
drivers (most BI connectors today) can open it. The marts also go out as
Parquet, one folder per table (EXPORTS_DIR/<table>/*.parquet), replaced the same way.

Only what changed is written when that is safe (a partial publication): the documents whose
(document_id, ingested_at) differ between the warehouse and the earlier publication are the
changed ones; their rows are deleted and inserted in the per-document tables. A table computed
across documents with a key of its own (KEYED: the claims' sources, whose claims move beside any new
volume) has its new, gone and different rows (a hash of each row) written again; the other tables
(dimensions, claims) are written whole. The BI copy is updated in a file that is not the
published one: the publication before the last one, kept beside it as `.<name>.standby` (the
inode readers of two publications ago may still hold is never written while they hold it: DuckDB's
file lock refuses the writer, and the publication falls back to a full one), or else a plain copy
of the current one; then it is swapped in as before. Parquet folders keep the unchanged part files
(hard links) and get one new part with the changed documents; a part that held a changed or removed
document is rewritten without it. Anything unexpected makes it a full publication: no earlier
publication, one that does not open, other tables or columns, other dbt models or publication
format (a fingerprint stored with each publication), too many changed documents, too many Parquet
parts, or row counts that differ from the warehouse's after the update.

Never destroy data: a publication that holds far fewer documents than the copy it would
replace (all gone, or more than MAX_DELETE_SHARE of them) is refused unless
ALLOW_MASS_DELETE is set; a BI path that is not a DuckDB file, or an exports folder that holds
anything but Parquet files (directly or in one folder per table), is never replaced. Paths and
names are bound or quoted, never pasted into SQL. Leftovers of an interrupted publication
(.<name>.<pid>.tmp/.old) are removed by the next one, and an exports folder moved aside but not
replaced is put back.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from .config import DBT_PROJECT_DIR, settings
from .guard import MassDeleteRefused, too_many_removed
from .sql import ident, literal, qualified

BI_STORAGE_VERSION = "v1.1.0"  # readable by DuckDB >= 1.1 clients
PUBLISHED_SCHEMAS = ("marts",)
PUBLICATION_FORMAT = "3"  # 3: facts in reading order. Bump when the layout of the copy or the exports changes: forces a full publication
_PARQUET_ROW_GROUP = 16_384
# marts whose rows belong to one document each and depend on nothing else that changes without that
# document being loaded again (reference data changes the extractor version: every document is reloaded)
PER_DOCUMENT = ("dim_document", "fct_partner_mention", "fct_entity_mention", "fct_figure", "fct_activity_event",
                "fct_partner_activity", "fct_export_volume")
# tables computed across documents whose rows have a key of their own: a partial publication writes the
# rows that are new, gone or different (a claim's rows change beside a new volume, anywhere in the table)
KEYED = {"fct_export_claim_source": "figure_id"}
PARTIAL_MAX_SHARE = 0.5  # more documents changed than this share: a full publication is as cheap
MAX_PARTS = 48           # Parquet parts per table before a full publication writes one again
_META = "_publication"   # the BI copy's table (in its main schema) of what the publication was made from


@dataclass
class PublishReport:
    bi_path: Path
    exports_dir: Path
    tables: dict[str, int]
    bi_mode: str = "full"       # "partial": only the changed documents were written
    exports_mode: str = "full"
    changed_documents: int | None = None  # in the partial BI update
    notes: list[str] = field(default_factory=list)  # why a publication was full
    documents_by_status: dict[str, int] = field(default_factory=dict)  # of the published dim_document


class PublishRefused(RuntimeError):
    """Publication would overwrite something that is not an earlier publication."""


def standby_path(bi_path: Path) -> Path:
    """The publication before the current one, kept to be updated into the next one."""
    return bi_path.with_name(f".{bi_path.name}.standby")


def fingerprint() -> str:
    """What the marts' rows depend on besides the documents: the dbt project (models, macros,
    seeds, its settings) and the publication format. Another fingerprint: a full publication."""
    h = hashlib.sha256(f"{PUBLICATION_FORMAT}|{BI_STORAGE_VERSION}".encode())
    root = DBT_PROJECT_DIR
    files = [root / "dbt_project.yml"]
    for sub in ("models", "macros", "seeds"):
        files += [f for f in (root / sub).rglob("*") if f.is_file()]
    for f in sorted(files):
        h.update(f.relative_to(root).as_posix().encode() + b"\0")
        h.update(f.read_bytes())
    return h.hexdigest()[:24]


def publish(warehouse_path: Path, bi_path: Path, exports_dir: Path,
            con: duckdb.DuckDBPyConnection | None = None, allow_mass_delete: bool | None = None,
            full: bool = False) -> PublishReport:
    """Publish the marts to bi_path and exports_dir; only what changed unless `full`."""
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
    kept = bi_path.with_name(f".{bi_path.name}.{os.getpid()}.old")  # the current copy, to become the standby
    try:
        _check_not_emptier(con, src, bi_path, s.max_delete_share, allow)
        # copies need no row order, and without it DuckDB streams them in bounded memory
        con.execute("SET preserve_insertion_order = false")
        for p in (tmp, Path(str(tmp) + ".wal"), kept):
            p.unlink(missing_ok=True)
        shutil.rmtree(tmp_exports, ignore_errors=True)
        bi_path.parent.mkdir(parents=True, exist_ok=True)
        tables = con.execute(
            "SELECT table_schema, table_name FROM information_schema.tables "
            "WHERE table_catalog = ? AND table_schema IN ('marts') AND table_type = 'BASE TABLE' "
            "ORDER BY 1, 2", [src]).fetchall()
        counts = {f"{schema}.{name}": con.execute(f"SELECT count(*) FROM {qualified(src, schema, name)}")
                  .fetchall()[0][0] for schema, name in tables}
        report = PublishReport(bi_path, exports_dir, counts, documents_by_status=_statuses(con, src))
        fp = fingerprint()
        _write_bi_copy(con, src, tables, counts, bi_path, tmp, fp, report, full)
        _write_exports(con, src, tables, counts, exports_dir, tmp_exports, fp, report, full)
        # the copy being replaced stays as the standby, to be brought up to date by the next publication
        if bi_path.exists():
            try:
                os.link(bi_path, kept)
            except OSError:
                kept.unlink(missing_ok=True)
        os.replace(tmp, bi_path)  # atomic: readers see the old copy or the new one
        if kept.exists():
            os.replace(kept, standby_path(bi_path))
        else:
            standby_path(bi_path).unlink(missing_ok=True)
        if exports_dir.exists():
            old = exports_dir.with_name(f".{exports_dir.name}.{os.getpid()}.old")
            os.replace(exports_dir, old)
            os.replace(tmp_exports, exports_dir)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp_exports, exports_dir)
        return report
    finally:
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)
        kept.unlink(missing_ok=True)
        shutil.rmtree(tmp_exports, ignore_errors=True)
        try:
            con.execute("DROP TABLE IF EXISTS temp.main._kz_changed")
        except duckdb.Error:
            pass
        if own:
            con.close()


class _Fallback(Exception):
    """The partial publication cannot be made safely: make a full one."""


def _columns(con, catalog: str, schema: str, name: str) -> list[tuple]:
    return con.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_catalog = ? "
                       "AND table_schema = ? AND table_name = ? ORDER BY ordinal_position",
                       [catalog, schema, name]).fetchall()


# Facts are published in reading order, each document's rows by position: `select *` then reads as
# the text does, and whoever pairs rows in order (a scorer's greedy matching) pairs them as written.
_READING_ORDER = ("document_id", "start_char", "end_char")


def _reading_order(con, catalog: str, schema: str, name: str) -> str:
    """ORDER BY for a fact with positions (document, then offsets); "" for other tables."""
    cols = {c for c, _ in _columns(con, catalog, schema, name)}
    if "start_char" not in cols:
        return ""
    return " ORDER BY " + ", ".join(c for c in _READING_ORDER if c in cols)


def _has_document_key(con, catalog: str) -> bool:
    cols = {c for c, _ in _columns(con, catalog, "marts", "dim_document")}
    return {"document_id", "ingested_at"} <= cols


def _partial_or_note(report: PublishReport, what: str, update) -> bool:
    """Run a partial update; when it cannot be done, say why in the report (the caller writes whole)."""
    try:
        update()
        return True
    except _Fallback as e:
        report.notes.append(f"{what} written whole: {e}")
    except (duckdb.Error, OSError) as e:
        report.notes.append(f"{what} written whole: the partial update failed ({type(e).__name__}: {e})")
    return False


def _write_bi_copy(con, src, tables, counts, bi_path: Path, tmp: Path, fp: str, report: PublishReport,
                   full: bool) -> None:
    """The new BI copy at tmp: the earlier one updated with the changed documents, else written whole."""
    if not full:
        try:
            if _partial_or_note(report, "BI copy", lambda: _partial_bi_copy(
                    con, src, tables, counts, bi_path, tmp, fp, report)):
                report.bi_mode = "partial"
                return
        finally:
            _detach(con, "bi_copy")
    for p in (tmp, Path(str(tmp) + ".wal")):
        p.unlink(missing_ok=True)
    con.execute(f"ATTACH ? AS bi_copy (STORAGE_VERSION {literal(BI_STORAGE_VERSION)})", [str(tmp)])
    try:
        for schema, name in tables:
            # the source catalog is named after the warehouse file ("kz-warehouse"): quote every name
            con.execute(f"CREATE SCHEMA IF NOT EXISTS {qualified('bi_copy', schema)}")
            con.execute(f"CREATE TABLE {qualified('bi_copy', schema, name)} AS SELECT * FROM "
                        f"{qualified(src, schema, name)}{_reading_order(con, src, schema, name)}")
        _write_meta(con, fp)
        con.execute("CHECKPOINT bi_copy")
    finally:
        _detach(con, "bi_copy")


def _detach(con, name: str) -> None:
    if con.execute("SELECT count(*) FROM duckdb_databases() WHERE database_name = ?", [name]).fetchall()[0][0]:
        con.execute(f"DETACH {qualified(name)}")


def _write_meta(con, fp: str) -> None:
    meta = qualified("bi_copy", "main", _META)
    con.execute(f"CREATE OR REPLACE TABLE {meta} (key VARCHAR, value VARCHAR)")
    con.execute(f"INSERT INTO {meta} VALUES ('fingerprint', ?)", [fp])


def _partial_bi_copy(con, src, tables, counts, bi_path: Path, tmp: Path, fp: str, report: PublishReport) -> None:
    if not bi_path.exists():
        raise _Fallback("no earlier copy")
    if not _has_document_key(con, src):
        raise _Fallback("the warehouse's dim_document has no document_id and ingested_at")
    standby = standby_path(bi_path)
    try:
        same = standby.exists() and os.path.samefile(standby, bi_path)
    except OSError:
        same = True
    if standby.exists() and not same:
        os.replace(standby, tmp)  # from here on it is this publication's file: a crash removes it
    else:
        standby.unlink(missing_ok=True)  # never write the inode readers have open as the BI copy
        shutil.copyfile(bi_path, tmp)
    con.execute("ATTACH ? AS bi_copy", [str(tmp)])  # locked by a reader of that old publication: fails
    try:
        stored = con.execute(f"SELECT value FROM {qualified('bi_copy', 'main', _META)} "
                             "WHERE key = 'fingerprint'").fetchall()
    except duckdb.Error:
        stored = []
    if stored != [(fp,)]:
        raise _Fallback("it was made from other dbt models or another publication format")
    have = con.execute("SELECT table_schema, table_name FROM information_schema.tables WHERE table_catalog = "
                       "'bi_copy' AND table_schema = 'marts' AND table_type = 'BASE TABLE' ORDER BY 1, 2").fetchall()
    if have != tables:
        raise _Fallback("its tables differ from the warehouse's")
    for schema, name in tables:
        if _columns(con, src, schema, name) != _columns(con, "bi_copy", schema, name):
            raise _Fallback(f"the columns of {schema}.{name} changed")
    changed = _changed_documents(con, qualified(src, "marts", "dim_document"),
                                 qualified("bi_copy", "marts", "dim_document"))
    total = counts.get("marts.dim_document", 0)
    if changed > PARTIAL_MAX_SHARE * max(total, 1):
        raise _Fallback(f"{changed:,} of {total:,} documents changed")
    report.changed_documents = changed
    for schema, name in tables:
        t_src, t_bi = qualified(src, schema, name), qualified("bi_copy", schema, name)
        if name in PER_DOCUMENT:
            if changed:
                con.execute(f"DELETE FROM {t_bi} WHERE document_id IN (SELECT document_id FROM _kz_changed)")
                con.execute(f"INSERT INTO {t_bi} BY NAME SELECT * FROM {t_src} "
                            "WHERE document_id IN (SELECT document_id FROM _kz_changed)"
                            + _reading_order(con, src, schema, name))
        elif not (name in KEYED and _update_by_key(con, t_src, t_bi, KEYED[name],
                                                    [c for c, _ in _columns(con, src, schema, name)])):
            # small tables, and those computed across documents without a key of their own: whole
            con.execute(f"DROP TABLE {t_bi}")
            con.execute(f"CREATE TABLE {t_bi} AS SELECT * FROM {t_src}{_reading_order(con, src, schema, name)}")
        n = con.execute(f"SELECT count(*) FROM {t_bi}").fetchall()[0][0]
        if n != counts[f"{schema}.{name}"]:
            raise _Fallback(f"{schema}.{name} would hold {n:,} rows where the warehouse holds "
                            f"{counts[f'{schema}.{name}']:,}")
    _write_meta(con, fp)
    con.execute("CHECKPOINT bi_copy")


def _update_by_key(con, t_src: str, t_bi: str, key: str, columns: list[str]) -> bool:
    """Bring t_bi up to t_src by rows: those whose key is new, gone, or whose columns differ (by a hash
    of the whole row) are written again. False, with nothing changed, when the key does not identify
    the rows of both tables (the caller then writes the table whole)."""
    k = ident(key)
    for t in (t_src, t_bi):
        n, distinct = con.execute(f"SELECT count(*), count(DISTINCT {k}) FROM {t}").fetchall()[0]
        if n != distinct:  # (count(DISTINCT) leaves NULL keys out too)
            return False
    row = "hash(" + ", ".join(ident(c) for c in columns) + ")"
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _kz_rows AS
        SELECT {k} AS row_key FROM (SELECT {k}, {row} AS h FROM {t_src}) AS a
        FULL JOIN (SELECT {k}, {row} AS h FROM {t_bi}) AS b USING ({k})
        WHERE a.h IS DISTINCT FROM b.h""")
    con.execute(f"DELETE FROM {t_bi} WHERE {k} IN (SELECT row_key FROM _kz_rows)")
    con.execute(f"INSERT INTO {t_bi} BY NAME SELECT * FROM {t_src} WHERE {k} IN (SELECT row_key FROM _kz_rows)")
    con.execute("DROP TABLE temp.main._kz_rows")
    return True


def _changed_documents(con, new_docs: str, old_docs: str) -> int:
    """The documents whose (document_id, ingested_at) differ between two dim_document tables, in the
    temporary table _kz_changed; returns how many."""
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _kz_changed AS
        SELECT DISTINCT document_id FROM (
            (SELECT document_id, ingested_at FROM {new_docs} EXCEPT SELECT document_id, ingested_at FROM {old_docs})
            UNION ALL
            (SELECT document_id, ingested_at FROM {old_docs} EXCEPT SELECT document_id, ingested_at FROM {new_docs}))""")
    return con.execute("SELECT count(*) FROM _kz_changed").fetchall()[0][0]


_PART = re.compile(r"^part-(\d{6})\.parquet$")


def _copy_sql(query: str, fp: str) -> str:
    return (f"COPY ({query}) TO ? (FORMAT parquet, ROW_GROUP_SIZE {_PARQUET_ROW_GROUP}, "
            f"KV_METADATA {{kz_publication: {literal(fp)}}})")


def _write_exports(con, src, tables, counts, exports_dir: Path, tmp_exports: Path, fp: str,
                   report: PublishReport, full: bool) -> None:
    """The new exports folder at tmp_exports: one folder of Parquet parts per table."""
    if not full and _partial_or_note(report, "Parquet", lambda: _partial_exports(
            con, src, tables, counts, exports_dir, tmp_exports, fp)):
        report.exports_mode = "partial"
        return
    shutil.rmtree(tmp_exports, ignore_errors=True)
    tmp_exports.mkdir(parents=True)
    for schema, name in tables:
        (tmp_exports / name).mkdir()
        # small row groups: each thread buffers one before writing it, and a default one of
        # dim_document (122,880 rows with their text) alone would take hundreds of MB
        con.execute(_copy_sql(f"SELECT * FROM {qualified(src, schema, name)}{_reading_order(con, src, schema, name)}",
                              fp), [str(tmp_exports / name / "part-000000.parquet")])


def _parts(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if _PART.match(p.name)) if folder.is_dir() else []


def _partial_exports(con, src, tables, counts, exports_dir: Path, tmp_exports: Path, fp: str) -> None:
    if not exports_dir.is_dir():
        raise _Fallback("no earlier exports")
    if not _has_document_key(con, src):
        raise _Fallback("the warehouse's dim_document has no document_id and ingested_at")
    old = {name: _parts(exports_dir / name) for _, name in tables}
    if any(not parts for parts in old.values()):
        raise _Fallback("the earlier exports are not one folder of parts per table")
    if sorted(p.name for p in exports_dir.iterdir()) != sorted(name for _, name in tables):
        raise _Fallback("the earlier exports hold other tables")
    every = [str(p) for parts in old.values() for p in parts]
    stamps = con.execute("SELECT DISTINCT decode(value) FROM parquet_kv_metadata(?) WHERE decode(key) = "
                         "'kz_publication'", [every]).fetchall()
    marked = con.execute("SELECT count(DISTINCT file_name) FROM parquet_kv_metadata(?) WHERE decode(key) = "
                         "'kz_publication'", [every]).fetchall()[0][0]
    if stamps != [(fp,)] or marked != len(every):
        raise _Fallback("they were made from other dbt models or another publication format")
    for schema, name in tables:
        want = [c for c, _ in _columns(con, src, schema, name)]
        got = [r[0] for r in con.execute("DESCRIBE SELECT * FROM read_parquet(?)",
                                         [[str(p) for p in old[name]]]).fetchall()]
        if want != got:
            raise _Fallback(f"the columns of {name} changed")
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _kz_old_docs AS
        SELECT document_id, ingested_at FROM read_parquet(?)""", [[str(p) for p in old["dim_document"]]])
    try:
        changed = _changed_documents(con, qualified(src, "marts", "dim_document"), "_kz_old_docs")
    finally:
        con.execute("DROP TABLE IF EXISTS temp.main._kz_old_docs")
    total = counts.get("marts.dim_document", 0)
    if changed > PARTIAL_MAX_SHARE * max(total, 1):
        raise _Fallback(f"{changed:,} of {total:,} documents changed")
    tmp_exports.mkdir(parents=True)
    for schema, name in tables:
        folder = tmp_exports / name
        folder.mkdir()
        parts = old[name]
        if name not in PER_DOCUMENT:
            con.execute(_copy_sql(f"SELECT * FROM {qualified(src, schema, name)}{_reading_order(con, src, schema, name)}",
                                  fp), [str(folder / "part-000000.parquet")])
            continue
        hit = set()
        if changed:
            hit = {Path(r[0]).name for r in con.execute(
                "SELECT DISTINCT filename FROM read_parquet(?, filename = true) "
                "WHERE document_id IN (SELECT document_id FROM _kz_changed)", [[str(p) for p in parts]]).fetchall()}
        seq = max(int(_PART.match(p.name).group(1)) for p in parts) + 1
        if len(parts) + 1 > MAX_PARTS or seq > 999_999:
            raise _Fallback(f"{name} has {len(parts)} Parquet parts")
        for p in parts:
            if p.name in hit:  # holds a changed or removed document: written again without it
                con.execute(_copy_sql("SELECT * FROM read_parquet(?) WHERE document_id NOT IN "
                                      "(SELECT document_id FROM _kz_changed)" + _reading_order(con, src, schema, name),
                                      fp), [str(p), str(folder / p.name)])
            else:
                _link_or_copy(p, folder / p.name)
        if changed:
            con.execute(_copy_sql(f"SELECT * FROM {qualified(src, schema, name)} "
                                  "WHERE document_id IN (SELECT document_id FROM _kz_changed)"
                                  + _reading_order(con, src, schema, name), fp),
                        [str(folder / f"part-{seq:06d}.parquet")])
    for schema, name in tables:
        n = con.execute("SELECT count(*) FROM read_parquet(?)",
                        [[str(p) for p in _parts(tmp_exports / name)]]).fetchall()[0][0]
        if n != counts[f"{schema}.{name}"]:
            shutil.rmtree(tmp_exports, ignore_errors=True)
            raise _Fallback(f"{name} would hold {n:,} rows where the warehouse holds {counts[f'{schema}.{name}']:,}")


def _link_or_copy(a: Path, b: Path) -> None:
    try:
        os.link(a, b)
    except OSError:
        shutil.copy2(a, b)


def _statuses(con: duckdb.DuckDBPyConnection, catalog: str) -> dict[str, int]:
    """Documents per status in the marts being published (what `make run` prints at the end)."""
    if not _documents(con, catalog) or "status" not in {c for c, _ in _columns(con, catalog, "marts", "dim_document")}:
        return {}  # (a warehouse of other marts: nothing to say; the summary then reads the copy)
    return dict(con.execute(f"SELECT status, count(*) FROM {qualified(catalog, 'marts', 'dim_document')} "
                            "GROUP BY 1 ORDER BY 1").fetchall())


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
    """Replace only what an earlier publication made: a DuckDB file, a folder of Parquet files (per table)."""
    if bi_path.exists():
        with open(bi_path, "rb") as f:
            head = f.read(12)
        if bi_path.is_dir() or (head and head[8:12] != b"DUCK"):
            raise PublishRefused(f"not published: BI_WAREHOUSE_PATH={bi_path} exists and is not a DuckDB "
                                 "file; it was left as it is. Move it away or choose another path.")
    if exports_dir.exists():
        foreign = [name for p in exports_dir.iterdir() for name in _not_parquet(p)] \
            if exports_dir.is_dir() and not exports_dir.is_symlink() else [exports_dir.name]
        if foreign:
            raise PublishRefused(
                f"not published: EXPORTS_DIR={exports_dir} holds {', '.join(sorted(foreign)[:5])}, which no "
                "publication wrote, and every publication replaces the whole folder; it was left as it is. "
                "Point EXPORTS_DIR at a folder of its own.")


def _not_parquet(p: Path) -> list[str]:
    """What in an exports entry no publication wrote: a Parquet file (the layout before one folder per
    table) or a folder of Parquet files is a publication's."""
    if p.is_file() and p.suffix == ".parquet":
        return []
    if p.is_dir() and not p.is_symlink():
        return [f"{p.name}/{q.name}" for q in p.iterdir() if not (q.is_file() and q.suffix == ".parquet")]
    return [p.name]


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
