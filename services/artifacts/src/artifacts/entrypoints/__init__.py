"""Process entrypoints: gRPC API, nameko worker."""
