-- One database per service (docker compose: runs once, when the postgres volume is first initialised).
-- No service reads another service's database. On Kubernetes, create these on your managed/Patroni cluster,
-- each with its own role (see docs/deploy.md); here the compose superuser owns them all.
CREATE DATABASE roster;
CREATE DATABASE skills;
CREATE DATABASE artifacts;
CREATE DATABASE reflections;
CREATE DATABASE notifications;
CREATE DATABASE reporting;
