"""The infrastructure fixtures hand out real, isolated PostgreSQL, RabbitMQ and S3 endpoints."""
import uuid

import amqp
from minio import Minio
from sqlalchemy import create_engine, text


def test_database_is_real_postgres_and_isolated(fresh_pg_database_url):
    engine = create_engine(fresh_pg_database_url)
    with engine.connect() as conn:
        assert "PostgreSQL" in conn.execute(text("select version()")).scalar()
        assert conn.execute(text("select count(*) from pg_tables where schemaname='public'")).scalar() == 0
    engine.dispose()


def test_vhost_is_real_rabbitmq_and_isolated(fresh_amqp_url):
    from urllib.parse import unquote, urlsplit
    parts = urlsplit(fresh_amqp_url)
    conn = amqp.Connection(f"{parts.hostname}:{parts.port}", userid="guest", password="guest",
                           virtual_host=unquote(parts.path[1:]))
    conn.connect()
    channel = conn.channel()
    queue, count, _ = channel.queue_declare("probe", durable=True)
    assert count == 0
    channel.basic_publish(amqp.Message(b"hello", delivery_mode=2), routing_key="probe")
    assert channel.basic_get("probe", no_ack=True).body == b"hello"
    conn.close()


def test_s3_endpoint_supports_put_get_and_presigned_urls(s3_endpoint):
    import io

    import requests
    client = Minio(s3_endpoint.endpoint, s3_endpoint.access_key, s3_endpoint.secret_key, secure=False)
    bucket = f"probe-{uuid.uuid4().hex[:8]}"
    client.make_bucket(bucket)
    client.put_object(bucket, "a.txt", io.BytesIO(b"abc"), 3, content_type="text/plain")
    assert client.get_object(bucket, "a.txt").read() == b"abc"
    url = client.presigned_put_object(bucket, "b.bin")
    assert requests.put(url, data=b"xyz", headers={"Content-Type": "application/octet-stream"}).status_code == 200
    assert requests.get(client.presigned_get_object(bucket, "b.bin")).content == b"xyz"
