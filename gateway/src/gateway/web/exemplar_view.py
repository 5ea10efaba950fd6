"""The exemplars a teacher sees beside the rubric on an artifact page: per skill of the artifact, its consented,
de-identified exemplars, lowest level first (only for a viewer who may assess: the reflections service decides)."""
from __future__ import annotations

import asyncio
import logging

from chassis.context import Principal
from chassis.errors import DomainError
from gateway.clients.backends import Backends
from skillfolio.reflections.v1 import calibration_pb2 as pb

log = logging.getLogger(__name__)


async def load(backends: Backends, viewer: Principal, panels, can) -> dict[str, list[pb.Exemplar]]:
    """{skill id: exemplars} for the artifact's assessable skills; empty when the viewer does not assess or the
    service cannot answer (the page still works)."""
    if not panels or not getattr(can, "assess", False):
        return {}
    skill_ids = [p.skill_id for p in panels if p.instrument is not None]
    try:
        found = await asyncio.gather(*(backends.calibration.list_exemplars(
            viewer, pb.ListExemplarsRequest(skill_id=s)) for s in skill_ids))
    except DomainError as error:
        log.warning("exemplars unavailable: %s", error.code)
        return {}
    return {s: list(reply.exemplars) for s, reply in zip(skill_ids, found, strict=True)}
