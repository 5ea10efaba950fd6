"""Storage of the notifications service: schema, repositories and replicas."""
