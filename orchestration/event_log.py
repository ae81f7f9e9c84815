"""The build process writes Dagster's SQLite event log through kept connections, not one per event.

Dagster's SqliteEventLogStorage makes a new engine and connection for every write and closes it
after. Closing the last connection of a WAL database checkpoints the WAL into the file and deletes
it: an fsync and file operations per event, ~10 ms, and a build writes hundreds of events (every
dbt test is an asset check). `keep_connections` gives the build process's storage one connection
per database file (the run's own file and the index) for the life of the process. Same files, same
tables, same WAL mode: the UI, the daemon and other runs read and write them as before, and the WAL
is checkpointed every 1,000 pages and when the process ends. The kept connections commit with
`synchronous=NORMAL`, SQLite's setting for WAL files: a commit does not wait for the disk (0.27 ms
each here, some 500 commits a run, 0.1 s of them before the run's first step), and one the process
made survives the process being killed (the operating system has it); only a power cut can take the
last commits back, never corrupt the file. This is run metadata: the warehouse is DuckDB's, untouched.
Only the build process (orchestration/execute.py) does this; instances elsewhere (the UI, the daemon,
another storage such as Postgres) are left as they are.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage
from dagster._core.storage.sqlite import SQLITE_BUSY_TIMEOUT_SECONDS
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import SingletonThreadPool

MAX_KEPT = 8  # database files with a kept connection (the index and the latest runs')


def _relaxed_sync(dbapi_connection, _record) -> None:  # noqa: ANN001 - SQLAlchemy's connect event
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def keep_connections(storage) -> bool:
    """Make this SQLite event log storage keep its connections; False (and nothing changed) for any
    other storage."""
    if type(storage) is not SqliteEventLogStorage:
        return False
    engines: dict[str, Engine] = {}
    made_in = [os.getpid()]
    lock: threading.Lock = storage._db_lock  # the storage's own lock: one writer thread at a time

    def engine_for(shard: str) -> Engine:
        if made_in[0] != os.getpid():  # a forked child: the parent's connections are not its own
            engines.clear()
            made_in[0] = os.getpid()
        engine = engines.get(shard)
        if engine is None:
            # one connection per thread, kept open (the event log watcher is another thread)
            engine = create_engine(storage.conn_string_for_shard(shard), poolclass=SingletonThreadPool,
                                   connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS, "check_same_thread": False})
            event.listen(engine, "connect", _relaxed_sync)
            if shard not in storage._initialized_dbs:
                storage._initdb(engine)
                storage._initialized_dbs.add(shard)
            if len(engines) >= MAX_KEPT:
                engines.pop(next(k for k in engines if k != "index")).dispose()
            engines[shard] = engine
        return engine

    @contextmanager
    def connect(shard: str) -> Iterator[Connection]:
        with lock:
            with engine_for(shard).connect() as conn:
                with conn.begin():
                    yield conn

    known_tables: set[str] = set()
    stock_has_table = storage.has_table

    def has_table(name: str) -> bool:
        # asked on every asset event; a table, once there, stays (an engine per question otherwise)
        if name not in known_tables and stock_has_table(name):
            known_tables.add(name)
        return name in known_tables

    storage._connect = connect  # (instance attributes: run_connection and index_connection call these)
    storage.has_table = has_table
    storage._kept_engines = engines
    return True
