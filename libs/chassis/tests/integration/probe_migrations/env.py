"""Alembic environment of the probe database the rolled-back fixture tests use."""
from sqlalchemy import Column, Integer, MetaData, Table, Text

from chassis.migrations import run_env

metadata = MetaData()
Table("notes", metadata, Column("id", Integer, primary_key=True), Column("text", Text, nullable=False, unique=True))

run_env(metadata)
