"""Kubernetes selectors find the pods they are meant for: Services, PDBs, NetworkPolicies, the PodMonitor."""
from __future__ import annotations


def _pod_labels(by_kind) -> dict[str, dict]:
    return {name: d["spec"]["template"]["metadata"]["labels"] for name, d in by_kind("Deployment").items()}


def _selects(selector: dict, labels: dict) -> bool:
    if not set(selector.get("matchLabels", {}).items()) <= set(labels.items()):
        return False
    for expression in selector.get("matchExpressions", []):
        assert expression["operator"] == "In", "teach this test the operator"
        if labels.get(expression["key"]) not in expression["values"]:
            return False
    return True


def test_deployments_select_their_own_pods(by_kind):
    for name, deployment in by_kind("Deployment").items():
        assert _selects(deployment["spec"]["selector"], _pod_labels(by_kind)[name]), name


def test_each_service_and_pdb_selects_exactly_one_deployment(by_kind):
    pods = _pod_labels(by_kind)
    for kind, selector_of in (("Service", lambda o: {"matchLabels": o["spec"]["selector"]}),
                              ("PodDisruptionBudget", lambda o: o["spec"]["selector"])):
        for name, obj in by_kind(kind).items():
            if obj["spec"].get("type") == "ExternalName":   # a DNS alias (minio-public), it selects no pods
                assert "selector" not in obj["spec"], name
                continue
            chosen = [d for d, labels in pods.items() if _selects(selector_of(obj), labels)]
            assert chosen == [name], f"{kind} {name} selects {chosen}"


def test_pod_monitor_and_network_policies_cover_every_pod(by_kind):
    pods = _pod_labels(by_kind)
    (monitor,) = by_kind("PodMonitor").values()
    assert all(_selects(monitor["spec"]["selector"], labels) for labels in pods.values())
    policies = by_kind("NetworkPolicy").values()
    unprotected = [d for d, labels in pods.items() if not any(_selects(p["spec"]["podSelector"], labels)
                                                              for p in policies)]
    assert not unprotected, f"no NetworkPolicy admits traffic to {unprotected}"
    job_pods = [j["spec"]["template"]["metadata"]["labels"] for j in by_kind("Job").values()]
    assert all(labels.get("app.kubernetes.io/part-of") == "skillfolio" for labels in job_pods)


def test_ingresses_route_to_services_that_exist(by_kind):
    services = by_kind("Service")
    for name, ingress in by_kind("Ingress").items():
        for rule in ingress["spec"]["rules"]:
            for path in rule["http"]["paths"]:
                backend = path["backend"]["service"]
                assert backend["name"] in services, f"Ingress {name} routes to unknown Service {backend['name']}"
                ports = {p.get("name") for p in services[backend["name"]]["spec"]["ports"]}
                assert backend["port"]["name"] in ports, f"Ingress {name}: no port {backend['port']['name']}"


def test_the_media_ingress_serves_the_public_s3_endpoint(by_kind):
    """Presigned URLs are signed for SKILLFOLIO_S3_PUBLIC_ENDPOINT; the media Ingress must answer for that host."""
    (config,) = [c for c in by_kind("ConfigMap").values() if "SKILLFOLIO_S3_PUBLIC_ENDPOINT" in c["data"]]
    host, port = config["data"]["SKILLFOLIO_S3_PUBLIC_ENDPOINT"].rsplit(":", 1)
    media = by_kind("Ingress")["media"]
    assert port == "443" and config["data"]["SKILLFOLIO_S3_SECURE"] == "true"
    assert [rule["host"] for rule in media["spec"]["rules"]] == [host] and media["spec"]["tls"][0]["hosts"] == [host]
    annotations = media["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/proxy-body-size"] == "0"          # uploads up to the kind limit
    assert annotations["nginx.ingress.kubernetes.io/proxy-request-buffering"] == "off"  # streamed, not spooled


def test_the_media_worker_may_reach_only_dns_database_broker_and_store(by_kind):
    """It decodes untrusted files: an exploited decoder must find no way out (no internet, no other pods)."""
    (labels,) = [labels for name, labels in _pod_labels(by_kind).items() if name == "artifacts-media"]
    egress = [p for p in by_kind("NetworkPolicy").values()
              if "Egress" in p["spec"]["policyTypes"] and _selects(p["spec"]["podSelector"], labels)]
    assert egress, "no egress NetworkPolicy selects the media worker"
    ports = set()
    for policy in egress:
        for rule in policy["spec"]["egress"]:
            assert rule.get("ports"), f"{policy['metadata']['name']}: a rule without ports allows every port"
            ports |= {port["port"] for port in rule["ports"]}
    assert ports == {53, 5432, 5671, 5672, 443, 9000}   # DNS, PostgreSQL, AMQP(S), MinIO/S3 (TLS or plain)
