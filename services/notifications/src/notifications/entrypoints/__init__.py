"""Process entry points of the notifications service: the gRPC API, the events worker and the sender."""
