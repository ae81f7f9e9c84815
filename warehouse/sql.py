"""Names and paths are data, never SQL: quoting for the few places where DuckDB cannot bind them."""
from __future__ import annotations


def ident(name: str) -> str:
    """A catalog, schema or table name as a quoted SQL identifier ("kz-warehouse", "a""b")."""
    return '"' + str(name).replace('"', '""') + '"'


def qualified(*parts: str) -> str:
    return ".".join(ident(p) for p in parts)


def literal(value) -> str:
    """A string as a SQL literal ('it''s'); for statements that take no bound parameters (SET)."""
    return "'" + str(value).replace("'", "''") + "'"
