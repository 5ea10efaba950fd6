"""What the audio/video reflection tests share: a small valid WAV made with the stdlib, sending bytes to an
UploadTarget through the gateway's filesystem-store routes, and the reflections events role's check run on the
``reflection_media_uploaded`` events of the service's own outbox (as its worker runs it)."""
from __future__ import annotations

import io
import wave

from sqlalchemy import select

from chassis.events import Envelope
from chassis.messaging.subscriptions import ConsumerUnits
from reflections.adapters.orm import outbox as reflections_outbox
from reflections.service_layer.media_checks import check_uploaded_recording


def wav_bytes(seconds: float = 0.25, rate: int = 8000) -> bytes:
    """A valid mono 16-bit PCM WAV (a constant low signal) of ``seconds``."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"\x00\x01" * int(seconds * rate))
    return buffer.getvalue()


def put_bytes(client, upload: dict, body: bytes) -> None:
    """Send ``body`` to a single PUT target (the filesystem store's signed URL, served by the gateway)."""
    assert upload["method"] == "PUT", upload
    sent = client.put(upload["url"], content=body, headers=upload["headers"])
    assert sent.status_code in (200, 201, 204), sent.text


def check_uploads(reflections_app, reflection_id: str, consumer: str = "gateway-tests.media") -> list[str]:
    """Run the events role's check on every ``reflection_media_uploaded`` of ``reflection_id``; the outcomes."""
    with reflections_app.engine.connect() as conn:
        bodies = conn.execute(select(reflections_outbox.c.body).where(
            reflections_outbox.c.type == "reflection_media_uploaded").order_by(reflections_outbox.c.id)).scalars()
        envelopes = [e for e in map(Envelope.from_json, bodies) if e.data["reflection_id"] == reflection_id]
    return [check_uploaded_recording(ConsumerUnits(reflections_app.unit_of_work, consumer), e, reflections_app.media,
                                     reflections_app.calendar.clock) for e in envelopes]
