"""What people say about the demo portfolio and how its work was judged (data for the reflections seed)."""
