"""What the partner pages show: each partner's logo, contact, local sessions and toolkits; the
partners index."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..artifacts import Artifact
from ..formatting import human_date
from ..i18n import text
from ..partners import Partner, Session
from .state import SiteState
from .toolkits import Shelf, shelf
from .views import words

# (path in the site without its language prefix, language) -> the address of that page in the site
Linker = Callable[[str, str], str]
LOGOS = "assets/partners"


@dataclass(frozen=True)
class SessionView:
    """A partner's local session as its page lists it."""

    slug: str
    title: str
    lang: str
    url: str
    date: str
    iso_date: str
    when: str
    start: str
    venue: str
    facilitators: tuple[str, ...]
    registration: str


@dataclass(frozen=True)
class Kit:
    """A partner's toolkit and separate files of one workshop in one language."""

    slug: str
    title: str
    lang: str
    url: str
    shelf: Shelf


@dataclass(frozen=True)
class PartnerView:
    """Everything a partner's page shows."""

    ui: dict
    slug: str
    name: str
    logo: str
    contact_name: str
    contact_email: str
    languages: tuple[str, ...]
    sessions: tuple[SessionView, ...]
    kits: tuple[Kit, ...]
    index_url: str


@dataclass(frozen=True)
class PartnerCard:
    """A partner in the partners index."""

    slug: str
    name: str
    url: str
    logo: str
    languages: tuple[str, ...]
    sessions: int
    workshops: tuple[str, ...]


@dataclass(frozen=True)
class PartnersIndex:
    """The partners page: every partner as a card."""

    ui: dict
    cards: tuple[PartnerCard, ...]


def logo_path(partner: Partner) -> str:
    """Return where a partner's logo lands in the site."""
    return f"{LOGOS}/{partner.slug}/logo.svg"


def logo_url(state: SiteState, partner: Partner) -> str:
    """Return the site path of a partner's logo, or '' when its theme has no SVG logo."""
    return logo_path(partner) if state.partner_logo(partner) else ""


def title_in(state: SiteState, slug: str, lang: str) -> tuple[str, str]:
    """Return a workshop's title in a language (its original one when untranslated) and that
    title's language."""
    workshop = state.translations(slug).get(lang) or state.project.original(slug)
    return (workshop.meta.title, workshop.lang) if workshop else (slug, lang)


def session_language(partner: Partner, session: Session, ui_lang: str) -> str:
    """Return the language a session is held in: its own, else the page's when the partner runs
    it."""
    if session.language:
        return session.language
    return ui_lang if ui_lang in partner.languages else (partner.languages or (ui_lang,))[0]


def session_view(state: SiteState, partner: Partner, session: Session, link: Linker,
                 ui_lang: str) -> SessionView:
    """Return a session as the partner's page shows it, dated in the interface language."""
    lang = session_language(partner, session, ui_lang)
    title, title_lang = title_in(state, session.workshop, lang)
    date = human_date(session.date, ui_lang)
    when = (text(ui_lang, "{date} at {time}", date=date, time=session.start) if session.start
            else date)
    return SessionView(slug=session.workshop, title=title, lang=title_lang,
                       url=link(session.workshop, lang), date=date, iso_date=session.date,
                       when=when, start=session.start or "", venue=session.venue,
                       facilitators=session.facilitators, registration=session.registration)


def runs(state: SiteState, partner: Partner) -> list[tuple[str, str]]:
    """Return the (workshop, language) pairs a partner runs, in workshop then site-language order.

    Like the build plan, only a workshop's real translations count: an untranslated one gets no
    edition.
    """
    return [(slug, lang) for slug in sorted(state.project.workshops)
            for lang in state.settings.languages
            if lang in state.translations(slug) and partner.runs(slug, lang)]


def kits(state: SiteState, partner: Partner, artifacts: list[Artifact], link: Linker,
         ui_lang: str) -> tuple[Kit, ...]:
    """Return a partner's toolkits and files per workshop and language; pairs with nothing built
    are left out."""
    found = []
    names = state.settings.languages
    for slug, lang in runs(state, partner):
        offer = shelf(artifacts, slug, lang, names.get(lang, lang), ui_lang, partner.slug)
        if not offer.empty:
            title, title_lang = title_in(state, slug, lang)
            found.append(Kit(slug, title, title_lang, link(slug, lang), offer))
    return tuple(found)


def partner_view(state: SiteState, partner: Partner, artifacts: list[Artifact], link: Linker,
                 ui_lang: str) -> PartnerView:
    """Return the view of a partner's page built for the interface language `ui_lang`."""
    names = state.settings.languages
    sessions = sorted(partner.sessions, key=lambda s: (s.date, s.start or "", s.workshop))
    return PartnerView(
        ui=words(ui_lang), slug=partner.slug, name=partner.name, logo=logo_url(state, partner),
        contact_name=partner.contact_name, contact_email=partner.contact_email,
        languages=tuple(names.get(lang, lang) for lang in partner.languages),
        sessions=tuple(session_view(state, partner, s, link, ui_lang) for s in sessions),
        kits=kits(state, partner, artifacts, link, ui_lang), index_url=link("partners", ui_lang))


def partners_index(state: SiteState, link: Linker, ui_lang: str) -> PartnersIndex:
    """Return the partners page: every partner by name, with the workshops it runs in the
    interface language."""
    names = state.settings.languages
    cards = []
    for partner in sorted(state.project.partners, key=lambda p: p.name.casefold()):
        workshops = dict.fromkeys(title_in(state, slug, ui_lang)[0]
                                  for slug, _ in runs(state, partner))
        cards.append(PartnerCard(
            slug=partner.slug, name=partner.name, url=link(f"partners/{partner.slug}", ui_lang),
            logo=logo_url(state, partner),
            languages=tuple(names.get(lang, lang) for lang in partner.languages),
            sessions=len(partner.sessions), workshops=tuple(workshops)))
    return PartnersIndex(ui=words(ui_lang), cards=tuple(cards))
