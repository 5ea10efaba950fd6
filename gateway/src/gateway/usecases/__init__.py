"""Use cases the web pages and the REST API share: each shapes requests to the backend facades (gateway.clients)
and collects what a page or a reply shows."""
