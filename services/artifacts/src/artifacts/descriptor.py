"""The artifacts service as the operator CLI finds it (entry point ``skillfolio.services``): its roles, settings,
migrations, outbox and demo seed (the demo student's portfolio), each loaded only when used."""
from chassis.descriptor import GRPC, NAMEKO, Role, Seed, ServiceDescriptor

SERVICE = ServiceDescriptor(
    name="artifacts",
    roles=(Role("api", GRPC, "artifacts.entrypoints.grpc_api:serve"),
           Role("events", NAMEKO, "artifacts.entrypoints.worker"),
           Role("media", NAMEKO, "artifacts.entrypoints.media_worker",
                metrics_port="artifacts.config:media_metrics_port", max_workers="artifacts.config:media_max_workers")),
    config="artifacts.config",
    migrations="artifacts.migrations:MIGRATIONS_DIR",
    outbox="artifacts.adapters.orm:outbox",
    seed=Seed("artifacts.service_layer.seed:seed_demo", after=("roster", "skills")),
)
