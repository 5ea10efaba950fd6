"""Storage of the artifacts service: tables, repository, roster replica."""
