"""Who is signed in, and for how long: the server-side session record, the standing check, CSRF tokens and the
login throttle."""
