"""One image per service: every compose service and Kubernetes container runs the image of the service it runs
(`skillfolio-<service>`; the deploy steps the operator image `skillfolio-cli`), and deploy/Dockerfile builds each
from only its package. No Docker engine here: the files are read as text and YAML."""
from __future__ import annotations

import re

from deploy_layout import ROOT

from skillfolio_cli.services import SERVICES


def _image_of(words: list[str]) -> str:
    """The image a CLI command runs in: its service's (`run roster api` -> skillfolio-roster), the operator one else."""
    return f"skillfolio-{words[1]}" if words[0] == "run" else "skillfolio-cli"


def test_each_process_runs_in_its_own_service_image(by_kind, compose, app_roles):
    k8s_images = {}
    for obj in [*by_kind("Deployment").values(), *by_kind("Job").values()]:
        pod = obj["spec"]["template"]["spec"]
        for container in pod.get("initContainers", []) + pod["containers"]:
            repository, _, tag = container["image"].rpartition(":")
            assert re.fullmatch(r"\d+\.\d+\.\d+", tag), f"pin a release tag, not {container['image']!r}"
            k8s_images[container["name"]] = (repository, container["args"])
    for name, (repository, args) in k8s_images.items():
        assert repository == f"ghcr.io/skillfolio/{_image_of(args)}", name
    for name, words in app_roles:
        service = compose["services"][name]
        assert service["image"] == f"{_image_of(words)}:${{SKILLFOLIO_TAG:-dev}}", name
        assert service["build"] == {"context": ".", "dockerfile": "deploy/Dockerfile",
                                    "args": {"SERVICE": _image_of(words).removeprefix("skillfolio-")}}, name
    assert compose["services"]["migrate"]["image"] == "skillfolio-cli:${SKILLFOLIO_TAG:-dev}"
    assert compose["services"]["migrate"]["build"]["args"] == {"SERVICE": "cli"}
    for name, service in compose["services"].items():
        if not service.get("build"):
            assert re.search(r":[\w.-]+$", service["image"]) and not service["image"].endswith(":latest"), name


def test_the_dockerfile_builds_each_service_image_from_only_its_package():
    """No Docker engine here: the build argument selects `uv sync --package skillfolio-<SERVICE>` (plus the CLI's
    core, the entrypoint) for every service, and every image of the manifests is one it can build."""
    dockerfile = (ROOT / "deploy/Dockerfile").read_text()
    case = re.search(r'case "\$\{SERVICE\}" in(.*?)esac', dockerfile, re.S).group(1)
    services_line = re.search(r"^\s*([\w|]+)\) echo \"--package skillfolio-\$\{SERVICE\} --package skillfolio-cli\"",
                              case, re.M)
    assert set(services_line.group(1).split("|")) == {*SERVICES, "gateway"}
    assert re.search(r'^\s*cli\) echo "--package skillfolio-cli --extra platform"', case, re.M)
    assert dockerfile.count("$(cat /packages)") == 2, "both uv sync steps install only the selected packages"
    assert "--all-packages" not in dockerfile
