"""The reporting domain: pure rules for who sees which report, attribution of evidence to a school and grade, and
small-cell suppression of the tables shown (no framework imports)."""
