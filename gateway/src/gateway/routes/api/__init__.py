"""/api/v1: the REST API (JSON, bearer token or session cookie with CSRF), documented by OpenAPI."""
