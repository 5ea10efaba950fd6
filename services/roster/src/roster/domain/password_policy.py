"""Password rules for local (demo) accounts, after NIST SP 800-63B: length, not composition rules."""
from __future__ import annotations

from chassis.errors import FieldProblem, InvalidArgument

MIN_LENGTH = 12
MAX_LENGTH = 1024  # far above any passphrase; bounds the work one hash request can ask for


def password_problems(password: str, username: str = "") -> list[FieldProblem]:
    """Everything wrong with ``password`` for the account ``username`` (empty when it is acceptable)."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(FieldProblem("password", f"must be at least {MIN_LENGTH} characters (got {len(password)})"))
    if len(password) > MAX_LENGTH:
        problems.append(FieldProblem("password", f"must be at most {MAX_LENGTH} characters"))
    if password and len(set(password)) == 1:
        problems.append(FieldProblem("password", "must not be one character repeated"))
    if password != password.strip():
        problems.append(FieldProblem("password", "must not start or end with whitespace"))
    if username and len(username) >= 3 and username.casefold() in password.casefold():
        problems.append(FieldProblem("password", "must not contain the username"))
    return problems


def check_password(password: str, username: str = "") -> None:
    """Raise InvalidArgument naming every rule ``password`` breaks."""
    problems = password_problems(password, username)
    if problems:
        raise InvalidArgument("password is too weak: " + "; ".join(p.reason for p in problems), problems)
