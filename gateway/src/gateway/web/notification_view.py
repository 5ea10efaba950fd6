"""What the notification pages show, in English marked for the catalogues (templates translate them with ``_``):
category and delivery names, the weekday names, and a feed item's link kept on this site."""
from __future__ import annotations

from gateway.i18n import N_

CATEGORY_LABELS = {
    "new_work": N_("New work in the portfolio"),
    "reflections_feedback": N_("Reflections and feedback"),
    "assessments": N_("Assessments"),
    "comments": N_("Comments"),
    "goals_milestones": N_("Goals and milestones"),
    "critical": N_("Important notices (panel invitations, schedule changes)"),
}
DELIVERY_LABELS = {"instant": N_("Right away"), "daily": N_("Daily digest"), "weekly": N_("Weekly digest"),
                   "off": N_("Off")}
WEEKDAY_LABELS = {"monday": N_("Monday"), "tuesday": N_("Tuesday"), "wednesday": N_("Wednesday"),
                  "thursday": N_("Thursday"), "friday": N_("Friday"), "saturday": N_("Saturday"),
                  "sunday": N_("Sunday")}


def category_label(category: str) -> str:
    return CATEGORY_LABELS.get(category, category.replace("_", " ").capitalize())


def evidence_link(link: str) -> str:
    """A feed item's path on this site; anything else (another host, a scheme) is not linked."""
    return link if link.startswith("/") and not link.startswith(("//", "/\\")) and "\\" not in link else ""
