"""The dashboard in a real browser: Debian's chromium, driven by selenium, against `streamlit run`.

A warehouse is built from the seeds, the dev corpus, three files that cannot be read and two
short restatements of a dev-corpus figure with datelines (`python -m orchestration.run`); the dashboard is started on its published BI copy; every page
is opened, must render without a Streamlit exception, and its key numbers (st.metric) must
equal the same SQL on the marts. Screenshots go to docs/img/<page>.png (shown in the README).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

import duckdb
import pytest

from tests.test_warehouse_build import run_build

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
SHARED = next((p for p in (REPO.parent / "shared", REPO.parent.parent / "shared") if p.is_dir()), REPO.parent / "shared")
IMG = REPO / "docs" / "img"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1800"]

RESTATED_EN = """Kazakhstan to ship more oil via BTC

ASTANA, 3 December 2025 – Kazakhstan will send about 3.2 million tonnes of crude oil through the \
Baku-Tbilisi-Ceyhan pipeline in total, the energy ministry said on Wednesday.

The ministry said shipments through the Caspian Pipeline Consortium would stay unchanged.
"""
RESTATED_RU = """Казахстан увеличит транзит нефти через БТД

АСТАНА, 4 декабря 2025 г. — Всего по нефтепроводу Баку – Тбилиси – Джейхан будет прокачано около 3,2 млн \
тонн казахстанской нефти, сообщили в министерстве энергетики.

Отгрузки через КТК сохранятся на прежнем уровне.
"""

if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
    pytest.skip("Debian's chromium and chromium-driver are not installed (`make test` installs them)",
                allow_module_level=True)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("dashboard")
    src = root / "src"
    src.mkdir()
    for f in [*(REPO / "seeds").glob("*.txt"), *(SHARED / "corpus" / "dev").glob("*.txt")]:
        shutil.copy(f, src / f.name)
    (src / "empty.txt").write_bytes(b"")
    (src / "noise.txt").write_bytes(bytes(range(256)) * 40)
    (src / "es_noticia.txt").write_text(
        "El gobierno de Kazajistán firmó ayer un acuerdo con España para aumentar las exportaciones de petróleo "
        "y cereales durante los próximos años, según informó el ministerio de energía en un comunicado.\n",
        encoding="utf-8")
    # two restatements (en, ru) of a figure of pl_01_btc-tranzyt.txt, with datelines: one claim, three sources
    (src / "zz_en_btc-restated.txt").write_text(RESTATED_EN, encoding="utf-8")
    (src / "zz_ru_btc-restated.txt").write_text(RESTATED_RU, encoding="utf-8")
    wh = root / "wh" / "warehouse.duckdb"
    run_build(src, wh, root / "dagster")
    return wh.with_name("warehouse_bi.duckdb")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def dashboard(warehouse):
    port = _free_port()
    env = dict(os.environ, BI_WAREHOUSE_PATH=str(warehouse))
    log = open(warehouse.parent / "streamlit.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.headless", "true",
         "--browser.gatherUsageStats", "false", "--server.address", "127.0.0.1", "--server.port", str(port),
         "--server.fileWatcherType", "none"],
        cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                pass
            assert proc.poll() is None, (warehouse.parent / "streamlit.log").read_text()
            assert time.monotonic() < deadline, "streamlit did not answer within 60 s"
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="chromium-")
    for flag in [*CHROME_FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def sql(warehouse: Path, query: str, params=None):
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(query, params or []).fetchone()


def open_page(driver, url: str, name: str) -> dict[str, str]:
    """Open a page, wait until it has rendered, check it has no exception; its metrics (label -> value)."""
    from selenium.webdriver.common.by import By

    driver.get(url)
    deadline = time.monotonic() + 60
    while True:
        captions = driver.find_elements(By.CSS_SELECTOR, '[data-testid="stCaptionContainer"]')
        running = driver.find_elements(By.CSS_SELECTOR, '[data-testid="stStatusWidget"]')
        if any("read-only BI copy" in c.text for c in captions) and not running:
            break
        exceptions = driver.find_elements(By.CSS_SELECTOR, '[data-testid="stException"]')
        assert not exceptions, exceptions[0].text
        assert time.monotonic() < deadline, f"{name} did not finish rendering within 60 s"
        time.sleep(0.3)
    time.sleep(1.5)  # charts draw after the script has finished
    exceptions = driver.find_elements(By.CSS_SELECTOR, '[data-testid="stException"]')
    assert not exceptions, exceptions[0].text
    assert "Page not found" not in driver.page_source
    IMG.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(IMG / f"{name}.png"))
    labels = [e.text.strip() for e in driver.find_elements(By.CSS_SELECTOR, '[data-testid="stMetricLabel"]')]
    values = [e.text.strip() for e in driver.find_elements(By.CSS_SELECTOR, '[data-testid="stMetricValue"]')]
    assert len(labels) == len(values) and labels
    return dict(zip(labels, values))


def n(value: str) -> float:
    return float(value.replace(",", "").replace("%", "").strip())


def test_partners_page(dashboard, browser, warehouse):
    metrics = open_page(browser, dashboard + "/", "partners")
    partners, documents, rows = sql(warehouse, """
        select count(distinct partner_id), count(distinct document_id), count(*) from marts.fct_partner_activity""")
    assert partners > 0
    assert n(metrics["Partners with activity"]) == partners
    assert n(metrics["Documents with activity"]) == documents
    assert n(metrics["Partner activities"]) == rows


def test_partner_page_shows_its_evidence(dashboard, browser, warehouse):
    from selenium.webdriver.common.by import By

    partner_id, name, documents = sql(warehouse, """
        select a.partner_id, p.partner_name, count(distinct a.document_id) as d
        from marts.fct_partner_activity a join marts.dim_partner p using (partner_id)
        group by all order by d desc, p.partner_name limit 1""")
    metrics = open_page(browser, f"{dashboard}/partner?partner={partner_id}", "partner")
    assert browser.find_element(By.TAG_NAME, "h1").text.strip() == name
    assert n(metrics["Documents"]) == documents
    mentions, volumes = sql(warehouse, """
        select (select count(*) from marts.fct_partner_mention where partner_id = $1),
               (select count(*) from marts.fct_export_volume where partner_id = $1)""", [partner_id])
    assert n(metrics["Mentions"]) == mentions
    assert n(metrics["Export volumes naming it"]) == volumes
    evidence = sql(warehouse, """
        select evidence_text from marts.fct_partner_activity a join marts.dim_document d using (document_id)
        where partner_id = ? order by d.published_date desc nulls last, d.source_file, a.activity_type limit 1""",
                   [partner_id])[0]
    quotes = " ".join(q.text for q in browser.find_elements(By.TAG_NAME, "blockquote"))
    assert evidence.split()[0] in quotes and len(quotes) > 100


def test_exports_page(dashboard, browser, warehouse):
    metrics = open_page(browser, dashboard + "/exports", "exports")
    volumes, tonnes, routed, bypass = sql(warehouse, """
        select count(*), sum(volume_tonnes), count(route_id),
               100 * sum(volume_tonnes) filter (where r.bypasses_russia) / sum(volume_tonnes) filter (where route_id is not null)
        from marts.fct_export_volume left join marts.dim_route r using (route_id)""")
    assert volumes > 0 and routed > 0
    assert n(metrics["Export volumes"]) == volumes
    assert n(metrics["Stated tonnage (Mt)"]) == round(tonnes / 1e6, 2)
    assert n(metrics["Volumes with a route"]) == routed
    assert n(metrics["Share bypassing Russia"]) == round(bypass, 1)


def test_claims_page(dashboard, browser, warehouse):
    from selenium.webdriver.common.by import By

    metrics = open_page(browser, dashboard + "/claims", "claims")
    claims, confirmed, most, figures = sql(warehouse, """
        select count(*), count(*) filter (where n_documents >= 2), max(n_documents), sum(n_figures)
        from marts.fct_export_claim""")
    assert claims > 0
    assert n(metrics["Claims"]) == claims
    assert n(metrics["Stated by 2+ documents"]) == confirmed
    assert n(metrics["Most documents on one claim"]) == most
    assert n(metrics["Volumes matched"]) == figures == sql(warehouse, "select count(*) from marts.fct_export_volume")[0]
    if not (SHARED / "corpus" / "dev" / "pl_01_btc-tranzyt.txt").exists():
        return  # the Polish original of the restated figure is in ../shared's dev corpus
    # the BTC figure stated in Polish, English and Russian is one claim, shown first with its sources
    assert sql(warehouse, """
        select n_documents, languages, first_published_date, last_published_date from marts.fct_export_claim
        where commodity_id = 'crude_oil' and route_id = 'btc' and volume_tonnes = 3200000""") == \
        (3, ["en", "pl", "ru"], date(2025, 12, 3), date(2025, 12, 4))
    assert most == 3 and confirmed >= 1
    chosen = browser.find_element(By.CSS_SELECTOR, '[data-testid="stSelectbox"] input').get_attribute("value")
    assert chosen == "crude_oil · Baku–Tbilisi–Ceyhan pipeline · no period · level · 3.200 Mt · 3 documents", chosen
    assert len(browser.find_elements(By.CSS_SELECTOR, '[data-testid="stDataFrame"]')) == 2  # claims, sources


def test_quality_page(dashboard, browser, warehouse):
    from selenium.webdriver.common.by import By

    metrics = open_page(browser, dashboard + "/quality", "quality")
    documents, ok, not_ok, dated = sql(warehouse, """
        select count(*), count(*) filter (where status = 'ok'), count(*) filter (where status <> 'ok'),
               count(*) filter (where published_date is not null) from marts.dim_document""")
    assert not_ok == 3 and dated == 2   # the two restatements' datelines
    assert n(metrics["Documents"]) == documents
    assert n(metrics["OK"]) == ok
    assert n(metrics["Not OK"]) == not_ok
    assert n(metrics["With a publication date"]) == dated
    assert browser.find_elements(By.CSS_SELECTOR, '[data-testid="stDataFrame"]')  # the files not read


def test_missing_copy_says_what_to_do(tmp_path):
    """Without a published copy the app stops with a message naming `make run`, not a traceback."""
    from streamlit.testing.v1 import AppTest

    os.environ["BI_WAREHOUSE_PATH"] = str(tmp_path / "none_bi.duckdb")
    try:
        app = AppTest.from_file(str(REPO / "dashboard" / "app.py"), default_timeout=60).run()
    finally:
        del os.environ["BI_WAREHOUSE_PATH"]
    assert not app.exception
    assert app.error and "make run" in app.error[0].value


def test_partner_page_shows_the_events_of_the_partner(warehouse):
    """The partner page lists the partner's events from marts.fct_activity_event: type, sector,
    planned, and the act's words in bold inside its sentence."""
    from streamlit.testing.v1 import AppTest

    with duckdb.connect(str(warehouse), read_only=True) as con:
        pid, n = con.execute("select partner_id, count(*) from marts.fct_activity_event group by 1 "
                             "order by 2 desc, 1 limit 1").fetchone()
        with_sector = con.execute("select count(*) from marts.fct_activity_event where partner_id = ? "
                                  "and sector is not null", [pid]).fetchone()[0]
    script = f"import sys\nsys.path.insert(0, {str(REPO)!r})\nfrom dashboard.views import partner\npartner.render()\n"
    os.environ["BI_WAREHOUSE_PATH"] = str(warehouse)
    try:
        app = AppTest.from_string(script, default_timeout=60)
        app.query_params["partner"] = pid
        app.run()
    finally:
        del os.environ["BI_WAREHOUSE_PATH"]
    assert not app.exception
    lines = [m.value for m in app.markdown if m.value.startswith("`")]
    assert len(lines) == min(n, partner_view_limit())
    assert with_sector == 0 or any(x.split("\n")[0].count(" · ") >= 3 for x in lines)  # `type` · sector · file · date
    assert all("**" in x for x in lines)  # the act's words in bold
    assert not any("nan" in x.split("\n")[0] for x in lines)


def partner_view_limit() -> int:
    from dashboard.views import partner
    return partner._SHOWN
