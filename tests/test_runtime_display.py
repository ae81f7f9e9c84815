"""`make run` talks like a tool (issue 12 item 5): stage lines, a live counter on a terminal, plain
text in a pipe, Dagster's and dbt's lines in a log file whose path it prints, loud errors."""
from __future__ import annotations

import io
import re
from pathlib import Path

import dagster as dg
import pytest

from orchestration.display import Display
from orchestration.execute import failure_messages, skipped_steps
from tests.runtime_support import build_env, run_ok, small_folder

STAGES = ["scan", "extract", "load", "dbt", "publish"]


def _feed(display: Display, total: int = 1000) -> None:
    display.handle({"event": "note", "text": "recovered: run 1234abcd was STARTED but its process 9 is gone"})
    display.handle({"event": "scanned", "files": total + 5})
    display.handle({"event": "planned", "extract": total, "new": total, "changed": 0, "removed": 2, "touched": 0})
    display.handle({"event": "extract_start", "total": total})
    for done in range(1, total + 1):
        display.handle({"event": "extracted", "done": done, "total": total})
    display.handle({"event": "loaded", "files": total + 5, "new": total, "changed": 0, "unchanged": 5,
                    "removed": 2, "documents": total, "statuses": {"ok": total + 3, "binary": 2}, "seconds": 3.0})
    display.handle({"event": "dbt_start", "nodes": 40, "tests": 70})
    for i in range(1, 41):
        display.handle({"event": "dbt", "built": i, "nodes": 40, "tested": 0, "tests": 70, "failed": 0})
    display.handle({"event": "dbt_done", "built": 40, "nodes": 40, "tested": 70, "tests": 70, "failed": 1})
    display.handle({"event": "published", "tables": 9, "bi": "/x_bi.duckdb", "exports": "/exports"})
    display.finish()


def test_plain_output_has_one_line_per_stage_and_ten_percent_steps():
    out = io.StringIO()
    _feed(Display(out, tty=False))
    text = out.getvalue()
    assert "\r" not in text and "\033" not in text
    lines = text.splitlines()
    assert lines[0].startswith("recovered: run 1234abcd")
    assert lines[1] == "scan      1,005 files: 1,000 new, 0 changed, 5 unchanged, 2 removed"
    progress_lines = [ln for ln in lines if re.match(r"extract   \d[\d,]*/1,000 files \(\d+%\)", ln)]
    assert 8 <= len(progress_lines) <= 10  # one per tenth, not one per file
    assert re.match(r"extract   1,000/1,000 files in [\d.]+s", [ln for ln in lines if "1,000/1,000" in ln][0])
    assert "load      1,000 documents loaded, the rows of 2 removed files deleted; the warehouse holds 1,005 " \
           "(1,003 ok, 2 binary)" in lines
    assert "dbt       40 models and seeds built, 69 tests passed, 1 FAILED" in lines
    assert lines[-1] == "publish   9 tables to the BI copy and Parquet"


def test_small_batches_print_no_progress_lines_in_plain_output():
    out = io.StringIO()
    _feed(Display(out, tty=False), total=20)
    assert [ln for ln in out.getvalue().splitlines() if ln.startswith("extract")] == [
        ln for ln in out.getvalue().splitlines() if ln.startswith("extract   20/20 files in")]


def test_a_terminal_gets_a_live_bar_replaced_in_place():
    out = io.StringIO()
    _feed(Display(out, tty=True), total=50)
    text = out.getvalue()
    assert "\r\033[Kextract   [" in text and "/50 files" in text
    assert "\r\033[Kdbt       [" in text
    final = [seg.split("\r\033[K")[-1] for seg in text.split("\n") if seg]  # what stays on screen
    assert [ln.split()[0] for ln in final if ln.split()[0] in STAGES] == STAGES


def test_failed_steps_are_reported_with_their_cause():
    @dg.asset
    def broken():
        raise RuntimeError("the source folder vanished: check SOURCE_DIR")

    result = dg.materialize([broken], raise_on_error=False)
    messages = failure_messages(result)
    assert len(messages) == 1
    assert messages[0].startswith("step broken failed") and "check SOURCE_DIR" in messages[0]


def test_a_step_skipped_for_an_asset_not_materialized_is_named():
    # what an incremental dbt build that left out a mart would do to the publication: Dagster skips
    # it and calls the run a success; the build process fails the run, naming the step
    import dagster as dg

    @dg.multi_asset(outs={"built": dg.AssetOut(is_required=False), "left_out": dg.AssetOut(is_required=False)},
                    can_subset=True)
    def upstream():
        yield dg.Output(None, output_name="built")

    @dg.asset(deps=["left_out"])
    def published() -> None:
        return None

    result = dg.materialize([upstream, published], raise_on_error=False)
    assert result.success  # Dagster's view
    assert skipped_steps(result) == ["published"]


@pytest.mark.slow
def test_make_run_prints_stages_and_the_log_path_and_no_dagster_lines(tmp_path):
    env = build_env(small_folder(tmp_path / "src", 2, 0), tmp_path / "wh" / "w.duckdb", tmp_path / "dagster")
    out = run_ok(env, timeout=300)
    for stage in STAGES:
        assert re.search(rf"^{stage} +\S", out, re.M), (stage, out)
    assert "scan      2 files: 2 new" in out and "extract   2/2 files" in out
    assert "dagster - DEBUG" not in out and "dagster - INFO" not in out and "RUN_START" not in out
    assert "\r" not in out  # not a terminal: plain lines
    log = Path(re.search(r"^log: (\S+)", out, re.M).group(1))
    assert log.parent == tmp_path / "dagster" / "logs"
    text = log.read_text()
    assert "RUN_START" in text and "dbt build" in text  # Dagster's and dbt's lines went there
    assert "warehouse built" in out and str(tmp_path / "wh" / "w_bi.duckdb") in out
    # the summary's counts come from the publication step (not from opening the copy again): they are the copy's
    import duckdb
    con = duckdb.connect(str(tmp_path / "wh" / "w_bi.duckdb"), read_only=True)
    try:
        docs = con.execute("SELECT status, count(*) FROM marts.dim_document GROUP BY 1 ORDER BY 1").fetchall()
        counts = {t: con.execute(f"SELECT count(*) FROM marts.{t}").fetchone()[0]
                  for t in ("fct_partner_mention", "fct_activity_event", "fct_figure")}
    finally:
        con.close()
    assert "  documents: " + ", ".join(f"{n} {st}" for st, n in docs) in out
    for t, n in counts.items():
        assert f"{t} {n}" in out, (t, n, out[-600:])


def test_the_summary_without_the_publications_counts_reads_the_copy(tmp_path, capsys):
    """An older build process reports no counts: the summary opens the BI copy instead; with them it
    never opens it (here it does not even exist)."""
    from types import SimpleNamespace

    import duckdb

    from orchestration.run import _SUMMARY_TABLES, _summary

    s = SimpleNamespace(warehouse_path=tmp_path / "w.duckdb", bi_path=tmp_path / "missing_bi.duckdb",
                        exports_dir=tmp_path / "exports")
    published = {"rows": {f"marts.{t}": i for i, t in enumerate(_SUMMARY_TABLES)}, "statuses": {"ok": 7, "binary": 1}}
    _summary(s, published)
    out = capsys.readouterr().out
    assert "documents: 1 binary, 7 ok" in out and "fct_activity_event 1" in out
    bi = tmp_path / "bi.duckdb"
    con = duckdb.connect(str(bi))
    con.execute("CREATE SCHEMA marts")
    con.execute("CREATE TABLE marts.dim_document AS SELECT 'ok' AS status FROM range(3)")
    for t in _SUMMARY_TABLES:
        con.execute(f"CREATE TABLE marts.{t} AS SELECT 1 AS x FROM range(2)")
    con.close()
    _summary(SimpleNamespace(**{**vars(s), "bi_path": bi}), {"tables": 12})
    out = capsys.readouterr().out
    assert "documents: 3 ok" in out and "fct_figure 2" in out


def test_a_build_that_dies_before_any_step_shows_the_end_of_its_log(tmp_path):
    """A broken environment (here: DAGSTER_HOME's dagster.yaml unreadable as YAML) fails before any
    step; make run prints the end of the log, not only its path."""
    env = build_env(small_folder(tmp_path / "src", 1, 0), tmp_path / "wh" / "w.duckdb", tmp_path / "dagster")
    (tmp_path / "dagster" / "dagster.yaml").write_text("concurrency: [unclosed\n")
    from tests.runtime_support import run

    code, out = run(env, timeout=120)
    assert code == 1
    assert "the end of its log" in out and "yaml" in out.lower()
    assert "the build failed" in out and str(tmp_path / "dagster" / "logs") in out
