"""OneRoster 1.2 CSV bulk import (folder or zip) and a synthetic district generator.

``import_roster(path, engine)`` validates every file, then applies all of it in one transaction (or nothing).
"""
from roster.domain.mass_change import MassDeactivationRefused
from roster.importer.problems import ImportProblem, ImportRejected, SourceError
from roster.importer.report import ImportReport
from roster.importer.run import Guard, import_roster

__all__ = ["import_roster", "Guard", "ImportReport", "ImportProblem", "ImportRejected", "MassDeactivationRefused",
           "SourceError"]
