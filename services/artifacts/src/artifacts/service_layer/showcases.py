"""Showcase use cases: create, update (every field, the ordered selection included), delete, read one, and list a
student's. Only the student's own live artifacts can be selected; every read and change by anyone but the student
is audited in the same transaction."""
from __future__ import annotations

from artifacts.domain import showcases as rules
from artifacts.domain.access import Viewer
from artifacts.domain.showcases import Showcase, ShowcaseAction, ShowcaseFields
from artifacts.service_layer.media import Media
from artifacts.service_layer.showcase_standing import allowed, audit, found, items
from artifacts.service_layer.unit_of_work import ArtifactsUnitOfWork, UowFactory
from chassis.calendar import DistrictCalendar
from chassis.errors import FieldProblem, InvalidArgument
from chassis.ids import new_id


def _own_live(uow: ArtifactsUnitOfWork, student_id: str, fields: ShowcaseFields) -> None:
    """A 422 naming every selected artifact that is not a live artifact of the student."""
    own = uow.showcases.own_live(student_id, list(fields.artifact_ids))
    foreign = [a for a in fields.artifact_ids if a not in own]
    if foreign:
        raise InvalidArgument("select the student's own artifacts", [
            FieldProblem("artifact_ids", f"{a!r} is not one of the student's artifacts") for a in foreign])


class ShowcaseUseCases:
    def __init__(self, uow_factory: UowFactory, calendar: DistrictCalendar, media: Media) -> None:
        self.uow_factory, self.calendar, self.media = uow_factory, calendar, media

    def create(self, viewer: Viewer, student_id: str, fields: ShowcaseFields) -> Showcase:
        if not student_id:
            raise InvalidArgument("the showcase is not valid", [FieldProblem("student_id", "required")])
        fields = rules.validate(fields)
        now = self.calendar.clock()
        with self.uow_factory() as uow:
            can = allowed(uow, self.calendar, viewer, student_id, ShowcaseAction.CURATE)
            _own_live(uow, student_id, fields)
            showcase = Showcase(new_id(now), student_id, fields, viewer.subject, now, now, can=can)
            uow.showcases.add(showcase)
            audit(uow, viewer, "CreateShowcase", showcase, {"artifact_ids": list(fields.artifact_ids)})
            showcase.items = items(uow, self.media, showcase)
            uow.keep_result(showcase)
            uow.commit()
        return showcase

    def update(self, viewer: Viewer, showcase_id: str, fields: ShowcaseFields) -> Showcase:
        fields = rules.validate(fields)
        with self.uow_factory() as uow:
            showcase = found(uow, showcase_id, for_update=True)
            can = allowed(uow, self.calendar, viewer, showcase.student_id, ShowcaseAction.CURATE, showcase.fields)
            sharing = (fields.share_with_guardians, fields.milestone_id) != (showcase.fields.share_with_guardians,
                                                                            showcase.fields.milestone_id)
            if sharing and ShowcaseAction.SHARE not in can:
                allowed(uow, self.calendar, viewer, showcase.student_id, ShowcaseAction.SHARE, showcase.fields)
            _own_live(uow, showcase.student_id, fields)
            showcase.fields, showcase.updated_at, showcase.can = fields, self.calendar.clock(), can
            uow.showcases.save(showcase)
            audit(uow, viewer, "UpdateShowcase", showcase, {"artifact_ids": list(fields.artifact_ids)})
            showcase.items = items(uow, self.media, showcase)
            showcase.links = uow.showcases.links(showcase.id)
            uow.commit()
        return showcase

    def delete(self, viewer: Viewer, showcase_id: str) -> None:
        with self.uow_factory() as uow:
            showcase = found(uow, showcase_id, for_update=True)
            allowed(uow, self.calendar, viewer, showcase.student_id, ShowcaseAction.CURATE, showcase.fields)
            uow.showcases.delete(showcase.id, self.calendar.clock())
            audit(uow, viewer, "DeleteShowcase", showcase)
            uow.commit()

    def get(self, viewer: Viewer, showcase_id: str) -> Showcase:
        with self.uow_factory() as uow:
            showcase = found(uow, showcase_id)
            showcase.can = allowed(uow, self.calendar, viewer, showcase.student_id, ShowcaseAction.VIEW,
                                   showcase.fields)
            showcase.items = items(uow, self.media, showcase)
            if ShowcaseAction.SHARE in showcase.can:
                showcase.links = uow.showcases.links(showcase.id)
            audit(uow, viewer, "GetShowcase", showcase, {"artifact_ids": list(showcase.fields.artifact_ids)})
            uow.commit()
        return showcase

    def of_student(self, viewer: Viewer, student_id: str) -> tuple[list[Showcase], bool]:
        """The student's showcases the viewer may see (items without media URLs), and whether they may create one."""
        if not student_id:
            raise InvalidArgument("not a valid query", [FieldProblem("student_id", "required")])
        with self.uow_factory() as uow:
            can_curate = ShowcaseAction.CURATE in allowed(uow, self.calendar, viewer, student_id, ShowcaseAction.VIEW,
                                                          rules.ShowcaseFields("", share_with_guardians=True))
            visible, relation = [], uow.replicas.relation(viewer.subject, student_id, self.calendar.today(),
                                                          viewer.roles)
            for showcase in uow.showcases.of_student(student_id):
                showcase.can = rules.actions(viewer, student_id, relation, showcase.fields)
                if ShowcaseAction.VIEW in showcase.can:
                    showcase.items = items(uow, self.media, showcase, with_urls=False)
                    visible.append(showcase)
            for showcase in visible:
                audit(uow, viewer, "ListShowcases", showcase)
            uow.commit()
        return visible, can_curate
