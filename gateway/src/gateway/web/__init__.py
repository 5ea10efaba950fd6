"""Server-rendered web pages: Jinja2 templates (autoescaped) and one small stylesheet."""
