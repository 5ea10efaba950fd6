"""FastAPI gateway and web app."""
