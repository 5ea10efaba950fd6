"""A panel link's token is a credential: uvicorn's access log line for /panel/<token> never carries it; nor a
records request's reason given in the query (the transfer import, a legal hold's lifting)."""
from __future__ import annotations

import logging

from gateway.panel import RedactPanelTokens, RedactReasons


def test_the_access_log_redacts_panel_tokens_and_keeps_other_paths():
    line = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
                             ("127.0.0.1:5000", "GET", "/panel/Abc_123-xyz?x=1", "1.1", 303), None)
    other = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
                              ("127.0.0.1:5000", "GET", "/milestones/m-1", "1.1", 200), None)
    assert RedactPanelTokens().filter(line) and RedactPanelTokens().filter(other)
    assert line.getMessage() == '127.0.0.1:5000 - "GET /panel/[redacted]?x=1 HTTP/1.1" 303'
    assert other.getMessage() == '127.0.0.1:5000 - "GET /milestones/m-1 HTTP/1.1" 200'


def test_the_access_log_redacts_reasons_given_in_the_query():
    line = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
                             ("127.0.0.1:5000", "POST", "/api/v1/passport/imports?student=s-7&reason=Ana%20moved",
                              "1.1", 200), None)
    assert RedactReasons().filter(line)
    assert line.getMessage() == '127.0.0.1:5000 - "POST /api/v1/passport/imports?student=s-7&reason=[redacted] ' \
                                'HTTP/1.1" 200'
