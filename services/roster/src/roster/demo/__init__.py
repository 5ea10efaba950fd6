"""The demo district's cast: who the demo logins are, and the roster events about them."""
