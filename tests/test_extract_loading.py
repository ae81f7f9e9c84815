"""Where the readers load: the Dagster process that only scans files and loads DuckDB never imports
spaCy or the lexicons (extract/__init__.py), and the order in which the parts of extract are first
used does not change what they find (the mention matcher's lemma table keeps the activity grammar's
keys, extract/partners/matcher.py share_lemma_keys)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import REPO

SENTENCE = "Казахстан и Китай подписали соглашение о поставках зерна в Китай."


def _python(code: str) -> str:
    env = dict(os.environ, DAGSTER_DISABLE_TELEMETRY="1", DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout.strip().splitlines()[-1]


def test_the_dagster_definitions_do_not_load_the_readers():
    loaded = _python("import sys, orchestration.definitions, warehouse.sync; "
                     "print(sorted(m for m in ('spacy', 'pymorphy3', 'extract.pipeline') if m in sys.modules))")
    assert loaded == "[]"


def _events(first: str) -> list:
    code = f"""
import json
{first}
from extract import extract
r = extract({SENTENCE!r}, lang="ru")
print(json.dumps(sorted([e.partner_id, e.activity_type] for e in r.events)))
"""
    return json.loads(_python(code))


def test_events_are_the_same_whether_the_mention_matcher_was_built_first_or_not():
    direct = _events("")
    matcher_first = _events("from extract.partners.matcher import language_matcher; language_matcher('ru')")
    assert ["CN", "agree"] in direct
    assert matcher_first == direct


def test_a_lemma_table_built_before_the_activity_grammar_loads_is_built_again_with_its_keys():
    missing = _python("""
from extract.partners.matcher import language_matcher
early = language_matcher('pl').lem.keep  # (the lemmatizer is shared: keep its set of that moment)
import extract.activity as activity
keys = activity.activity_keys('pl')
late = language_matcher('pl')
print(len(keys - early), len(keys - late.lem.keep), len(keys))
""").split()
    before, after, total = map(int, missing)
    assert total > 0 and before > 0  # the early table lacks keys that only the activity grammar needs
    assert after == 0
