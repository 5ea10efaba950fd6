"""The skills service as the operator CLI finds it (entry point ``skillfolio.services``): its roles, settings,
migrations, outbox, commands and demo seed (the demo skills framework), each loaded only when used."""
from chassis.descriptor import GRPC, NAMEKO, Role, Seed, ServiceDescriptor

SERVICE = ServiceDescriptor(
    name="skills",
    roles=(Role("api", GRPC, "skills.entrypoints.grpc_api:serve"),
           Role("events", NAMEKO, "skills.entrypoints.worker")),
    config="skills.config",
    migrations="skills.migrations:MIGRATIONS_DIR",
    outbox="skills.adapters.orm:outbox",
    commands="skills.entrypoints.cli:app",
    commands_help="Skills: load a district's skills file, seed the demo framework.",
    seed=Seed("skills.service_layer.seed:seed_demo", after=("roster",)),
)
