"""The services the gateway fronts, as typed facades; every call carries a signed principal and correlation id.

The chassis channel's interceptor adds both: it signs ``chassis.context.principal_var`` (set per call by
gateway.clients.service) with SKILLFOLIO_PRINCIPAL_PRIVATE_KEY and reads the correlation id the HTTP middleware put in
its contextvar. Routes get :class:`Backends` as a FastAPI dependency (:data:`BackendsDep`) and call its facades
(``await backends.artifacts.list_portfolio(principal, request)``), never an RPC by name.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request

from chassis.config import PlatformSettings
from chassis.grpc.client import aio_channel, signing_token_source
from gateway.clients.amendments import AmendmentsClient
from gateway.clients.artifacts import ArtifactsClient
from gateway.clients.calibration import CalibrationClient
from gateway.clients.capture import CaptureClient
from gateway.clients.credentials import CredentialsClient
from gateway.clients.disclosures import DisclosuresClient
from gateway.clients.gradebook import EvidenceCountsClient, LatestLevelsClient, TermsClient
from gateway.clients.history import ImportedHistoryClient
from gateway.clients.notifications import NotificationsClient
from gateway.clients.passport import PassportArtifactsClient, PassportPersonClient, PassportRecordsClient
from gateway.clients.points_of_progress import PointsOfProgressClient
from gateway.clients.privacy import PrivacyClient
from gateway.clients.progress import AssessmentsClient, GoalsClient, MilestonesClient
from gateway.clients.reflections import ReflectionsClient
from gateway.clients.reporting import ReportingClient
from gateway.clients.rights import RightsClient
from gateway.clients.roster import RosterClient
from gateway.clients.service import ServiceClient
from gateway.clients.showcases import ShowcasesClient
from gateway.clients.skills import SkillsClient
from gateway.clients.skills_catalogue import EffectiveSkills
from gateway.settings import GatewaySettings


class Backends:
    """Every downstream service facade the gateway holds; built inside the event loop, closed at shutdown."""

    def __init__(self, settings: GatewaySettings, platform: PlatformSettings,
                 on_account_refused: Callable[[str], None] | None = None) -> None:
        tokens = signing_token_source(platform)

        def client(facade: type[ServiceClient], name: str, address: str):
            return facade(name, aio_channel(name, tokens, address=address), settings.grpc_timeout_seconds,
                          on_account_refused)

        self.roster: RosterClient = client(RosterClient, "roster", settings.roster_target)
        self.skills: SkillsClient = client(SkillsClient, "skills", settings.skills_target)
        self.effective_skills = EffectiveSkills(self.skills, settings.skills_cache_seconds)
        self.artifacts: ArtifactsClient = client(ArtifactsClient, "artifacts", settings.artifacts_target)
        self.reflections: ReflectionsClient = client(ReflectionsClient, "reflections", settings.reflections_target)
        self.notifications: NotificationsClient = client(NotificationsClient, "notifications",
                                                         settings.notifications_target)
        self.reporting: ReportingClient = client(ReportingClient, "reporting", settings.reporting_target)
        self.assessments: AssessmentsClient = self.reflections.sibling(AssessmentsClient)
        self.goals: GoalsClient = self.reflections.sibling(GoalsClient)
        self.milestones: MilestonesClient = self.reflections.sibling(MilestonesClient)
        self.showcases: ShowcasesClient = self.artifacts.sibling(ShowcasesClient)
        self.credentials: CredentialsClient = self.reflections.sibling(CredentialsClient)
        self.points_of_progress: PointsOfProgressClient = self.reflections.sibling(PointsOfProgressClient)
        self.calibration: CalibrationClient = self.reflections.sibling(CalibrationClient)
        self.evidence_counts: EvidenceCountsClient = self.artifacts.sibling(EvidenceCountsClient)
        self.latest_levels: LatestLevelsClient = self.reflections.sibling(LatestLevelsClient)
        self.terms: TermsClient = self.roster.sibling(TermsClient)
        self.capture: CaptureClient = self.artifacts.sibling(CaptureClient)
        self.rights: RightsClient = self.roster.sibling(RightsClient)
        self.passport_person: PassportPersonClient = self.roster.sibling(PassportPersonClient)
        self.passport_artifacts: PassportArtifactsClient = self.artifacts.sibling(PassportArtifactsClient)
        self.passport_records: PassportRecordsClient = self.reflections.sibling(PassportRecordsClient)
        self.imported_history: ImportedHistoryClient = self.artifacts.sibling(ImportedHistoryClient)
        self.amendments: AmendmentsClient = self.reflections.sibling(AmendmentsClient)
        # the record of disclosures: every server that keeps an audit log about students, by service name
        self.disclosures: dict[str, DisclosuresClient] = {
            server.name: server.sibling(DisclosuresClient)
            for server in (self.roster, self.artifacts, self.reflections, self.notifications)}
        self.privacy: PrivacyClient = self.roster.sibling(PrivacyClient)

    @property
    def all(self) -> list[ServiceClient]:
        """One client per server (siblings share their server's channel)."""
        return [self.roster, self.skills, self.artifacts, self.reflections, self.notifications, self.reporting]

    async def close(self) -> None:
        for client in self.all:
            await client.channel.close()


def backends(request: Request) -> Backends:
    """The app's backends (opened by its lifespan)."""
    return request.app.state.backends


async def _backends_dependency(request: Request) -> Backends:
    """FastAPI dependency: :func:`backends`, as a coroutine so that FastAPI calls it in the event loop (a plain
    ``def`` dependency costs every request a hop through the thread pool and back)."""
    return request.app.state.backends


BackendsDep = Annotated[Backends, Depends(_backends_dependency)]
