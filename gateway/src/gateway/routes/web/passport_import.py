"""The privacy officer's import of another district's transfer package on the web (issue 13 §2): the /privacy page's
form posts the package with the local student's sourcedId and the records request's reason; the result page says
what was attached. A refused package (tampered, truncated, untrusted, too large) or an unknown student shows the
form again with the reason, and nothing was written. The REST API's ``POST /api/v1/passport/imports`` is the same."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile

from chassis.errors import InvalidArgument, NotFound
from chassis.records_request import MAX_REASON
from chassis.transfer_verify import TransferRefused
from gateway.clients.backends import BackendsDep
from gateway.i18n import N_, gettext, use_request_language
from gateway.routes.web.common import Viewer
from gateway.routes.web.erasure import OFFICER, records_requests
from gateway.sessions.csrf import verify_csrf
from gateway.usecases.passport_import import find_student, import_package
from gateway.web.render import render

router = APIRouter(include_in_schema=False)
TOO_LARGE = N_("The package is larger than this district accepts (%(mib)s MiB).")


@router.post("/privacy/imports", dependencies=[Depends(verify_csrf), OFFICER])
async def import_page(request: Request, backends: BackendsDep, viewer: Viewer,
                      package: Annotated[UploadFile, File()],
                      student: Annotated[str, Form(max_length=255)] = "",
                      reason: Annotated[str, Form(max_length=MAX_REASON)] = ""):
    state, form = request.app.state, {"student": student, "reason": reason}

    async def refused(control: str, message: str):
        return await records_requests(request, backends, viewer, 422, import_errors={control: message},
                                      import_form=form)
    if (package.size or 0) > state.settings.transfer_max_mb << 20:
        use_request_language(request)
        return await refused("package", gettext(TOO_LARGE) % {"mib": state.settings.transfer_max_mb})
    try:
        found = await find_student(backends, viewer, student.strip(), reason)
        report = await import_package(backends, viewer, found, package.file, reason, state.platform.trusted_districts,
                                      getattr(state, "media_store", None))
    except TransferRefused as error:
        return await refused("package", str(error))
    except (InvalidArgument, NotFound) as error:
        control = "import_reason" if any(p.field == "reason" for p in error.problems) else "import_student"
        return await refused(control, str(error))
    return render(request, "passport_import.html", report=report)
