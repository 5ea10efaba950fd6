"""The roster service as the operator CLI finds it (entry point ``skillfolio.services``): its roles, settings,
migrations, outbox, commands and demo seed (the demo district and its demo accounts), each loaded only when used."""
from chassis.descriptor import GRPC, NAMEKO, Role, Seed, ServiceDescriptor

SERVICE = ServiceDescriptor(
    name="roster",
    roles=(Role("api", GRPC, "roster.entrypoints.grpc_api:serve"), Role("events", NAMEKO, "roster.entrypoints.worker")),
    config="roster.config",
    migrations="roster.migrations:MIGRATIONS_DIR",
    outbox="roster.adapters.orm:outbox",
    commands="roster.entrypoints.cli:app",
    commands_help="Roster: OneRoster import, passwords.",
    seed=Seed("roster.service_layer.seed:seed_demo"),
)
