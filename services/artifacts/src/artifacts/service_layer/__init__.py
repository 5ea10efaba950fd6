"""Use cases of the artifacts service: commands, queries, replication, unit of work."""
