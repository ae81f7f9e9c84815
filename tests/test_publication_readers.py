"""What a reader of the BI copy sees across a publication (README, "Connect a BI tool").

Publication swaps a new file in place of the BI copy. DuckDB keeps one database instance per
file and process: while any connection of a process holds the copy open, new connections of
that process share it and read the copy it opened; once all are closed, a new connection opens
the newest publication. The README promises exactly this, no more.
"""
from __future__ import annotations

import os

import duckdb


def _copy_with(path, value: int) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with duckdb.connect(str(tmp)) as con:
        con.execute("create table t as select ? as v", [value])
    os.replace(tmp, path)  # the atomic swap publication does


def test_a_new_connection_sees_the_newest_publication_once_the_old_ones_are_closed(tmp_path):
    bi = tmp_path / "bi.duckdb"
    _copy_with(bi, 1)
    held = duckdb.connect(str(bi), read_only=True)
    assert held.execute("select v from t").fetchone()[0] == 1
    _copy_with(bi, 2)
    # same process, old connection still open: the instance (and the old copy) is shared
    second = duckdb.connect(str(bi), read_only=True)
    assert second.execute("select v from t").fetchone()[0] == 1
    assert held.execute("select v from t").fetchone()[0] == 1
    second.close()
    held.close()
    # every connection closed: the next one opens the newest publication
    with duckdb.connect(str(bi), read_only=True) as fresh:
        assert fresh.execute("select v from t").fetchone()[0] == 2
