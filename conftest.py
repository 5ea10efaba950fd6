"""Root pytest configuration: the chassis infrastructure fixtures are available to every test directory."""
pytest_plugins = ["chassis.testing.fixtures"]
