"""A sensor that starts a build when files in SOURCE_DIR are added, changed or removed."""

import hashlib
import json

import dagster as dg

from warehouse.config import settings

from .assets.raw import FULL_RANGE_TAGS
from warehouse.sync import scan


def folder_fingerprint() -> str:
    """Hash of every file's path, size and mtime: cheap, and changes with any edit."""
    listing = scan(settings().source_dir)
    return hashlib.sha256(json.dumps(listing, sort_keys=True).encode()).hexdigest()[:20]


def make_sensor(job) -> dg.SensorDefinition:
    @dg.sensor(job=job, minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.RUNNING,
               name="source_files_sensor")
    def source_files_sensor(context: dg.SensorEvaluationContext):
        fp = folder_fingerprint()
        if fp == context.cursor:
            return dg.SkipReason("SOURCE_DIR unchanged")
        context.update_cursor(fp)
        return dg.RunRequest(run_key=fp, tags={"trigger": "source_files_sensor", **FULL_RANGE_TAGS})

    return source_files_sensor
