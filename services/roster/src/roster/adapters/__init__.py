"""Roster adapters: ORM tables, repositories, password hashing."""
