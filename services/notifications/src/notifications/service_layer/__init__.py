"""Use cases of the notifications service: event intake, the feed and settings, and the sender."""
