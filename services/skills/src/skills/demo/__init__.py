"""The committed demo framework that `skillfolio skills seed-demo` loads."""
import pathlib

DEMO_FILE = pathlib.Path(__file__).resolve().parent / "demo_skills.yaml"
