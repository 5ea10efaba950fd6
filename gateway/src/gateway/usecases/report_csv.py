"""A report Table as CSV (RFC 4180, UTF-8 with a BOM so spreadsheets read accents): a header row, one row per table
row with each cell's display string (suppressed cells stay "*", "<5%", ...; the gateway never has their values),
the totals row, then after a blank row two footer rows: "Suppression rule",<rule> and "As of",<time>.

Text a spreadsheet would run as a formula (a school named "=HYPERLINK(...)") is prefixed with an apostrophe."""
from __future__ import annotations

import csv
import io
import re

from gateway.schemas.reports import Row, Table

MEDIA_TYPE = "text/csv; charset=utf-8"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FOOTER_RULE, FOOTER_AS_OF = "Suppression rule", "As of"


def _safe(text: str) -> str:
    """Spreadsheet formula injection (OWASP CSV injection): a leading formula character is neutralised."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _line(row: Row) -> list[str]:
    return [_safe(row.label), *(_safe(cell.display) for cell in row.cells)]


def table_csv(table: Table) -> str:
    """The CSV text of ``table`` (see the module docstring for its layout)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_safe(table.row_header or "Group"), *(_safe(c.label) for c in table.columns)])
    writer.writerows(_line(row) for row in table.rows)
    if table.totals is not None:
        writer.writerow(_line(table.totals))
    writer.writerow([])
    writer.writerow([FOOTER_RULE, _safe(table.rule.description)])
    writer.writerow([FOOTER_AS_OF, table.as_of or "no events yet"])
    return "\ufeff" + out.getvalue()


def file_name(table: Table) -> str:
    """A download name such as ``artifacts_by_skill.csv`` (only safe characters)."""
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", table.name).strip("-.")
    return f"{stem or 'report'}.csv"
