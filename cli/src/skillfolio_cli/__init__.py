"""The `skillfolio` operator CLI."""
