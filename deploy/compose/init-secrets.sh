#!/usr/bin/env bash
# Writes random credentials for docker compose into var/compose/*.env (gitignored, mode 600), once.
# Re-running keeps existing files; delete var/compose/ (and the compose volumes) to start over.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=var/compose
mkdir -p "$out"
chmod 700 "$out"
umask 077

random() { od -An -tx1 -N"${1:-24}" /dev/urandom | tr -d ' \n'; }

write() {  # write FILE, reading its content from stdin, unless FILE exists
  if [[ -e "$out/$1" ]]; then echo "kept    $out/$1"; cat >/dev/null; else cat >"$out/$1"; echo "created $out/$1"; fi
}

pg_password=$(random) rabbit_password=$(random) s3_secret=$(random)
if [[ -e "$out/postgres.env" ]]; then pg_password=$(sed -n 's/^POSTGRES_PASSWORD=//p' "$out/postgres.env"); fi
if [[ -e "$out/rabbitmq.env" ]]; then rabbit_password=$(sed -n 's/^RABBITMQ_DEFAULT_PASS=//p' "$out/rabbitmq.env"); fi

write postgres.env <<EOT
POSTGRES_USER=skillfolio
POSTGRES_PASSWORD=$pg_password
EOT
write rabbitmq.env <<EOT
RABBITMQ_DEFAULT_USER=skillfolio
RABBITMQ_DEFAULT_PASS=$rabbit_password
EOT
write minio.env <<EOT
MINIO_ROOT_USER=skillfolio-root
MINIO_ROOT_PASSWORD=$(random)
EOT
write platform.env <<EOT
SKILLFOLIO_AMQP_URL=amqp://skillfolio:$rabbit_password@rabbitmq:5672/
SKILLFOLIO_S3_ACCESS_KEY=skillfolio-app
SKILLFOLIO_S3_SECRET_KEY=$s3_secret
EOT
write roster.env <<EOT
ROSTER_DATABASE_URL=postgresql+psycopg2://skillfolio:$pg_password@postgres:5432/roster
EOT
write skills.env <<EOT
SKILLS_DATABASE_URL=postgresql+psycopg2://skillfolio:$pg_password@postgres:5432/skills
EOT
write artifacts.env <<EOT
ARTIFACTS_DATABASE_URL=postgresql+psycopg2://skillfolio:$pg_password@postgres:5432/artifacts
EOT
write reflections.env <<EOT
REFLECTIONS_DATABASE_URL=postgresql+psycopg2://skillfolio:$pg_password@postgres:5432/reflections
EOT
write notifications.env <<EOT
NOTIFICATIONS_DATABASE_URL=postgresql+psycopg2://skillfolio:$pg_password@postgres:5432/notifications
NOTIFICATIONS_UNSUBSCRIBE_SECRET=$(random 32)
EOT
write reporting.env <<EOT
REPORTING_DATABASE_URL=postgresql+psycopg2://skillfolio:$pg_password@postgres:5432/reporting
EOT
write gateway.env <<EOT
GATEWAY_SESSION_SECRET=$(random 32)
EOT
write grafana.env <<EOT
GF_SECURITY_ADMIN_USER=admin
GF_SECURITY_ADMIN_PASSWORD=$(random 16)
EOT
echo "Grafana admin password: see $out/grafana.env"
