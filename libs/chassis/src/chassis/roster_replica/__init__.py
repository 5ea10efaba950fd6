"""The roster replica every service keeps for its access rules: people, sections, enrollments, guardianships,
fed by roster events (tables, store, event effects) and the pure "teaches now" logic over them."""
