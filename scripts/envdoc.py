"""Prints the Markdown table of every environment variable, generated from the settings classes (README's source)."""
from __future__ import annotations

import pathlib
import sys

from notifications.config import NotificationsOptions
from pydantic_settings import BaseSettings

from artifacts.config import ArtifactsOptions
from chassis.config import DEFAULT_PORTS, PlatformSettings, ServiceSettings
from gateway.settings import GatewaySettings
from reflections.config import ReflectionsOptions
from reporting.config import ReportingOptions
from roster.config import RosterOptions
from roster.erasure_config import ErasureOptions
from skills.config import SkillsOptions

SERVICES = ["roster", "skills", "artifacts", "reflections", "notifications", "reporting"]


def _default(settings_cls: type[BaseSettings], name: str, service: str | None) -> str:
    field = settings_cls.model_fields[name]
    if service and name in ("grpc_port", "metrics_port", "events_metrics_port"):
        ports = dict(zip(("grpc_port", "metrics_port", "events_metrics_port"), DEFAULT_PORTS[service]))
        return str(ports[name])
    if service and name == "database_url":
        return f"`sqlite:///$SKILLFOLIO_VAR_DIR/{service}.db`"
    if field.default_factory is not None:
        return "(derived)"
    value = field.default
    return f"`{value}`" if value not in ("", None) and str(value) else "(empty)"


def rows() -> list[tuple[str, str, str]]:
    """(variable, default, meaning) for every setting of every process."""
    out = []
    for name, field in PlatformSettings.model_fields.items():
        out.append((f"SKILLFOLIO_{name.upper()}", _default(PlatformSettings, name, None), field.description or ""))
    for service in SERVICES:
        for name, field in ServiceSettings.model_fields.items():
            if name == "name":
                continue
            out.append((f"{service.upper()}_{name.upper()}", _default(ServiceSettings, name, service),
                        field.description or ""))
    for name, field in RosterOptions.model_fields.items():
        out.append((f"ROSTER_{name.upper()}", _default(RosterOptions, name, None), field.description or ""))
    for name, field in ErasureOptions.model_fields.items():
        out.append((f"ROSTER_ERASURE_{name.upper()}", _default(ErasureOptions, name, None), field.description or ""))
    for name, field in SkillsOptions.model_fields.items():
        out.append((f"SKILLS_{name.upper()}", _default(SkillsOptions, name, None), field.description or ""))
    for name, field in ArtifactsOptions.model_fields.items():
        out.append((f"ARTIFACTS_{name.upper()}", _default(ArtifactsOptions, name, None), field.description or ""))
    for name, field in ReflectionsOptions.model_fields.items():
        out.append((f"REFLECTIONS_{name.upper()}", _default(ReflectionsOptions, name, None), field.description or ""))
    for name, field in NotificationsOptions.model_fields.items():
        out.append((f"NOTIFICATIONS_{name.upper()}", _default(NotificationsOptions, name, None),
                    field.description or ""))
    for name, field in ReportingOptions.model_fields.items():
        out.append((f"REPORTING_{name.upper()}", _default(ReportingOptions, name, None), field.description or ""))
    for name, field in GatewaySettings.model_fields.items():
        out.append((f"GATEWAY_{name.upper()}", _default(GatewaySettings, name, None), field.description or ""))
    return out


def markdown() -> str:
    lines = ["| variable | default | meaning |", "| --- | --- | --- |"]
    lines += [f"| `{var}` | {default} | {meaning} |" for var, default, meaning in rows()]
    return "\n".join(lines)


README = pathlib.Path(__file__).resolve().parent.parent / "README.md"
BEGIN, END = "<!-- envdoc:begin -->", "<!-- envdoc:end -->"


def readme_table(text: str) -> str:
    """The generated block of README.md as it stands."""
    return text[text.index(BEGIN) + len(BEGIN):text.index(END)].strip()


def write_readme() -> None:
    text = README.read_text()
    README.write_text(text.replace(readme_table(text), markdown(), 1) if readme_table(text)
                      else text.replace(BEGIN, f"{BEGIN}\n{markdown()}", 1))


if __name__ == "__main__":
    if "--write-readme" in sys.argv:
        write_readme()
    else:
        print(markdown())
