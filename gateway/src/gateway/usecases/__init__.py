"""Use cases the web pages and the REST API share: each shapes a request to a backend facade and collects what a page or reply shows."""
