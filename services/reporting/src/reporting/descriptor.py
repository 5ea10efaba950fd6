"""The reporting service as the operator CLI finds it (entry point ``skillfolio.services``): its roles, settings,
migrations, outbox, commands (`skillfolio reporting rebuild`) and demo seed (its read models fed from the other
seeds' events)."""
from chassis.descriptor import GRPC, NAMEKO, Role, Seed, ServiceDescriptor

SERVICE = ServiceDescriptor(
    name="reporting",
    roles=(Role("api", GRPC, "reporting.entrypoints.grpc_api:serve"),
           Role("events", NAMEKO, "reporting.entrypoints.worker")),
    config="reporting.config",
    migrations="reporting.migrations:MIGRATIONS_DIR",
    outbox="reporting.adapters.orm:outbox",
    commands="reporting.entrypoints.cli:app",
    commands_help="Reporting: rebuild the read models from the sources' event history.",
    seed=Seed("reporting.service_layer.seed:seed_demo", after=("roster", "skills", "artifacts", "reflections")),
)
