"""Pure domain of the skills service (no framework imports)."""
