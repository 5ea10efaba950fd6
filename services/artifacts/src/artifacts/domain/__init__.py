"""Pure rules of the artifacts service: model, validation, access and events (no framework imports)."""
