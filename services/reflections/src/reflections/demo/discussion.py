"""What people say about the demo portfolio and how its work was judged: the student's reflections, teachers'
feedback and assessments, the student's self-assessments, a three-way comment thread, a goal and a completed
Defense of Learning. Data only, keyed by the title of an artifact of the demo portfolio (the artifacts service's
demo); reflections.service_layer.seed adds it through the reflections service's use cases.

Levels are ranks of the demo "proficiency" scale: 1 Beginning, 2 Developing, 3 Ready, 4 Excelling.
"""
from __future__ import annotations

from dataclasses import dataclass

from chassis.demo_seed import FORMER_TEACHER, GUARDIAN, STUDENT, TEACHER


@dataclass(frozen=True)
class DemoReflection:
    artifact: str
    revisions: tuple[str, ...]         # the first text, then each edit
    prompt: str = ""                   # a guided prompt's text (DEMO_PROMPTS)


@dataclass(frozen=True)
class DemoFeedback:
    artifact: str
    by: str                            # TEACHER | FORMER_TEACHER
    can_do: str
    next_steps: str


@dataclass(frozen=True)
class DemoComment:
    artifact: str
    by: str                            # STUDENT | TEACHER | GUARDIAN
    body: str


@dataclass(frozen=True)
class DemoAssessment:
    artifact: str
    skill: str                         # skill code
    by: str                            # TEACHER | FORMER_TEACHER (assessment) or STUDENT (self-assessment)
    level: int
    comment: str


DEMO_PROMPTS = ("What evidence shows I reached my goal?", "What would I do differently next time?",
                "What am I most proud of, and why?")

REFLECTIONS = (
    DemoReflection("Butterfly life cycle poster",
                   ("I learned that a chrysalis is not asleep: the caterpillar is changing inside.",
                    "I learned that a chrysalis is not asleep: the caterpillar is changing inside. Next time I would "
                    "label each stage with how many days it took."),
                   "What would I do differently next time?"),
    DemoReflection("Bridge-building challenge",
                   ("We changed our design twice after it bent. Triangles made it much stronger. I am proud that I "
                    "listened to Maya's idea even though I wanted to try mine first.",),
                   "What am I most proud of, and why?"),
    DemoReflection("Persuasive letter: more time for recess",
                   ("My three reasons each have evidence now. Last year my writing only said what I wanted.",),
                   "What evidence shows I reached my goal?"),
)

FEEDBACK = (
    DemoFeedback("Science fair: which paper towel absorbs the most?", FORMER_TEACHER,
                 "You repeated each test three times and used the average, just like real scientists.",
                 "Next time, write your prediction before you test so you can compare it with the results."),
    DemoFeedback("Bridge-building challenge", TEACHER,
                 "You tested, noticed where the bridge bent and improved the design with your team.",
                 "Explain in your reflection why triangles made the bridge stronger."),
    DemoFeedback("Persuasive letter: more time for recess", TEACHER,
                 "Each reason is backed by evidence, and your closing offers to help: very persuasive.",
                 "Try answering one argument against your idea to make the letter even stronger."),
)

COMMENTS = (
    DemoComment("Bridge-building challenge", GUARDIAN, "We tried building one at home with spaghetti. It broke!"),
    DemoComment("Bridge-building challenge", STUDENT, "Spaghetti needs more triangles. I can show you this weekend."),
    DemoComment("Bridge-building challenge", TEACHER, "What a great way to keep testing at home. Well done, both."),
    DemoComment("Persuasive letter: more time for recess", GUARDIAN, "The principal loved this letter."),
)

ASSESSMENTS = (
    DemoAssessment("Butterfly life cycle poster", "communicator", FORMER_TEACHER, 2,
                   "Clear stages and pictures; add labels so a reader can follow without you."),
    DemoAssessment("Science fair: which paper towel absorbs the most?", "thinker", FORMER_TEACHER, 2,
                   "Fair tests and a clear graph; your conclusion can say why brand C won."),
    DemoAssessment("Reading reflection: Charlotte's Web", "communicator", FORMER_TEACHER, 3,
                   "You connect the book to your own class: that is strong communication."),
    DemoAssessment("Persuasive letter: more time for recess", "communicator", TEACHER, 3,
                   "Organised reasons with evidence, suited to your reader."),
    DemoAssessment("Persuasive letter: more time for recess", "communicator", STUDENT, 4,
                   "I think my letter is really convincing."),
    DemoAssessment("Bridge-building challenge", "innovator", TEACHER, 4,
                   "You improved the design twice from what your tests showed."),
    DemoAssessment("Bridge-building challenge", "innovator", STUDENT, 3,
                   "We improved our bridge but I want to try a new shape next time."),
    DemoAssessment("Bridge-building challenge", "thinker", TEACHER, 3,
                   "You reasoned from where it bent to what to change."),
)

GOAL_TITLE = "Share my thinking clearly when I present"
GOAL_CRITERIA = ("I explain each artifact with evidence of what I learned, speak to my audience, and answer one "
                 "question from the panel.")
GOAL_SKILLS = ("communicator",)
GOAL_EVIDENCE = ("Persuasive letter: more time for recess", "Class podcast: our town's history")
GOAL_CLOSING = ("At my Defense of Learning I explained three artifacts and answered two questions. Next I want to "
                "speak without my notes.")

DEFENSE_TYPE_CODE = "defense-of-learning"
DEFENSE_TYPE_NAME = "Defense of Learning"
DEFENSE_GRADES = ("05", "08", "12")         # the transition grades
DEFENSE_TITLE = "Defense of Learning: my year of growth"
DEFENSE_EVIDENCE = ("Butterfly life cycle poster", "Persuasive letter: more time for recess",
                    "Bridge-building challenge")
DEFENSE_PANEL = (("Ms. Rivera", "rivera@example.org", "educator"),      # (name, email, kind); example.org is
                 ("Mr. Okafor, River City Library", "okafor@example.org", "community"))   # reserved: mail goes nowhere
DEFENSE_SCORES = ({"evidence": 3, "reflection": 3, "presentation": 4}, {"evidence": 3, "reflection": 2,
                                                                          "presentation": 3})
DEFENSE_PANEL_COMMENT = "Clear evidence of growth across both years; keep practising answering questions."
DEFENSE_OUTCOME = "READY"

# The district's badge for it: a Defense of Learning at Ready or better issues an Open Badges 3.0 credential.
DEFENSE_BADGE_NAME = "Defense of Learning"
DEFENSE_BADGE_DESCRIPTION = ("Presented a body of work from the portfolio to a panel of educators and community "
                             "members, and showed growth in the district's durable skills.")
DEFENSE_BADGE_CRITERIA = ("Complete a Defense of Learning in a transition grade (5, 8 or 12) with an outcome of "
                          "**Ready** or **Excelling** on the district rubric, defending selected portfolio evidence.")
