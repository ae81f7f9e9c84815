#!/usr/bin/env python3
"""`make bench`: throughput and scale on a synthetic corpus, printed as one table and written as JSON.

    python scripts/bench.py [--sizes 1000,10000,100000] [--extract-docs 2000] [--dateparser-docs 150]

Measures, on the same deterministic synthetic articles (scripts/synth_corpus.py):
  - extract() documents/s on one core, and its parts: mention extraction and figure (+date) extraction;
  - dateparser.search.search_dates documents/s (the peer baseline) and the ratio;
  - the full build (`python -m orchestration.run`: ingest → extract → load → dbt build → BI copy),
    wall time and peak memory of the whole process tree, at each size;
  - incremental runs after adding 10, then 1,000 new files to the largest build (what a sensor run
    costs when a few files land).
The temporary work folder is removed at the end (pass --workdir to keep corpora and warehouses).
Not part of `make test`: these are figures to read, not pass/fail checks.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
os.environ.setdefault("DAGSTER_DISABLE_TELEMETRY", "1")

import synth_corpus  # noqa: E402

FLOORS = {"extract_docs_per_s": 900, "ratio_to_dateparser": 20, "build_100k_s": 600, "peak_gib": 3.0,
          "incremental_10_s": 10, "incremental_1000_s": 30}


def _samples(folder: Path, n: int, n_warm: int) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(n articles to time, n_warm others to warm up on), each spread evenly over the corpus: the
    corpus is sorted by language, and its first articles would all be Bulgarian."""
    from extract.cleaning import clean_text
    paths = sorted(folder.rglob("*.txt"))
    timed = _spread(paths, n)
    chosen = set(timed)
    warm = _spread([p for p in paths if p not in chosen], n_warm)
    read = lambda ps: [(p.parent.name, clean_text(p.read_text(encoding="utf-8")).body_text) for p in ps]  # noqa: E731
    return read(timed), read(warm)


def bench_extract(docs: list[tuple[str, str]], warm: list[tuple[str, str]]) -> dict:
    """Single core, in this process, in the steady state of a worker: every language loaded, and
    its per-word caches (lemma keys, trigger candidates) filled by other articles (`warm`, none of
    them timed), as they are after a worker's first few hundred files."""
    from extract import extract, warm_up
    from extract.boilerplate import find_boilerplate_start
    from extract.dates import find_dates
    from extract.figures import find_figures
    from extract.partners import find_mentions
    from extract.sentences import split_sentences

    warm_up()  # every language's pipeline, as a worker holds them
    for _, text in warm:
        extract(text)
    out = {}
    t0 = time.perf_counter()
    for lang, text in docs:
        extract(text)  # language detection included
    out["extract_docs_per_s"] = len(docs) / (time.perf_counter() - t0)
    prepared = [(l, t, split_sentences(t, 0, find_boilerplate_start(t))) for l, t in docs]
    t0 = time.perf_counter()
    for lang, text, sents in prepared:
        find_mentions(text, lang, sents, len(text))
    out["mentions_docs_per_s"] = len(docs) / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    for lang, text, sents in prepared:
        dates = find_dates(text, lang, sents, len(text))
        find_figures(text, lang, sents, len(text), taken=[(f.start_char, f.end_char) for f in dates])
    out["figures_docs_per_s"] = len(docs) / (time.perf_counter() - t0)
    from extract.activity import code_events
    with_mentions = []
    for lang, text, sents in prepared:
        ms = find_mentions(text, lang, sents, len(text))
        with_mentions.append((lang, text, sents, ms, {m.entity_id for m in ms if m.entity_type == "partner"}))
    t0 = time.perf_counter()
    for lang, text, sents, ms, named in with_mentions:
        code_events(text, lang, sents, ms, named)
    out["events_docs_per_s"] = len(docs) / (time.perf_counter() - t0)
    import resource
    out["extract_peak_rss_gib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    out["extract_docs"] = len(docs)
    out["mean_chars"] = sum(len(t) for _, t in docs) / len(docs)
    return out


def _spread(docs: list, n: int) -> list:
    """n documents taken evenly across the list (all of them when it holds no more)."""
    if len(docs) <= n:
        return list(docs)
    return [docs[(i * len(docs)) // n] for i in range(n)]


def bench_dateparser(docs: list[tuple[str, str]], with_language: bool = True) -> float:
    """search_dates over whole documents; told the language (its fastest setting) or left to detect it."""
    from dateparser.search import search_dates
    # load its data first, for every language of the sample (as extract() has all of its own
    # loaded): a language's first call reads that language's data
    for lang in sorted({lang for lang, _ in docs}):
        first = next(text for code, text in docs if code == lang)
        search_dates(first, languages=[lang] if with_language else None)
    t0 = time.perf_counter()
    for lang, text in docs:
        try:
            search_dates(text, languages=[lang] if with_language else None)
        except Exception:  # noqa: BLE001 - the baseline's own failures still cost its time
            pass
    return len(docs) / (time.perf_counter() - t0)


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (from /proc)."""
    total, stack = 0, [pid]
    children: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(d))
            except (OSError, ValueError, IndexError):
                pass
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError):
            pass
        stack.extend(children.get(p, []))
    return total


def timed_build(source: Path, warehouse: Path, home: Path) -> dict:
    env = dict(os.environ, SOURCE_DIR=str(source), WAREHOUSE_PATH=str(warehouse), DAGSTER_HOME=str(home))
    home.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "orchestration" / "dagster.yaml", home / "dagster.yaml")
    peak = [0]
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "orchestration.run"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def sample():
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            time.sleep(0.5)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    out, _ = proc.communicate()
    wall = time.perf_counter() - t0
    t.join()
    if proc.returncode != 0:
        raise SystemExit(f"build failed:\n{out[-3000:]}")
    return {"wall_s": wall, "peak_gib": peak[0] / 2**30}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "1000,10000,100000"))
    ap.add_argument("--extract-docs", type=int, default=2000)
    ap.add_argument("--dateparser-docs", type=int, default=150)
    ap.add_argument("--workdir", type=Path, default=None, help="keep corpora and warehouses here")
    ap.add_argument("--json", type=Path, default=ROOT / "bench" / "out" / "results.json")
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",") if s]
    work = a.workdir or Path(tempfile.mkdtemp(prefix="kz-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        return _run(a, sizes, work)
    finally:
        if a.workdir is None:  # a temporary workdir goes with the run, finished or not (GBs at 100k)
            logs = sorted((work / "dagster" / "logs").glob("run-*.log"))
            if logs:  # the run logs are small and say what happened: kept beside the results
                keep = a.json.parent / "logs"
                keep.mkdir(parents=True, exist_ok=True)
                for log in logs:
                    shutil.copy(log, keep / log.name)
            shutil.rmtree(work, ignore_errors=True)


def _run(a, sizes: list[int], work: Path) -> int:
    results: dict = {"cpu_count": os.cpu_count(), "sizes": {}}

    corpus = work / "corpus"
    biggest = max(sizes + [a.extract_docs + 500])
    print(f"generating {biggest} synthetic articles in {corpus} ...", flush=True)
    shutil.rmtree(corpus, ignore_errors=True)
    synth_corpus.generate(corpus, biggest)

    docs, warm = _samples(corpus, a.extract_docs, 500)
    results.update(bench_extract(docs, warm))
    results["extract_languages"] = dict(sorted(Counter(lang for lang, _ in docs).items()))
    # the same mix of languages as the extract() figure: every k-th document, not the first ones
    # (the corpus is sorted by language, and dateparser's speed differs by language)
    results["dateparser_docs_per_s"] = bench_dateparser(_spread(docs, a.dateparser_docs))
    results["dateparser_detecting_docs_per_s"] = bench_dateparser(_spread(docs, max(10, a.dateparser_docs // 5)), False)
    results["ratio_to_dateparser"] = results["extract_docs_per_s"] / results["dateparser_docs_per_s"]
    print(f"extract(): {results['extract_docs_per_s']:.0f} docs/s on one core "
          f"(mentions {results['mentions_docs_per_s']:.0f}/s, figures {results['figures_docs_per_s']:.0f}/s); "
          f"dateparser {results['dateparser_docs_per_s']:.1f} docs/s", flush=True)

    for n in sorted(sizes):
        src = work / f"src_{n}"
        shutil.rmtree(src, ignore_errors=True)
        src.mkdir()
        for p in sorted(corpus.rglob("*.txt"))[:n]:
            dst = src / p.relative_to(corpus)
            dst.parent.mkdir(exist_ok=True)
            os.link(p, dst)
        wh = work / f"wh_{n}" / "warehouse.duckdb"
        shutil.rmtree(wh.parent, ignore_errors=True)
        print(f"full build of {n} articles ...", flush=True)
        results["sizes"][n] = timed_build(src, wh, work / "dagster")
        print(f"  {results['sizes'][n]['wall_s']:.1f} s, peak {results['sizes'][n]['peak_gib']:.2f} GiB", flush=True)
    if sizes:  # (none: extraction figures only)
        # what a sensor run costs after a few new files land: +10, then +1,000 (+10 % below 10,000)
        n = max(sizes)
        src = work / f"src_{n}"
        start = biggest + 1
        results["incremental"] = []
        # one run with nothing new first, as any sensor run after the build: the warehouse then has
        # what it has in steady state, the publication before the last kept to be updated (a first
        # increment straight after a first build copies the BI copy instead: about 2 s more at 100,000)
        results["settle_s"] = timed_build(src, work / f"wh_{n}" / "warehouse.duckdb", work / "dagster")["wall_s"]
        print(f"run with nothing new: {results['settle_s']:.1f} s", flush=True)
        for extra in (10, 1000 if n >= 10_000 else max(1, n // 10)):
            synth_corpus.generate(src, extra, start=start)
            start += extra
            print(f"incremental run after adding {extra} articles to {n} ...", flush=True)
            results["incremental"].append({"base": n, "added": extra, **timed_build(
                src, work / f"wh_{n}" / "warehouse.duckdb", work / "dagster")})
            print(f"  {results['incremental'][-1]['wall_s']:.1f} s", flush=True)
    _print_table(results)
    _write(results, a.json)
    return 0


def _write(results: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, default=str))
    print(f"\nwritten to {path}")


def _print_table(r: dict) -> None:
    rows = [
        ("extract() docs/s, one core", f"{r['extract_docs_per_s']:.0f}", f">= {FLOORS['extract_docs_per_s']}"),
        ("  mention extraction docs/s", f"{r['mentions_docs_per_s']:.0f}", ">= 500"),
        ("  figure + date extraction docs/s", f"{r['figures_docs_per_s']:.0f}", ">= 500"),
        ("  activity event coding docs/s", f"{r['events_docs_per_s']:.0f}", ""),
        ("memory, all languages loaded (peak RSS)", f"{r['extract_peak_rss_gib']:.2f} GiB", "< 1.5 GiB"),
        ("dateparser.search_dates docs/s (told the language)", f"{r['dateparser_docs_per_s']:.1f}", ""),
        ("dateparser.search_dates docs/s (detecting it)", f"{r['dateparser_detecting_docs_per_s']:.1f}", ""),
        ("ratio extract()/dateparser (told the language)", f"{r['ratio_to_dateparser']:.0f}x",
         f">= {FLOORS['ratio_to_dateparser']}x"),
        ("ratio figure extraction/dateparser (told)", f"{r['figures_docs_per_s'] / r['dateparser_docs_per_s']:.0f}x", ""),
        ("ratio extract()/dateparser (detecting)", f"{r['extract_docs_per_s'] / r['dateparser_detecting_docs_per_s']:.0f}x", ""),
    ]
    for n, s in sorted(r["sizes"].items()):
        rows.append((f"full build, {n:,} articles", f"{s['wall_s']:.1f} s, peak {s['peak_gib']:.2f} GiB",
                     f"<= {FLOORS['build_100k_s']} s, <= {FLOORS['peak_gib']} GiB" if n >= 100_000 else ""))
    sizes = {int(n): v for n, v in r["sizes"].items()}
    if 10_000 in sizes and max(sizes) > 10_000:
        top = max(sizes)
        rows.append((f"peak memory {top:,} / 10,000 articles", f"{sizes[top]['peak_gib'] / sizes[10_000]['peak_gib']:.2f}x",
                     "flat (about 1x)"))
    for inc in r.get("incremental") or []:
        floor = FLOORS["incremental_10_s"] if inc["added"] <= 10 else FLOORS["incremental_1000_s"]
        rows.append((f"incremental, +{inc['added']:,} to {inc['base']:,}", f"{inc['wall_s']:.1f} s, peak {inc['peak_gib']:.2f} GiB",
                     f"<= {floor} s (on 100,000)"))
    w = max(len(x[0]) for x in rows)
    print("\n" + f"{'measure':<{w}}  {'value':<28} floor")
    for name, val, floor in rows:
        print(f"{name:<{w}}  {val:<28} {floor}")


if __name__ == "__main__":
    sys.exit(main())
