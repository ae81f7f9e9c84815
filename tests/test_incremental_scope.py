"""Incremental runs (issue 13: a few new files land in seconds), end to end with `python -m orchestration.run`:

- a run after a new file is an incremental dbt build (no seeds, no unit tests, the big facts tested on
  the changed documents' rows) and a partial publication, and its marts, BI copy and Parquet equal a
  clean full build of the same folder;
- the changed-only tests still catch a bad row in a changed document, and keep catching it on the next
  run (the failed build's rows stay untested until a build passes);
- a bad row in an unchanged document is left to full builds: FULL_DBT_BUILD=1 catches it;
- after a change to the models' SQL the build is a --full-refresh: no row keeps what the old SQL made.
"""
from __future__ import annotations

import shutil

import duckdb
import pytest

from tests.conftest import SEEDS
from tests.runtime_support import build_env, mart_rows, parquet_rows, run, run_ok, small_folder

pytestmark = pytest.mark.slow


def _env(src, wh, home, **extra):
    env = build_env(src, wh, home, **extra)
    for name in ("CI", "FULL_DBT_BUILD"):  # CI forces full builds: this test is about incremental ones
        env.pop(name, None)
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def world(tmp_path_factory, dev_corpus):
    root = tmp_path_factory.mktemp("incremental")
    src = small_folder(root / "src", 3, 2)
    env = _env(src, root / "wh" / "w.duckdb", root / "dagster")
    out = run_ok(env)
    assert "(incremental:" not in out  # the first build is full
    return {"root": root, "src": src, "env": env, "wh": root / "wh" / "w.duckdb"}


def test_a_new_file_is_an_incremental_build_and_equals_a_clean_build(world):
    root, src, env = world["root"], world["src"], world["env"]
    extra = sorted(SEEDS.glob("*.txt"))[3]
    shutil.copy(extra, src / extra.name)
    out = run_ok(env)
    assert "tests passed (incremental: the changed documents' rows)" in out, out[-2000:]
    assert "only the changed documents' rows written" in out, out[-2000:]
    clean_env = _env(src, root / "clean" / "w.duckdb", root / "clean-dagster")
    run_ok(clean_env)
    clean = mart_rows(root / "clean" / "w.duckdb")
    assert mart_rows(world["wh"]) == clean
    assert mart_rows(world["wh"].with_name("w_bi.duckdb")) == clean
    assert parquet_rows(world["wh"].parent / "exports", clean) == clean


def _con(wh):
    return duckdb.connect(str(wh))


def test_changed_only_tests_catch_a_bad_row_in_a_changed_document(world):
    env, wh = world["env"], world["wh"]
    con = _con(wh)
    doc = con.execute("select document_id from raw.mentions group by 1 order by 1 limit 1").fetchone()[0]
    # the document is loaded again (a new ingested_at) with one mention pointing at the wrong words
    con.execute("update raw.mentions set surface_text = 'not these words' where mention_id = "
                "(select min(mention_id) from raw.mentions where document_id = ? and entity_type = 'partner')", [doc])
    con.execute("update raw.documents set ingested_at = now()::timestamp where document_id = ?", [doc])
    con.close()
    code, out = run(env)
    assert code != 0 and "offsets_point_at_surface_text" in out, out[-3000:]
    # the failed build's rows are tested again by the next build, though nothing was loaded since
    code, out = run(env)
    assert code != 0 and "offsets_point_at_surface_text" in out, out[-3000:]
    # repaired: the next build passes
    con = _con(wh)
    con.execute("""update raw.mentions m set surface_text = substr(d.body_text, m.start_char + 1, m.end_char - m.start_char)
                   from raw.documents d where d.document_id = m.document_id and m.document_id = ?""", [doc])
    con.execute("update raw.documents set ingested_at = now()::timestamp where document_id = ?", [doc])
    con.close()
    run_ok(env)


def test_a_bad_row_in_an_unchanged_document_is_left_to_full_builds(world):
    env, wh = world["env"], world["wh"]
    con = _con(wh)
    con.execute("update marts.fct_figure set unit = 'kg' where figure_id = "
                "(select min(figure_id) from marts.fct_figure where kind = 'mass')")
    bad = con.execute("select count(*) from marts.fct_figure where unit = 'kg'").fetchone()[0]
    con.close()
    assert bad == 1
    out = run_ok(env)  # nothing changed: the incremental build does not read that row
    assert "(incremental:" in out
    code, out = run(dict(env, FULL_DBT_BUILD="1"))
    assert code != 0 and "assert_mass_figures_in_tonnes" in out, out[-3000:]
    con = _con(wh)
    con.execute("update marts.fct_figure set unit = 't' where unit = 'kg'")
    con.close()
    out = run_ok(dict(env, FULL_DBT_BUILD="1"))
    assert "(incremental:" not in out


def test_an_incremental_build_leaves_the_staging_views_to_full_builds_unless_one_is_missing(world):
    env, wh = world["env"], world["wh"]
    con = _con(wh)
    before = con.execute("select count(*) from staging.stg_figures").fetchone()[0]
    con.close()
    out = run_ok(env)
    assert "(incremental:" in out
    logs = sorted((world["root"] / "dagster" / "logs").glob("run-*.log"))
    log = logs[-1].read_text(errors="replace")
    assert "--threads 2" in log and "stg_figures" in log.split("Running dbt command:")[1].split("\n")[0]
    assert "START sql view model staging.stg_figures" not in log  # not built again
    # a view dropped by hand: the next build is full and builds it again
    con = _con(wh)
    con.execute("drop view staging.stg_figures")
    con.close()
    out = run_ok(env)
    assert "(incremental:" not in out
    log = sorted((world["root"] / "dagster" / "logs").glob("run-*.log"))[-1].read_text(errors="replace")
    assert "staging.stg_figures missing" in log
    con = _con(wh)
    assert con.execute("select count(*) from staging.stg_figures").fetchone()[0] == before
    con.close()


def test_a_change_to_the_models_sql_rebuilds_every_row_of_the_incremental_marts(world):
    """The per-document facts are incremental: after a model changes, rows of documents loaded
    before would keep what the old SQL made. The build after a change is a --full-refresh."""
    env, wh = world["env"], world["wh"]
    con = _con(wh)
    figure_id, language = con.execute(
        "select figure_id, language from marts.fct_figure order by figure_id limit 1").fetchone()
    # what an older fct_figure.sql would have left: a row of an unchanged document made differently,
    # and the models' fingerprint of that older SQL
    con.execute("update marts.fct_figure set language = 'zz' where figure_id = ?", [figure_id])
    con.execute("update raw._dbt_scope set models_fingerprint = 'older-models'")
    con.close()
    out = run_ok(env)
    assert "(incremental:" not in out
    log = sorted((world["root"] / "dagster" / "logs").glob("run-*.log"))[-1].read_text(errors="replace")
    assert "--full-refresh" in log.split("Running dbt command:")[1].split("\n")[0]
    assert "full refresh: the models changed since the marts were built" in log
    con = _con(wh)
    assert con.execute("select language from marts.fct_figure where figure_id = ?", [figure_id]).fetchone()[0] == language
    con.close()
    bi = duckdb.connect(str(wh.with_name("w_bi.duckdb")), read_only=True)
    assert bi.execute("select language from marts.fct_figure where figure_id = ?", [figure_id]).fetchone()[0] == language
    bi.close()
    # the fingerprint of the SQL that made the rows is kept: the next run is incremental again
    out = run_ok(env)
    assert "(incremental:" in out
    log = sorted((world["root"] / "dagster" / "logs").glob("run-*.log"))[-1].read_text(errors="replace")
    assert "--full-refresh" not in log


def test_an_incremental_build_keeps_the_tests_of_keys_offsets_and_ranges_only():
    """Column-shape tests (not null, accepted values, relationships) hold for the models' SQL, which an
    incremental build does not change: they run in full builds; the keys, offsets and value ranges of
    the new rows are tested in every build."""
    import json
    from pathlib import Path

    from orchestration.assets.dbt import FULL_BUILD_ONLY, _unchanged_since_full_build
    from orchestration.resources import dbt_project

    left_out = set(_unchanged_since_full_build().nodes)
    assert {f"test_name:{t}" for t in FULL_BUILD_ONLY} <= left_out
    nodes = json.loads(Path(dbt_project.manifest_path).read_text())["nodes"].values()
    kept = {n["name"] for n in nodes if n["resource_type"] == "test" and n["name"] not in left_out
            and (n.get("test_metadata") or {}).get("name") not in FULL_BUILD_ONLY}
    for name in ("offsets_point_at_surface_text_fct_partner_mention_surface_text", "unique_fct_figure_figure_id",
                 "between_fct_figure_date_month__12__1", "assert_no_negative_quantities"):
        assert name in kept, sorted(kept)
    assert not any(k.startswith(("not_null_", "accepted_values_", "relationships_")) for k in kept), sorted(kept)
