"""The notifications service: who hears about what, when, in which language, and by which channel."""
