"""What a verified transfer package brings to the receiving district: its artifacts with their skills mapped onto
the local ones (same CASE identifier, else the same code), and every skill that has no match kept as a label
"from <district>", never dropped. Pure: the caller gives the package's ``passport.json`` and the local skills."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class LocalSkill:
    id: str               # a CASE-imported skill keeps its CFItem identifier as its id in every district
    code: str


@dataclass(frozen=True)
class SkillMapping:
    mapped: dict[str, str]                 # the sender's skill id -> the local skill id
    unmapped: dict[str, str]               # the sender's skill id -> its label, "<name> (from <district>)"

    def local_ids(self, sender_ids: list[str]) -> list[str]:
        return list(dict.fromkeys(self.mapped[s] for s in sender_ids if s in self.mapped))

    def labels(self, sender_ids: list[str]) -> list[str]:
        return [self.unmapped[s] for s in sender_ids if s in self.unmapped]


@dataclass(frozen=True)
class ImportedArtifact:
    """One artifact of the sender's portfolio as the receiver will keep it (read-only, labelled with its origin)."""

    origin_id: str
    title: str
    description: str
    kind: str
    link_url: str
    created_at: str
    skill_ids: list[str]
    skill_labels: list[str]
    files: list[dict] = field(default_factory=list)    # versions with a file: {path, file_name, content_type, ...}
    assessments: list[dict] = field(default_factory=list)
    reflections: list[dict] = field(default_factory=list)
    school_year: str = ""              # the sender's school year it was made in, as titled there
    school_year_start: str = ""        # that year's first day (YYYY-MM-DD)


@dataclass(frozen=True)
class ImportPlan:
    district_id: str
    district_name: str
    student_sourced_id: str
    skills: SkillMapping
    artifacts: list[ImportedArtifact]

    @property
    def origin_label(self) -> str:
        return f"from {self.district_name}"


def map_skills(sender_skills: list[dict], local: list[LocalSkill], district_name: str) -> SkillMapping:
    by_id = {s.id: s.id for s in local}
    by_code = {s.code.strip().casefold(): s.id for s in local if s.code.strip()}
    mapped, unmapped = {}, {}
    for skill in sender_skills:
        found = by_id.get(skill["id"]) or by_code.get(str(skill.get("code", "")).strip().casefold())
        if found:
            mapped[skill["id"]] = found
        else:
            unmapped[skill["id"]] = f"{skill.get('name') or skill.get('code') or skill['id']} (from {district_name})"
    return SkillMapping(mapped, unmapped)


def plan(manifest: dict, passport: dict, local: list[LocalSkill]) -> ImportPlan:
    """The import plan of a verified package (``manifest`` as verified, ``passport`` its passport.json)."""
    district = manifest["district"]
    skills = map_skills(passport.get("skills", []), local, district["name"])
    years = {y.get("id"): y for y in passport.get("school_years", [])}
    artifacts = []
    for found in passport.get("artifacts", []):
        sender_skills = found.get("skill_ids", [])
        unknown = [s for s in sender_skills if s not in skills.mapped and s not in skills.unmapped]
        labels = skills.labels(sender_skills) + [f"{s} (from {district['name']})" for s in unknown]
        year = years.get(found.get("school_year_id")) or {}
        artifacts.append(ImportedArtifact(
            found["id"], found["title"], found.get("description", ""), found["kind"], found.get("link_url", ""),
            found.get("created_at", ""), skills.local_ids(sender_skills), labels,
            [v for v in found.get("versions", []) if v.get("file")], found.get("assessments", []),
            found.get("reflections", []), str(year.get("title") or ""), str(year.get("start_date") or "")))
    return ImportPlan(district["id"], district["name"], manifest["student"]["sourced_id"], skills, artifacts)
