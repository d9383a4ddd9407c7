"""The artifact plan as data: which file each (workshop, language, partner, kind) becomes.

Phase one renders documents from the model; phase two packs documents into packages (zips)
from phase one's bytes, never rendering again. The plan is a pure function of the project.
"""

from __future__ import annotations

from dataclasses import dataclass

from .artifacts import download_path
from .kinds import Kind, Phase, kinds
from .model import Workshop
from .partners import Partner


@dataclass(frozen=True)
class Job:
    """One artifact to make: a kind applied to a workshop in one language, for a partner or none."""

    kind: Kind
    workshop: Workshop
    path: str
    partner: Partner | None = None
    inputs: tuple[str, ...] = ()    # for a package: the paths of the documents it is made from

    @property
    def partner_slug(self) -> str:
        """Return the partner's slug, or '' for the project's own version."""
        return self.partner.slug if self.partner else ""


@dataclass(frozen=True)
class Plan:
    """Every job of a build, by phase, in a stable order."""

    documents: tuple[Job, ...]
    packages: tuple[Job, ...]

    @property
    def jobs(self) -> tuple[Job, ...]:
        """Return every job, documents first."""
        return self.documents + self.packages


def editions(workshop: Workshop, partners: tuple[Partner, ...]) -> list[Partner | None]:
    """Return who gets a version of a workshop: the project itself, then each partner running it."""
    return [None, *(p for p in partners if p.runs(workshop.slug, workshop.lang))]


def job(kind: Kind, workshop: Workshop, partner: Partner | None,
        inputs: tuple[str, ...] = ()) -> Job:
    """Return the job of one kind for a workshop and a partner."""
    path = download_path(workshop.slug, workshop.lang, kind.name, partner.slug if partner else "")
    return Job(kind, workshop, path, partner, inputs)


def plan_build(workshops: list[Workshop], partners: tuple[Partner, ...] = ()) -> Plan:
    """Return the plan of every artifact of the workshops, for the project and its partners."""
    documents: list[Job] = []
    packages: list[Job] = []
    for workshop in workshops:
        for partner in editions(workshop, partners):
            mine = [job(k, workshop, partner) for k in kinds(Phase.DOCUMENT)
                    if partner is None or k.per_partner]
            documents.extend(mine)
            inputs = tuple(j.path for j in mine)
            packages.extend(job(k, workshop, partner, inputs) for k in kinds(Phase.PACKAGE)
                            if partner is None or k.per_partner)
    return Plan(tuple(documents), tuple(packages))
