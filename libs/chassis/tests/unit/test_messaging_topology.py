"""Pure helpers of the messaging topology and relay: names, backoff choice, AMQP URL parsing, row -> message."""
from types import SimpleNamespace

from chassis.messaging.publisher import connection_params
from chassis.messaging.relay import to_message
from chassis.messaging.topology import ConsumerTopology, events_exchange, retry_delay_ms


def test_backoff_uses_each_delay_then_repeats_the_last():
    delays = [1000, 5000, 30000]
    assert [retry_delay_ms(delays, n) for n in (1, 2, 3, 4, 9)] == [1000, 5000, 30000, 30000, 30000]


def test_classic_topology_has_no_quorum_arguments():
    topology = ConsumerTopology("q", events_exchange("roster"), "person_added", (200, 200, 400), "classic")
    assert [q.name for q in topology.all_queues()] == ["q", "q.retry.200", "q.retry.400", "q.dlq"]
    assert topology.main_queue().queue_arguments == {}
    retry = topology.retry_queues()[0]
    assert retry.queue_arguments == {"x-message-ttl": 200, "x-dead-letter-exchange": "",
                                     "x-dead-letter-routing-key": "q"}


def test_amqp_url_to_connection_params():
    params = connection_params("amqp://u%40x:p%2Fw@rabbit:5673/my%2Fvhost")
    assert (params["host"], params["userid"], params["password"], params["virtual_host"]) == \
        ("rabbit:5673", "u@x", "p/w", "my/vhost")
    assert connection_params("amqp://guest:guest@127.0.0.1:5672/")["virtual_host"] == "/"


def test_outbox_row_becomes_a_message_carrying_the_correlation_id():
    row = SimpleNamespace(type="person_added", event_id="e1", body='{"correlation_id": "c9", "data": {}}')
    message = to_message(row)
    assert (message.routing_key, message.message_id, message.correlation_id) == ("person_added", "e1", "c9")
    assert to_message(SimpleNamespace(type="t", event_id="e2", body="not json")).correlation_id == ""
