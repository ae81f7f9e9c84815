"""dbt models and seeds as assets; dbt tests surface as asset checks."""

from collections.abc import Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from ..resources import DUCKDB_POOL, dbt_project


class WarehouseTranslator(DagsterDbtTranslator):
    """Keys follow the warehouse: marts/fct_figure, staging/stg_figures, reference/partners; sources stay raw/<table>."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] in ("model", "seed", "snapshot"):
            return dg.AssetKey([dbt_resource_props["schema"], dbt_resource_props["name"]])
        return super().get_asset_key(dbt_resource_props)

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "source":
            return "raw"
        schema = dbt_resource_props.get("schema")
        return {"reference": "reference", "grammar": "reference"}.get(schema, schema)


translator = WarehouseTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))


@dbt_assets(manifest=dbt_project.manifest_path, project=dbt_project, dagster_dbt_translator=translator,
            pool=DUCKDB_POOL, name="warehouse_dbt")
def warehouse_dbt(context: dg.AssetExecutionContext, dbt: DbtCliResource):
    """`dbt build`: seeds, staging views, marts and their tests, in dependency order."""
    yield from dbt.cli(["build"], context=context).stream()
