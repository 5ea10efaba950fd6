"""The demo student's completed point of progress: data only (the term, the work it refers to by artifact title, the
skill, the level and the teacher's strength-based comment); reflections.service_layer.seed_progress adds it through
the service's use cases. Levels are ranks of the demo "proficiency" scale: 1 Beginning ... 4 Excelling."""
from __future__ import annotations

TERM_NAME = "Term 2"                 # the current term: due DUE_IN_DAYS from the seed's day
EARLIER_TERM_NAME = "Term 1"         # an earlier term, due EARLIER_DUE_DAYS_AGO (the checklist shows it overdue)
DUE_IN_DAYS = 21
EARLIER_DUE_DAYS_AGO = 30
WORK = ("Persuasive letter: more time for recess", "Bridge-building challenge")
SKILL = "communicator"
LEVEL = 3
COMMENT = ("You organise your reasons and back each one with evidence, and you now write for your reader: your "
           "letter and your bridge notes both show it. Keep asking what your reader needs to know first.")
