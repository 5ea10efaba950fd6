"""Skillfolio skills service: skill frameworks, skills, proficiency scales and rubrics."""
