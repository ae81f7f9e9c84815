"""Reference data: the CSV files under dbt_project/seeds, read by Python and dbt alike.

One place for country names, aliases, commodities, routes, units, number words,
month names and boilerplate markers. Adding a language means adding rows here.
"""
from __future__ import annotations

import csv
import os
from functools import lru_cache
from pathlib import Path

# Languages that capitalise every noun: there a capital letter says nothing of a name ("Quartal 2024",
# "der Handelsminister"); read by the date grammar and the activity coder.
CAPITALISED_NOUNS = frozenset({"de"})

SEEDS_DIR = Path(os.environ.get("REFERENCE_DIR", Path(__file__).resolve().parent.parent / "dbt_project" / "seeds"))


@lru_cache(maxsize=None)
def load_csv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of seeds/<name>.csv (name may include a subfolder) as dicts; cached."""
    path = SEEDS_DIR / f"{name}.csv"
    with open(path, encoding="utf-8", newline="") as f:
        return tuple(dict(row) for row in csv.DictReader(f))


def rows_for(name: str, lang: str) -> list[dict[str, str]]:
    """Rows of a per-language table whose `lang` column is lang."""
    return [r for r in load_csv(name) if r.get("lang") == lang]
