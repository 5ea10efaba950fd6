"""HTTP routes: health and readiness, the /api/v1 REST API, and the server-rendered web pages."""
