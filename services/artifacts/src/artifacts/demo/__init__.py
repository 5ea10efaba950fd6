"""The demo student's portfolio (data) and the small real files it holds, made at seed time."""
