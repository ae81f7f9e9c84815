"""What a dbt build tests: every row on a full build, only the changed documents' rows on an incremental one.

A few new files on a large warehouse must not cost a test of every fact row (issue 13). The build
state is one row in the warehouse, raw._dbt_scope:

- tested_until: the newest ingested_at of marts.dim_document after the last dbt build whose every
  test passed. An incremental build tests the rows of the big per-document facts loaded after it
  (the filter is SQL reading this table: dbt_project/macros/test_scope.sql; no dbt var, which would
  cost dbt a full parse on every run). A build that fails leaves it as it was, so the next build
  tests those rows again.
- changed_since: what the tests of the running build read; NULL: every row.
- full_fingerprint: the dbt project (models, macros, tests, seeds, settings) that the last full
  build built and tested whole.
- models_fingerprint: the SQL that made the marts' rows (models, macros, seeds, dbt_project.yml) at
  the last `--full-refresh`. The per-document facts are incremental: a model changed since then
  would leave every earlier row as the old SQL made it, so the build after such a change is a full
  refresh (every mart rebuilt from the raw tables; the publication after it is full too).

A build is full, with the seeds loaded again, the unit tests run and every row tested, when there is
no earlier successful build, when the dbt project changed since the last full one, when more than
FULL_BUILD_SHARE of the documents were (re)loaded since the last build, or when FULL_DBT_BUILD=1 or CI
is set (CI and `make test`'s fresh builds test everything).
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from .config import DBT_PROJECT_DIR

SCOPE_TABLE = "_dbt_scope"
FULL_BUILD_SHARE = 0.2
_TRUE = {"1", "true", "yes", "on"}


@dataclass
class Scope:
    full: bool
    reason: str
    changed_since: datetime | None = None
    changed_documents: int | None = None
    refresh: bool = False  # dbt --full-refresh: the incremental marts rebuilt from every raw row


def dbt_fingerprint(project_dir: Path = DBT_PROJECT_DIR) -> str:
    """A digest of what the dbt build runs: models, macros, tests, seeds and the project file."""
    return _digest(project_dir, {"models": "*", "macros": "*", "tests": "*", "seeds": "*", "snapshots": "*"})


def models_fingerprint(project_dir: Path = DBT_PROJECT_DIR) -> str:
    """A digest of what makes the marts' rows: the models' SQL, the macros, the seeds and the project
    file (not the tests nor the docs: a change there needs a full build, not new rows)."""
    return _digest(project_dir, {"models": "*.sql", "macros": "*", "seeds": "*"})


def _digest(project_dir: Path, globs: dict[str, str]) -> str:
    """sha256 over the project file and the files of these folders (name and content, sorted)."""
    h = hashlib.sha256()
    files = [project_dir / "dbt_project.yml"]
    for sub, pattern in globs.items():
        if (project_dir / sub).is_dir():
            files += [f for f in (project_dir / sub).rglob(pattern) if f.is_file()]
    for f in sorted(files):
        h.update(f.relative_to(project_dir).as_posix().encode() + b"\0")
        h.update(f.read_bytes())
    return h.hexdigest()[:24]


def forced_full() -> str | None:
    for name in ("FULL_DBT_BUILD", "CI"):
        if os.environ.get(name, "").strip().lower() in _TRUE:
            return f"{name} is set"
    return None


def _ensure(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE SCHEMA IF NOT EXISTS raw")
    con.execute(f"CREATE TABLE IF NOT EXISTS raw.{SCOPE_TABLE} (changed_since TIMESTAMP, tested_until TIMESTAMP, "
                "full_fingerprint VARCHAR)")
    # (a warehouse made before the column: NULL, so its first build after refreshes once)
    con.execute(f"ALTER TABLE raw.{SCOPE_TABLE} ADD COLUMN IF NOT EXISTS models_fingerprint VARCHAR")
    if not con.execute(f"SELECT count(*) FROM raw.{SCOPE_TABLE}").fetchall()[0][0]:
        con.execute(f"INSERT INTO raw.{SCOPE_TABLE} (changed_since, tested_until, full_fingerprint) "
                    "VALUES (NULL, NULL, NULL)")


def _has(con, schema: str, table: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
                            [schema, table]).fetchall()[0][0])


def prepare(con: duckdb.DuckDBPyConnection, fingerprint: str | None = None,
            required: list[tuple[str, str]] = (), models_fp: str | None = None) -> Scope:
    """Decide this build's scope and write it for the tests to read (before dbt opens the warehouse).
    required: the (schema, table) an incremental build does not build again; one missing (dropped by
    hand, say) makes the build full."""
    fingerprint = fingerprint or dbt_fingerprint()
    _ensure(con)
    tested_until, full_fp, refreshed_fp = con.execute(
        f"SELECT tested_until, full_fingerprint, models_fingerprint FROM raw.{SCOPE_TABLE}").fetchall()[0]
    scope = _decide(con, fingerprint, tested_until, full_fp, required)
    if refreshed_fp != (models_fp or models_fingerprint()):
        if not _has(con, "marts", "dim_document"):  # a first build: every row is new all the same
            scope.refresh = True
        else:  # the marts hold rows an older SQL made: rebuild them all (and so test them all)
            why = "the models changed since the marts were built" if refreshed_fp else \
                "the marts were built before the models' fingerprint was kept"
            scope = Scope(True, f"{scope.reason}; full refresh: {why}" if scope.full else f"full refresh: {why}",
                          refresh=True)
    con.execute(f"UPDATE raw.{SCOPE_TABLE} SET changed_since = ?", [None if scope.full else scope.changed_since])
    return scope


def _decide(con, fingerprint: str, tested_until, full_fp, required=()) -> Scope:
    forced = forced_full()
    if forced:
        return Scope(True, forced)
    if tested_until is None or not _has(con, "marts", "dim_document"):
        return Scope(True, "no earlier successful build")
    if full_fp != fingerprint:
        return Scope(True, "the dbt project changed since the last full build")
    missing = [f"{schema}.{table}" for schema, table in required if not _has(con, schema, table)]
    if missing:
        return Scope(True, f"{', '.join(missing)} missing")
    total, changed = con.execute("SELECT count(*), count(*) FILTER (WHERE ingested_at > ?) FROM raw.documents",
                                 [tested_until]).fetchall()[0]
    if changed > FULL_BUILD_SHARE * max(total, 1):
        return Scope(True, f"{changed:,} of {total:,} documents loaded since the last build", tested_until, changed)
    return Scope(False, f"{changed:,} documents loaded since the last build", tested_until, changed)


def record_success(con: duckdb.DuckDBPyConnection, scope: Scope, fingerprint: str | None = None,
                   models_fp: str | None = None) -> None:
    """After a build whose every test passed: its rows are tested; a full build's project is the
    reference; the models that made every row are known (a refresh, or a first build)."""
    _ensure(con)
    newest = con.execute("SELECT max(ingested_at) FROM marts.dim_document").fetchall()[0][0] \
        if _has(con, "marts", "dim_document") else None
    con.execute(f"UPDATE raw.{SCOPE_TABLE} SET tested_until = ?, changed_since = NULL", [newest])
    if scope.full:
        con.execute(f"UPDATE raw.{SCOPE_TABLE} SET full_fingerprint = ?", [fingerprint or dbt_fingerprint()])
    if scope.refresh:
        con.execute(f"UPDATE raw.{SCOPE_TABLE} SET models_fingerprint = ?", [models_fp or models_fingerprint()])
