"""gRPC part of the chassis: server bootstrap, one server interceptor, signed principals, error mapping, clients."""
