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
