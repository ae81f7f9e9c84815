"""Where things are: the run command's environment (see ../shared/CONTRACT.md §1).

Every setting is checked when it is read: a value that cannot be right (EXTRACT_WORKERS=abc,
MAX_FILE_BYTES=-1) stops the run before anything runs, with a message naming the variable.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"
DEFAULT_MEMORY_LIMIT = "512MB"  # measured: the 100,000-article build's dbt models and Parquet export fit
DEFAULT_MAX_DELETE_SHARE = 0.2  # a run may remove at most this share of the documents (rsync's --max-delete)

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
_MEMORY = re.compile(r"^\s*\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB)\s*$", re.IGNORECASE)


class SettingsError(ValueError):
    """A setting from the environment that cannot be used; the message names the variable."""


@dataclass(frozen=True, slots=True)
class Settings:
    source_dir: Path
    warehouse_path: Path
    bi_path: Path            # read-only copy for BI tools, DuckDB 1.x storage format
    exports_dir: Path        # Parquet exports of the marts
    max_file_bytes: int
    workers: int             # extraction processes; 1 = in this process
    duckdb_memory_limit: str  # DuckDB's memory for dbt, publication and queries: bounded, larger work spills to disk
    duckdb_load_memory_limit: str  # the loader only appends: a small buffer pool keeps memory flat as data grows
    max_delete_share: float = DEFAULT_MAX_DELETE_SHARE  # a larger share of documents removed stops the run
    allow_mass_delete: bool = False  # ALLOW_MASS_DELETE=1: the run may remove (and publish) that many
    follow_links_out: bool = False   # FOLLOW_LINKS_OUT=1: read symbolic links to files outside SOURCE_DIR


def _env(name: str) -> str | None:
    value = os.environ.get(name)
    return None if value is None or value.strip() == "" else value.strip()


def _int(name: str, default: int, minimum: int) -> int:
    raw = _env(name)
    if raw is None:
        return default
    try:
        value = int(raw.replace("_", ""))
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a whole number (unset it for the default, {default})") from None
    if value < minimum:
        raise SettingsError(f"{name}={raw!r} must be at least {minimum} (unset it for the default, {default})")
    return value


def _share(name: str, default: float) -> float:
    raw = _env(name)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a number; give a share between 0 and 1, e.g. 0.2") from None
    if not 0.0 <= value <= 1.0:  # also refuses nan
        raise SettingsError(f"{name}={raw!r} must be a share between 0 and 1, e.g. 0.2 for 20 %")
    return value


def _bool(name: str) -> bool:
    raw = (_env(name) or "").lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise SettingsError(f"{name}={os.environ.get(name)!r} is not a yes/no value; use 1 or 0")


def _memory(name: str, default: str) -> str:
    raw = _env(name)
    if raw is None:
        return default
    if not _MEMORY.match(raw):
        raise SettingsError(f"{name}={raw!r} is not a memory size such as 512MB or 2GB")
    return raw


def _path(name: str, default: Path) -> Path:
    raw = os.environ.get(name)
    if raw is not None and raw.strip() == "" and raw != "":
        raise SettingsError(f"{name}={raw!r} is only white space; unset it for the default, {default}")
    if raw and "\x00" in raw:
        raise SettingsError(f"{name} holds a NUL character")
    return Path(raw or default).expanduser().resolve()


def _inside(a: Path, b: Path) -> bool:
    return a == b or b in a.parents


def settings() -> Settings:
    source = _path("SOURCE_DIR", REPO_ROOT / "seeds")
    warehouse = _path("WAREHOUSE_PATH", REPO_ROOT / "warehouse" / "warehouse.duckdb")
    bi = _path("BI_WAREHOUSE_PATH", warehouse.with_name(warehouse.stem + "_bi.duckdb"))
    exports = _path("EXPORTS_DIR", warehouse.parent / "exports")
    s = Settings(
        source_dir=source,
        warehouse_path=warehouse,
        bi_path=bi,
        exports_dir=exports,
        max_file_bytes=_int("MAX_FILE_BYTES", 5 * 1024 * 1024, minimum=1),
        workers=_int("EXTRACT_WORKERS", os.cpu_count() or 1, minimum=1),
        duckdb_memory_limit=_memory("DUCKDB_MEMORY_LIMIT", DEFAULT_MEMORY_LIMIT),
        duckdb_load_memory_limit=_memory("DUCKDB_LOAD_MEMORY_LIMIT", "96MB"),
        max_delete_share=_share("MAX_DELETE_SHARE", DEFAULT_MAX_DELETE_SHARE),
        allow_mass_delete=_bool("ALLOW_MASS_DELETE"),
        follow_links_out=_bool("FOLLOW_LINKS_OUT"),
    )
    _check_paths(s)
    return s


def _check_paths(s: Settings) -> None:
    """Settings that would make one output overwrite another, or the input."""
    if s.warehouse_path.is_dir():
        raise SettingsError(f"WAREHOUSE_PATH={s.warehouse_path} is a folder; give the path of a .duckdb file")
    if s.bi_path == s.warehouse_path:
        raise SettingsError("BI_WAREHOUSE_PATH is WAREHOUSE_PATH: publication would replace the warehouse "
                            "with its copy; give the BI copy its own file")
    if s.bi_path.is_dir():
        raise SettingsError(f"BI_WAREHOUSE_PATH={s.bi_path} is a folder; give the path of a .duckdb file")
    for name, p in (("WAREHOUSE_PATH", s.warehouse_path), ("BI_WAREHOUSE_PATH", s.bi_path)):
        if _inside(p, s.exports_dir):
            raise SettingsError(f"{name}={p} lies inside EXPORTS_DIR={s.exports_dir}, which every "
                                "publication replaces; put the exports in a folder of their own")
    if _inside(s.source_dir, s.exports_dir) or _inside(s.exports_dir, s.source_dir):
        raise SettingsError(f"EXPORTS_DIR={s.exports_dir} and SOURCE_DIR={s.source_dir} overlap: every "
                            "publication replaces EXPORTS_DIR; give the exports a folder of their own")
