"""The reflections service as the operator CLI finds it (entry point ``skillfolio.services``): its roles, settings,
migrations, outbox and demo seed (what people said about the demo portfolio), each loaded only when used."""
from chassis.descriptor import GRPC, NAMEKO, Role, Seed, ServiceDescriptor

SERVICE = ServiceDescriptor(
    name="reflections",
    roles=(Role("api", GRPC, "reflections.entrypoints.grpc_api:serve"),
           Role("events", NAMEKO, "reflections.entrypoints.worker")),
    config="reflections.config",
    migrations="reflections.migrations:MIGRATIONS_DIR",
    outbox="reflections.adapters.orm:outbox",
    seed=Seed("reflections.service_layer.seed:seed_demo", after=("roster", "skills", "artifacts")),
)
