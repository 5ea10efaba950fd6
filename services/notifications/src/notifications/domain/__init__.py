"""Pure rules of notifications: who hears about what, preferences, timing, coalescing and approval."""
