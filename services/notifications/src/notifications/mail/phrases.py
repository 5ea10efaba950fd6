"""The English source sentences of every notification kind and category (msgids of the catalogues).

``_N`` marks one message and ``_NP`` a singular/plural pair for extraction (``pybabel extract -k _N -k _NP:1,2``);
both return their arguments unchanged: translation happens when rendering, in the recipient's language.
Placeholders: ``actor`` (who acted), ``child`` (the child's first name), ``count`` (coalesced items).
"""
from __future__ import annotations


def _N(message: str) -> str:
    return message


def _NP(singular: str, plural: str) -> tuple[str, str]:
    return singular, plural


# One line for the feed and for each digest item, per kind: (singular, plural).
LINES: dict[str, tuple[str, str]] = {
    "artifact_added": _NP("%(actor)s added new work to %(child)s's portfolio",
                          "%(actor)s added %(count)s new pieces of work to %(child)s's portfolio"),
    "reflection_added": _NP("%(child)s wrote a new reflection", "%(child)s wrote %(count)s new reflections"),
    "feedback_given": _NP("%(actor)s gave feedback on %(child)s's work",
                          "%(actor)s gave feedback on %(count)s pieces of %(child)s's work"),
    "assessment_recorded": _NP("%(actor)s assessed %(child)s's work",
                               "%(actor)s recorded %(count)s assessments of %(child)s's work"),
    "comment_added": _NP("%(actor)s commented on %(child)s's work",
                         "%(actor)s left %(count)s comments on %(child)s's work"),
    "goal_achieved": _NP("%(child)s achieved a goal", "%(child)s achieved %(count)s goals"),
    "milestone_scheduled": _NP("%(actor)s scheduled a milestone for %(child)s",
                               "%(actor)s scheduled %(count)s milestones for %(child)s"),
    "milestone_rescheduled": _NP("%(actor)s changed the date of %(child)s's milestone",
                                 "%(actor)s changed the dates of %(count)s of %(child)s's milestones"),
    "milestone_completed": _NP("%(child)s completed a milestone", "%(child)s completed %(count)s milestones"),
    "point_of_progress_completed": _NP("%(actor)s completed a point of progress for %(child)s",
                                       "%(actor)s completed %(count)s points of progress for %(child)s"),
    "rights_passed": _NP("%(child)s now holds the rights over their record: guardians' access has ended",
                         "%(count)s notices: %(child)s now holds the rights over their record"),
    "panel_invited": _NP("%(actor)s invited you to %(child)s's milestone panel",
                         "%(actor)s invited you to %(count)s of %(child)s's milestone panels"),
}
GENERIC_LINE = _NP("There is news in %(child)s's portfolio", "There are %(count)s updates in %(child)s's portfolio")

# The subject of an instant email, per kind: nothing about the student beyond the first name. (A subject must not
# repeat the singular of a LINES pair: gettext finds a plural entry only through ngettext.)
SUBJECTS: dict[str, str] = {
    "artifact_added": _N("New work in %(child)s's portfolio"),
    "reflection_added": _N("A new reflection from %(child)s"),
    "feedback_given": _N("New feedback on %(child)s's work"),
    "assessment_recorded": _N("A new assessment of %(child)s's work"),
    "comment_added": _N("A new comment on %(child)s's work"),
    "goal_achieved": _N("%(child)s has achieved a goal"),
    "milestone_scheduled": _N("%(child)s's milestone is scheduled"),
    "milestone_rescheduled": _N("%(child)s's milestone has a new date"),
    "milestone_completed": _N("%(child)s has completed a milestone"),
    "point_of_progress_completed": _N("A new point of progress for %(child)s"),
    "panel_invited": _N("Invitation: %(child)s's milestone panel"),
    "rights_passed": _N("%(child)s's record: the rights have passed to the student"),
}
GENERIC_SUBJECT = _N("News in %(child)s's portfolio")
DIGEST_SUBJECTS = {"daily": _N("Your daily update: %(children)s"),
                   "weekly": _N("Your weekly update: %(children)s")}

# How a category is named in "Stop emails about ...".
CATEGORY_NAMES: dict[str, str] = {
    "new_work": _N("new work"),
    "reflections_feedback": _N("reflections and feedback"),
    "assessments": _N("assessments"),
    "comments": _N("comments"),
    "goals_milestones": _N("goals and milestones"),
    "critical": _N("important notices"),
}

WITH_TITLE = _N("%(line)s: “%(title)s”")
WITH_OUTCOME = _N("%(line)s (outcome: %(outcome)s)")

# The words around the notifications in every email.
GREETING = _N("Hello %(name)s,")
WHY = _N("You receive this email from %(sender)s because of your Skillfolio notification preferences.")
STOP_CATEGORY = _N("Stop emails about %(category)s")
CHROME: dict[str, str] = {
    "view": _N("View in Skillfolio"),
    "manage": _N("Manage your notification preferences"),
    "stop_digest": _N("Stop these emails"),
    "daily": _N("Here is what happened today."),
    "weekly": _N("Here is what happened this week."),
}
