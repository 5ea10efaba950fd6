"""The notifications service as the operator CLI finds it (entry point ``skillfolio.services``): its roles (api,
events, and the sender that delivers email), settings, migrations, outbox and demo seed, each loaded only when
used."""
from chassis.descriptor import GRPC, NAMEKO, Role, Seed, ServiceDescriptor

SERVICE = ServiceDescriptor(
    name="notifications",
    roles=(Role("api", GRPC, "notifications.entrypoints.grpc_api:serve"),
           Role("events", NAMEKO, "notifications.entrypoints.worker"),
           Role("sender", NAMEKO, "notifications.entrypoints.sender",
                metrics_port="notifications.config:sender_metrics_port",
                max_workers="notifications.config:sender_max_workers")),
    config="notifications.config",
    migrations="notifications.migrations:MIGRATIONS_DIR",
    outbox="notifications.adapters.orm:outbox",
    seed=Seed("notifications.service_layer.seed:seed_demo", after=("roster", "artifacts", "reflections")),
)
