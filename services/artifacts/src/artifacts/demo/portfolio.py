"""What the demo student's portfolio holds: eight artifacts over two school years, tagged with the five demo
skills, added by the student, their current teacher and their former teacher. Data only;
artifacts.service_layer.seed adds them through the artifacts service's use cases.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from artifacts.demo import media as demo_media
from chassis.demo_seed import CURRENT, FORMER_TEACHER, PREVIOUS, STUDENT, TEACHER


@dataclass(frozen=True)
class DemoFile:
    name: str
    content_type: str
    make: Callable[[], bytes]


@dataclass(frozen=True)
class DemoArtifact:
    title: str
    description: str
    kind: str                  # image | document | link
    skills: tuple[str, ...]    # skill codes of the demo framework
    added_by: str              # STUDENT | TEACHER | FORMER_TEACHER
    year: str                  # PREVIOUS | CURRENT school year
    day: int                   # PREVIOUS: days after the section starts; CURRENT: days before today
    file: DemoFile | None = None
    link_url: str = ""


PORTFOLIO = (
    DemoArtifact(
        "Butterfly life cycle poster", "My poster of the four stages we watched in our class butterfly garden.",
        "image", ("communicator", "innovator"), STUDENT, PREVIOUS, 70,
        DemoFile("butterfly-poster.png", "image/png", lambda: demo_media.poster_png(
            "Butterfly life cycle", "Egg, caterpillar, chrysalis, butterfly", "#2E7D5B",
            ["#F2C230", "#7A3FA0", "#1F5FAD", "#B3261E"]))),
    DemoArtifact(
        "Science fair: which paper towel absorbs the most?",
        "Our team tested four brands three times each and graphed the results. Photo of our display board.",
        "image", ("thinker", "collaborator"), FORMER_TEACHER, PREVIOUS, 125,
        DemoFile("science-fair.jpg", "image/jpeg", lambda: demo_media.photo_jpeg(
            "Science fair", "Brand C held 41 ml: twice brand A", "#D9EAD3", "#6B8E23",
            ["#1F5FAD", "#B3261E", "#F2C230", "#7A3FA0"]))),
    DemoArtifact(
        "Reading reflection: Charlotte's Web", "What friendship means in the book, and in my class.",
        "document", ("communicator", "self-aware"), STUDENT, PREVIOUS, 200,
        DemoFile("charlottes-web-reflection.pdf", "application/pdf", lambda: demo_media.text_pdf(
            "Reading reflection: Charlotte's Web", [
                "Charlotte helps Wilbur even though she knows she cannot stay. I think a real friend does what is "
                "good for you, not only what is fun.",
                "In my class, I want to be a friend like Charlotte: I will notice when someone is left out and ask "
                "them to join our group.",
                "My goal for next term: finish two chapter books and write one reflection for each."]))),
    DemoArtifact(
        "Class garden team journal", "Our team's shared journal: what we planted, measured and learned.",
        "link", ("collaborator", "self-aware"), FORMER_TEACHER, PREVIOUS, 285,
        link_url="https://example.org/class-garden/team-journal"),
    DemoArtifact(
        "Persuasive letter: more time for recess", "A letter to our principal with three reasons and evidence.",
        "document", ("communicator", "thinker"), STUDENT, CURRENT, 40,
        DemoFile("recess-letter.pdf", "application/pdf", lambda: demo_media.text_pdf(
            "Persuasive letter: more time for recess", [
                "Dear Principal, I am writing to ask for ten more minutes of recess every day.",
                "First, studies of students our age show that short breaks help us focus when we come back to class. "
                "Second, more time outside means more exercise. Third, recess is when we practise solving problems "
                "with each other without adults.",
                "Thank you for reading my letter. I would be happy to help plan a trial month."]))),
    DemoArtifact(
        "Bridge-building challenge", "Teams built bridges from craft sticks; ours held 2.4 kg before bending.",
        "image", ("innovator", "collaborator", "thinker"), TEACHER, CURRENT, 26,
        DemoFile("bridge-challenge.jpg", "image/jpeg", lambda: demo_media.photo_jpeg(
            "Bridge-building challenge", "Our bridge held 2.4 kg!", "#9FC5E8", "#8B5A2B",
            ["#B3261E", "#1B7F4C", "#F2C230", "#7A3FA0"]))),
    DemoArtifact(
        "Fractions comic strip", "I explained equivalent fractions with pizza in three panels.",
        "image", ("innovator", "self-aware"), STUDENT, CURRENT, 12,
        DemoFile("fractions-comic.png", "image/png", lambda: demo_media.comic_png(
            "Fractions comic", ["Pizza for four friends", "Each gets one quarter", "Two quarters make a half"],
            "#1F5FAD"))),
    DemoArtifact(
        "Class podcast: our town's history", "Our group interviewed a local historian for the class podcast.",
        "link", ("communicator", "collaborator"), TEACHER, CURRENT, 3,
        link_url="https://example.org/room-12/podcast/our-towns-history"),
)
