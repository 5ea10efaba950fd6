"""HTTP routes: health and metrics, the /api/v1 REST API, and the server-rendered web pages."""
