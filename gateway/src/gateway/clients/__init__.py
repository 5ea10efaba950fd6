"""The services behind the gateway: gRPC channels, one typed facade per service, and the replica wait."""
