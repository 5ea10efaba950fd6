"""The gateway's FastAPI application: middleware, routes, error mapping, and the gRPC clients' lifetime."""
from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from chassis.config import PlatformSettings
from gateway import errors
from gateway.clients.backends import Backends
from gateway.clock import Clock, ClockedSessionMiddleware, system_clock
from gateway.middleware.observability import CorrelationIdMiddleware, MetricsMiddleware
from gateway.middleware.security_headers import SecurityHeadersMiddleware
from gateway.panel import RedactPanelTokens, RedactReasons, redact_in_access_log
from gateway.routes import docs, health, media, well_known
from gateway.routes.api import artifacts as api_artifacts
from gateway.routes.api import assessments as api_assessments
from gateway.routes.api import auth as api_auth
from gateway.routes.api import calibration as api_calibration
from gateway.routes.api import capture as api_capture
from gateway.routes.api import credentials as api_credentials
from gateway.routes.api import disclosures as api_disclosures
from gateway.routes.api import discussion as api_discussion
from gateway.routes.api import goals as api_goals
from gateway.routes.api import gradebook as api_gradebook
from gateway.routes.api import growth as api_growth
from gateway.routes.api import milestones as api_milestones
from gateway.routes.api import notifications as api_notifications
from gateway.routes.api import openapi
from gateway.routes.api import passport as api_passport
from gateway.routes.api import points_of_progress as api_points_of_progress
from gateway.routes.api import privacy as api_privacy
from gateway.routes.api import prompts as api_prompts
from gateway.routes.api import reports as api_reports
from gateway.routes.api import rights as api_rights
from gateway.routes.api import roster as api_roster
from gateway.routes.api import showcases as api_showcases
from gateway.routes.api import skills as api_skills
from gateway.routes.web import auth as web_auth
from gateway.routes.web import pages as web_pages
from gateway.routes.web.showcase_link import RedactShowcaseTokens
from gateway.sessions.standing import StandingChecks
from gateway.sessions.store import open_session_store
from gateway.sessions.throttle import LoginThrottle
from gateway.settings import GatewaySettings
from gateway.web.render import STATIC_DIR

SESSION_COOKIE = "skillfolio_session"
DESCRIPTION = """Skillfolio's REST API. Get a token from `POST /api/v1/auth/token` (username and password as an
OAuth2 password-grant form), then send `Authorization: Bearer <token>`. Scripts on Skillfolio's own pages may use
the web session cookie instead; their writes must send `X-CSRF-Token` with the page's `<meta name="csrf-token">`
content. Files never pass through this API: creating a file artifact returns an `upload` target to send the bytes
to, then `.../versions/{number}/complete`. Lists are keyset-paginated: pass the
`next_page_token` of one page as `page_token` for the next; an empty token means the last page. Errors are
`{"error": {"code", "message", "problems": [{"field", "reason"}]}, "correlation_id"}`; send `X-Correlation-Id`
to trace a request through every service (it is echoed back either way)."""


def create_app(settings: GatewaySettings | None = None, platform: PlatformSettings | None = None,
               clock: Clock = system_clock) -> FastAPI:
    """The gateway app; ``clock`` (epoch seconds) is what its sessions, panel links and login throttle read."""
    settings = settings or GatewaySettings()
    platform = platform or PlatformSettings()
    settings.check()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.sessions = open_session_store(settings.session_store, platform.var_dir, settings.longest_session,
                                                settings.session_key_prefix, clock)
        # grpc.aio channels belong to the serving loop; a service refusing an account ends its sessions
        app.state.backends = Backends(settings, platform, on_account_refused=app.state.sessions.revoke_subject)
        try:
            yield
        finally:
            await app.state.backends.close()
            app.state.sessions.close()

    app = FastAPI(title="Skillfolio API", version="1.0.0", description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.settings, app.state.clock, app.state.platform = settings, clock, platform
    app.state.throttle = LoginThrottle(settings.login_rate_limit, clock)
    app.state.standing_checks = StandingChecks(settings.standing_check_seconds, clock)
    errors.install(app)
    redact_in_access_log(RedactPanelTokens, RedactShowcaseTokens, RedactReasons)
    for router in (health.router, api_auth.router, api_roster.router, api_skills.router, api_artifacts.router,
                   api_discussion.router, api_assessments.router, api_growth.router, api_goals.router,
                   api_milestones.router, api_credentials.router, well_known.router, api_points_of_progress.router,
                   api_prompts.router, api_notifications.router, api_reports.router, api_showcases.router,
                   api_calibration.router, api_gradebook.router, api_capture.router, api_rights.router,
                   api_passport.router, api_disclosures.router, api_privacy.router, web_auth.router,
                   web_pages.router):
        app.include_router(router)
    if not platform.s3_endpoint:   # the embedded default: this gateway serves the filesystem store's signed URLs
        app.state.media_store = media.media_store(platform)
        app.include_router(media.router)
    docs.install(app)   # /docs: Swagger UI from this gateway, never a CDN
    openapi.install(app, SESSION_COOKIE)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    # Added innermost first: the correlation id wraps everything, so even a failed session load is traceable; the
    # security headers go on every answer, a bug's 500 envelope included.
    app.add_middleware(ClockedSessionMiddleware, clock=clock, secret_key=settings.session_secret,
                       session_cookie=SESSION_COOKIE,
                       max_age=settings.session_idle_seconds, same_site="lax", https_only=settings.cookie_secure)
    app.add_middleware(errors.UnexpectedErrorMiddleware)
    app.add_middleware(MetricsMiddleware)
    app.add_middleware(CorrelationIdMiddleware)
    app.add_middleware(SecurityHeadersMiddleware, public_url=settings.public_url)
    return app
