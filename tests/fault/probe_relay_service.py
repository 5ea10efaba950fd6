"""Test-only nameko service ``probe_src``: the outbox relay, with a pause point the fault tests SIGKILL it at.

``FAULT_RELAY_PAUSE=before_publish|after_publish`` blocks its first batch there and touches
``$FAULT_MARKER_DIR/relay-paused``.
"""
from __future__ import annotations

import os
import time

from probe_service import marker, outbox

from chassis.config import service_settings
from chassis.db import make_engine
from chassis.messaging.relay import OutboxRelay
from chassis.messaging.relay_runner import OutboxRelayRunner


class PausingRelay(OutboxRelay):
    """Blocks (so the test can SIGKILL it) before or after publishing its first batch, as FAULT_RELAY_PAUSE says."""

    def publish_pending(self, max_batches: int = 1) -> int:
        pause = os.environ.get("FAULT_RELAY_PAUSE", "")
        if pause and not getattr(self, "_wrapped", False):
            publish, wait_confirms = self.publisher.publish, self.publisher.wait_confirms

            def publish_with_pause(exchange, messages):
                if pause == "before_publish":
                    marker("relay-paused").touch()
                    time.sleep(3600)
                publish(exchange, messages)

            def confirm_with_pause():
                wait_confirms()
                if pause == "after_publish":
                    marker("relay-paused").touch()
                    time.sleep(3600)
            self.publisher.publish, self.publisher.wait_confirms = publish_with_pause, confirm_with_pause
            self._wrapped = True
        return super().publish_pending(max_batches)


class ProbeSource:
    name = "probe_src"
    relay = OutboxRelayRunner("probe_src", lambda: make_engine(service_settings("probe_src").database_url, 2),
                              outbox, relay_class=PausingRelay)
