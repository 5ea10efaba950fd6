"""In-memory fakes of the reflections service's skills catalog replica and assessments repository (their real
interfaces: adapters/catalog_replica.py, adapters/assessment_repository.py) for the fake unit of work."""
from __future__ import annotations

import datetime as dt

from reflections.domain.assessment import Assessment, Criterion, Instrument, Level, Rubric, Scale
from reflections.domain.growth import Labels, Point, TaggedCount


class FakeCatalog:
    def __init__(self) -> None:
        self.skills: dict[str, dict] = {}
        self.scales: dict[str, Scale] = {}
        self.rubrics: dict[str, dict] = {}
        self.years: dict[str, tuple[str, str]] = {}
        self.details: dict[str, dict] = {}             # artifact -> {school_year_id, skill_ids, student_id}

    def put_skill(self, skill_id: str, name: str, colour: str, scale_id: str, retired: bool) -> None:
        self.skills[skill_id] = {"name": name, "colour": colour, "scale_id": scale_id, "retired": retired,
                                 "deleted": False}

    def delete_skill(self, skill_id: str) -> None:
        if skill_id in self.skills:
            self.skills[skill_id]["deleted"] = True

    def put_scale(self, scale_id: str, name: str, levels: list[Level]) -> None:
        self.scales[scale_id] = Scale(scale_id, name, list(levels))

    def put_rubric(self, rubric_id: str, skill_id: str, scale_id: str, name: str, criteria: list[Criterion]) -> None:
        self.rubrics[rubric_id] = {"skill_id": skill_id, "scale_id": scale_id, "name": name, "criteria": criteria}

    def put_school_year(self, school_year_id: str, title: str, start_date: str, end_date: str) -> None:
        self.years[school_year_id] = (title, start_date)

    def set_artifact_details(self, artifact_id: str, student_id: str, school_year_id: str,
                             skill_ids: list[str]) -> None:
        self.details[artifact_id] = {"student_id": student_id, "school_year_id": school_year_id,
                                     "skill_ids": sorted(set(skill_ids))}

    def note_created(self, artifact_id: str, at: dt.datetime) -> None:
        pass                                            # nothing the fakes read

    def is_tagged(self, artifact_id: str, skill_id: str) -> bool:
        return skill_id in self.details.get(artifact_id, {}).get("skill_ids", [])

    def tagged_skills(self, artifact_id: str) -> list[tuple[str, str]]:
        pairs = [(s, self.skills.get(s, {}).get("name") or s)
                 for s in self.details.get(artifact_id, {}).get("skill_ids", [])]
        return sorted(pairs, key=lambda pair: (pair[1], pair[0]))

    def school_year_of(self, artifact_id: str) -> str:
        return self.details.get(artifact_id, {}).get("school_year_id", "")

    def _rubric(self, rubric_id: str) -> Rubric | None:
        row = self.rubrics[rubric_id]
        scale = self.scales.get(row["scale_id"])
        return Rubric(rubric_id, row["name"], scale, row["criteria"]) if scale else None

    def knows_rubric(self, rubric_id: str) -> bool:
        return rubric_id in self.rubrics

    def rubric(self, rubric_id: str) -> Rubric | None:
        return self._rubric(rubric_id) if rubric_id in self.rubrics else None

    def unusable_skills(self, skill_ids: list[str]) -> dict[str, str]:
        live = {s: row["retired"] for s, row in self.skills.items() if not row["deleted"]}
        return {s: "is not a skill of the district" if s not in live else "is retired"
                for s in skill_ids if live.get(s, True)}

    def instrument(self, skill_id: str) -> Instrument | None:
        skill = self.skills.get(skill_id)
        if skill is None or skill["deleted"]:
            return None
        ids = sorted((row["name"], r) for r, row in self.rubrics.items() if row["skill_id"] == skill_id)
        rubric = self._rubric(ids[0][1]) if ids else None
        scale = self.scales.get(skill["scale_id"]) if skill["scale_id"] else (rubric.scale if rubric else None)
        return Instrument(skill_id, skill["name"], scale, rubric) if scale is not None else None


class FakeAssessments:
    def __init__(self, catalog: FakeCatalog, replicas) -> None:
        self.rows: list[tuple[Assessment, int]] = []
        self._catalog, self._replicas = catalog, replicas

    def add(self, item: Assessment, max_rank: int) -> None:
        self.rows.append((item, max_rank))

    def on_artifact(self, artifact_id: str) -> list[Assessment]:
        return [a for a, _ in self.rows if a.artifact_id == artifact_id]

    def on_artifacts(self, artifact_ids: list[str]) -> dict[str, list[Assessment]]:
        return {a: self.on_artifact(a) for a in artifact_ids}

    def _live(self, artifact_id: str, student_id: str) -> bool:
        return self._replicas.owner_of(artifact_id) == student_id

    def tagged_counts(self, student_id: str) -> list[TaggedCount]:
        counts: dict[tuple[str, str], int] = {}
        for artifact_id, d in self._catalog.details.items():
            if d["student_id"] == student_id and self._live(artifact_id, student_id):
                for skill_id in d["skill_ids"]:
                    counts[(skill_id, d["school_year_id"])] = counts.get((skill_id, d["school_year_id"]), 0) + 1
        out = []
        for (skill_id, year_id), n in counts.items():
            skill, year = self._catalog.skills.get(skill_id, {}), self._catalog.years.get(year_id, ("", ""))
            out.append(TaggedCount(skill_id, skill.get("name") or skill_id, skill.get("colour", ""), year_id,
                                   year[0], year[1], n))
        return out

    def points(self, student_id: str) -> list[Point]:
        return [Point(a.skill_id, self._catalog.school_year_of(a.artifact_id), a.assessed_at, a.level_rank,
                      a.level_name, max_rank, a.artifact_id, a.assessor_role)
                for a, max_rank in sorted(self.rows, key=lambda row: (row[0].assessed_at, row[0].id))
                if a.student_id == student_id and self._live(a.artifact_id, student_id)]

    def labels(self, skill_ids: set[str], school_year_ids: set[str]) -> Labels:
        return Labels({s: (self._catalog.skills[s]["name"], self._catalog.skills[s]["colour"])
                       for s in skill_ids if s in self._catalog.skills},
                      {y: self._catalog.years[y] for y in school_year_ids if y in self._catalog.years})
