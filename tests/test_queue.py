"""The Celery settings of each deployment."""

from __future__ import annotations

from pathlib import Path

from factcheck.config import load_settings
from factcheck.queue import celery_config


def test_embedded_broker_keeps_every_folder_in_the_data_directory(tmp_path):
    settings = load_settings({"DATA_DIR": str(tmp_path / "data"), "STORE_URL": "",
                              "BROKER_URL": ""}, environ={})
    options = celery_config(settings)["broker_transport_options"]
    folders = [Path(options[k]) for k in ("data_folder_in", "processed_folder", "control_folder")]
    assert all(f.is_dir() and f.is_relative_to(tmp_path / "data") for f in folders)


def test_redis_broker_redelivers_only_after_the_hard_time_limit():
    settings = load_settings({"STORE_URL": "redis://127.0.0.1:6379/13", "BROKER_URL": "",
                              "JOB_TIMEOUT": 120}, environ={})
    config = celery_config(settings)
    assert config["task_acks_late"] and config["task_reject_on_worker_lost"]
    assert config["broker_transport_options"]["visibility_timeout"] > config["task_time_limit"]
