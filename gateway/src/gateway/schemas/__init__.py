"""The REST API's request and response shapes (documented in /docs), built from the services' protobuf messages."""
