"""Prometheus, Grafana and alert rules refer only to metrics the code defines, and scrape every process."""
from __future__ import annotations

import json
import re

import yaml
from deploy_layout import K8S, ROOT
from prometheus_client import Counter, Gauge, Histogram

from chassis import metrics as chassis_metrics
from gateway.middleware import observability as gateway_metrics

DASHBOARDS = sorted((ROOT / "deploy/grafana/dashboards").glob("*.json"))
OUR_METRIC = re.compile(r"\bskillfolio_[a-z0-9_]+")


def _exposed_names() -> set[str]:
    """Sample names Prometheus sees for the metric objects the chassis and gateway define."""
    names = set()
    for module in (chassis_metrics, gateway_metrics):
        for value in vars(module).values():
            if isinstance(value, Counter):
                names.add(f"{value._name}_total")
            elif isinstance(value, Histogram):
                names |= {f"{value._name}_{suffix}" for suffix in ("bucket", "sum", "count")}
            elif isinstance(value, Gauge):
                names.add(value._name)
    return names


def _dashboard_exprs() -> list[str]:
    exprs = []
    for path in DASHBOARDS:
        for panel in json.loads(path.read_text())["panels"]:
            exprs += [target["expr"] for target in panel.get("targets", [])]
    return exprs


def test_dashboard_shows_what_operators_need():
    exprs = " ".join(_dashboard_exprs())
    for needed in ("skillfolio_rpc_requests_total", "skillfolio_rpc_latency_seconds_bucket",
                   "skillfolio_events_published_total", "skillfolio_events_consumed_total",
                   "skillfolio_events_failed_total", "skillfolio_outbox_lag_seconds", ".dlq"):
        assert needed in exprs, f"dashboard lacks {needed}"
    assert "histogram_quantile(0.95" in exprs


def test_dashboards_and_alerts_use_only_defined_metrics():
    rules = (K8S / "monitoring/rules.yaml").read_text()
    used = set(OUR_METRIC.findall(" ".join(_dashboard_exprs()) + rules))
    assert used and not used - _exposed_names(), f"unknown metrics: {sorted(used - _exposed_names())}"


def test_dashboards_use_the_provisioned_datasource():
    provisioned = yaml.safe_load((ROOT / "deploy/grafana/provisioning/datasources/prometheus.yml").read_text())
    uids = {source["uid"] for source in provisioned["datasources"]}
    for path in DASHBOARDS:
        for panel in json.loads(path.read_text())["panels"]:
            if panel["type"] != "row":
                assert panel["datasource"]["uid"] in uids, (path.name, panel["title"])


def test_prometheus_scrapes_every_process(compose, app_roles):
    config = yaml.safe_load((ROOT / "deploy/prometheus/prometheus.yml").read_text())
    targets = {target.split(":")[0] for job in config["scrape_configs"] for static in job.get("static_configs", [])
               for target in static["targets"]}
    assert {name for name, _ in app_roles} <= targets
    for job in config["scrape_configs"]:
        for static in job.get("static_configs", []):
            assert "service" not in static.get("labels", {}), "a `service` target label clobbers the metrics' own"
