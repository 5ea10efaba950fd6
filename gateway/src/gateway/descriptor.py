"""The gateway as the operator CLI finds it (entry point ``skillfolio.services``): one HTTP role, `run gateway`, that
signs principals and serves the filesystem store's media URLs; no database of its own, nothing to seed."""
from chassis.config import Need
from chassis.descriptor import HTTP, Role, ServiceDescriptor

SERVICE = ServiceDescriptor(
    name="gateway",
    roles=(Role("api", HTTP, "gateway.serve:serve"),),
    config="gateway.settings",
    needs=(Need.SIGN_PRINCIPALS, Need.MEDIA_URLS),
    database=False,
)
