"""The reflections service's demo seed (`skillfolio seed`, `up`): what people said about the demo portfolio
(reflections.demo.discussion), once, through the service's own use cases: guided prompts, the student's reflections
(one edited), teachers' feedback, a three-way comment thread, assessments beside self-assessments, a closed goal
with evidence, a completed Defense of Learning scored by a two-guest panel and a consented exemplar
(reflections.demo.exemplar).

It runs before any process starts, so the reflections replicas are primed with the events the earlier seeds hand
over (the cast's roster facts and school years, the skills catalog, the student's artifacts), applied with the
events worker's own code and consumer names: RabbitMQ's later deliveries of the same events change nothing. Each
item happens "on its day" (the app's clock), after the artifact it is about and while its teacher taught the
student.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from chassis.access import Viewer
from chassis.config import service_settings
from chassis.demo_seed import CURRENT, FORMER_TEACHER, STUDENT, TEACHER, Cast, SeedClock
from chassis.descriptor import SeedContext
from chassis.events import Envelope
from chassis.messaging.subscriptions import feed_before_workers
from reflections.adapters.orm import reflections as reflections_table
from reflections.bootstrap import ReflectionsApp, build
from reflections.demo import discussion as say
from reflections.demo.exemplar import seed_exemplar
from reflections.domain.milestones import Score
from reflections.service_layer.seed_progress import seed_point_of_progress
from reflections.service_layer.subscriptions import SUBSCRIPTIONS

SEED_ADMIN = Viewer.of("service:skillfolio-seed", ["district_admin"])
# Every artifact the discussion is about (by title): the artifacts seed must have added them all.
TITLES = {*(i.artifact for group in (say.REFLECTIONS, say.FEEDBACK, say.COMMENTS, say.ASSESSMENTS) for i in group),
          *say.GOAL_EVIDENCE, *say.DEFENSE_EVIDENCE}


def prime(app: ReflectionsApp, events: list[Envelope]) -> int:
    """Apply the events to the reflections replicas as the events worker would; how many were new."""
    return feed_before_workers(app.unit_of_work, SUBSCRIPTIONS, events, "reflections")


def _guardian(events: list[Envelope], student_id: str) -> str:
    return next((e.data["guardian_id"] for e in events if e.type == "guardianship_added"
                 and e.data.get("student_id") == student_id), "")


def _replica_knows(app: ReflectionsApp, student_id: str, artifact_ids: list[str]) -> bool:
    """Whether every demo artifact is the student's in the replica (it may not be, when the other services'
    outboxes were purged before their events reached this replica): checked first, so nothing is half seeded."""
    with app.unit_of_work() as uow:
        return all(uow.replicas.owner_of(artifact_id) == student_id for artifact_id in artifact_ids)


def _has_reflections(app: ReflectionsApp, student_id: str) -> bool:
    with app.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(reflections_table)
                            .where(reflections_table.c.student_id == student_id)).scalar_one() > 0


class _Seeder:
    """The use-case calls, each at its moment."""

    def __init__(self, app: ReflectionsApp, clock: SeedClock, cast: Cast, guardian_id: str,
                 artifacts: dict[str, dict], skill_ids: dict[str, str]) -> None:
        self.app, self.clock, self.cast = app, clock, cast
        self.artifacts, self.skill_ids = artifacts, skill_ids
        self.ids = {title: facts["id"] for title, facts in artifacts.items()}
        self.people = {STUDENT: Viewer.of(cast.student_id, ["student"]),
                       TEACHER: Viewer.of(cast.teacher_id, ["teacher"]),
                       FORMER_TEACHER: Viewer.of(cast.former_teacher_id, ["teacher"]),
                       say.GUARDIAN: Viewer.of(guardian_id, ["guardian"])}
        self.now = clock.moment

    def at(self, title: str, days_after: int) -> None:
        """Set the clock ``days_after`` the artifact was added, never after now (nor out of a former year)."""
        added = self.artifacts[title]["added_at"]
        latest = dt.datetime.combine(self.cast.previous.end, added.timetz()) \
            if self.artifacts[title]["year"] != CURRENT else self.now
        self.clock.moment = min(added + dt.timedelta(days=days_after, minutes=5), latest, self.now)

    def discussion(self, prompts: dict[str, str]) -> None:
        commands = self.app.commands
        for item in say.REFLECTIONS:
            self.at(item.artifact, 1)
            added = commands.add_reflection(self.people[STUDENT], self.ids[item.artifact], item.revisions[0],
                                            prompts.get(item.prompt, ""))
            for number, text in enumerate(item.revisions[1:], start=2):
                self.at(item.artifact, number)
                commands.edit_reflection(self.people[STUDENT], added.id, text)
        for item in say.FEEDBACK:
            self.at(item.artifact, 2)
            commands.give_feedback(self.people[item.by], self.ids[item.artifact], item.can_do, item.next_steps)
        for number, item in enumerate(say.COMMENTS):
            self.at(item.artifact, 1 + number)
            commands.add_comment(self.people[item.by], self.ids[item.artifact], item.body)

    def assessments(self) -> None:
        for item in say.ASSESSMENTS:
            self.at(item.artifact, 3)
            record = self.app.assessments.self_assess if item.by == STUDENT else self.app.assessments.assess
            record(self.people[item.by], self.ids[item.artifact], self.skill_ids[item.skill], item.level,
                   item.comment, [])

    def goal_and_defense(self, rubric_id: str, grade_level: str) -> None:
        student, teacher = self.people[STUDENT], self.people[TEACHER]
        self.clock.moment = dt.datetime.combine(self.cast.current.start + dt.timedelta(days=7), self.now.timetz())
        goal = self.app.goals.set_goal(student, self.cast.student_id, say.GOAL_TITLE,
                                       [self.skill_ids[code] for code in say.GOAL_SKILLS], say.GOAL_CRITERIA)
        self.clock.moment = self.now - dt.timedelta(days=2, hours=1)
        self.app.goals.link_evidence(student, goal.id, [self.ids[title] for title in say.GOAL_EVIDENCE])
        kind, _ = self.app.milestones.define_type(SEED_ADMIN, say.DEFENSE_TYPE_CODE, say.DEFENSE_TYPE_NAME,
                                                  rubric_id, sorted({*say.DEFENSE_GRADES, grade_level} - {""}))
        defense = self.app.milestones.create(teacher, self.cast.student_id, kind.id, say.DEFENSE_TITLE,
                                             (self.now.date() - dt.timedelta(days=1)).isoformat())
        self.app.milestones.select_evidence(student, defense.milestone.id,
                                            [self.ids[title] for title in say.DEFENSE_EVIDENCE])
        self.clock.moment = self.now - dt.timedelta(days=2)
        seats = [self.app.milestones.invite(teacher, defense.milestone.id, name, email, kind_of, valid_days=7)[0]
                 for name, email, kind_of in say.DEFENSE_PANEL]
        self.clock.moment = self.now - dt.timedelta(days=1)
        for seat, sheet in zip(seats, say.DEFENSE_SCORES):
            guest = Viewer.of(f"guest:{seat.id}", ["panel_guest"])
            self.app.panel.score(guest, defense.milestone.id,
                                 [Score(code, rank) for code, rank in sheet.items()], say.DEFENSE_PANEL_COMMENT)
        self.defense_badge(kind.id)
        self.app.milestones.record_outcome(teacher, defense.milestone.id, say.DEFENSE_OUTCOME)
        self.clock.moment = self.now - dt.timedelta(hours=20)
        self.app.goals.close_goal(student, goal.id, "achieved", say.GOAL_CLOSING)


    def defense_badge(self, type_id: str) -> None:
        """The district's badge for its Defense of Learning (issued when the outcome is recorded), if this process
        has the district signing key (`skillfolio up` generates one; a production seed may run without it)."""
        if not self.app.district.can_sign():
            return
        self.app.credentials.define_badge(SEED_ADMIN, "milestone", say.DEFENSE_BADGE_NAME,
                                          say.DEFENSE_BADGE_DESCRIPTION, say.DEFENSE_BADGE_CRITERIA,
                                          milestone_type_id=type_id, min_outcome="READY")


def seed_discussion(cast: Cast, events: list[Envelope], artifacts: dict[str, dict], skill_ids: dict[str, str],
                    rubric_id: str) -> bool:
    """Seed it all once; False when already seeded (or when the replicas do not know the portfolio yet)."""
    clock = SeedClock()
    app = build(service_settings("reflections"), clock=clock)
    try:
        if _has_reflections(app, cast.student_id):
            return False
        prime(app, events)
        guardian_id = _guardian(events, cast.student_id)
        if not guardian_id or not TITLES <= set(artifacts) or \
                not _replica_knows(app, cast.student_id, [facts["id"] for facts in artifacts.values()]):
            return False
        with app.unit_of_work() as uow:
            person = uow.replicas.person(cast.student_id)
        seeder = _Seeder(app, clock, cast, guardian_id, artifacts, skill_ids)
        prompts = {text: app.commands.define_prompt(SEED_ADMIN, text).id for text in say.DEMO_PROMPTS}
        seeder.discussion(prompts)
        seeder.assessments()
        seeder.goal_and_defense(rubric_id, person.grade_level if person else "")
        seeder.clock.moment = seeder.now
        seed_exemplar(app, clock, seeder.people[TEACHER], seeder.people[say.GUARDIAN], artifacts, skill_ids)
        return True
    finally:
        app.close()


def seed_demo(context: SeedContext) -> dict:
    """The seed use case the reflections descriptor names, from what the roster, skills and artifacts seeds
    returned (their events applied to the replicas first)."""
    roster, skills, artifacts = (context.results.get(name, {}) for name in ("roster", "skills", "artifacts"))
    if roster.get("cast") is None or "artifacts" not in artifacts:
        return {}
    events = [*context.events("roster"), *context.events("skills"), *context.events("artifacts")]
    messages = []
    if seed_discussion(roster["cast"], events, artifacts["artifacts"], skills.get("skill_ids", {}),
                       skills.get("rubric_id", "")):
        messages += ["seeded reflections, feedback, comments, assessments, a goal and a completed Defense of "
                     "Learning (with its Open Badge when the district signing key is set)",
                     "seeded a consented exemplar beside the communicator rubric"]
    if seed_point_of_progress(roster["cast"], artifacts["artifacts"], skills.get("skill_ids", {})):
        messages.append("seeded the terms' due dates and a completed point of progress")
    return {"messages": messages} if messages else {}
