"""The server-rendered web pages (HTML forms that work without JavaScript), behind a session cookie."""
