"""Shared service kit used by every Skillfolio service: written once, imported everywhere."""
