"""While `serve` runs: the findings of the sources, shown in every page as a small fixed banner.

The hooks learn of them when they load the project (state.load_state): each finding has its file,
line and message. `build` never shows the banner: it stops on errors instead. Everything in the
banner comes from the sources, so all of it is escaped.
"""

from __future__ import annotations

from markupsafe import Markup

from ..diagnostics import Diagnostic
from .words import site_word

SHOWN = 12          # findings listed; the rest are counted
BODY_END = "</body>"


def banner(findings: list[Diagnostic], lang: str) -> str:
    """Return the banner listing findings (errors first) by file and line, or '' for none."""
    if not findings:
        return ""
    ordered = sorted(findings, key=lambda d: (d.level != "error", d.pos.path, d.pos.line))
    items = [Markup('<li class="ktw-problems__item ktw-problems__item--{}"><code>{}</code> '
                    '<strong>{}</strong>: {}</li>').format(d.level, str(d.pos), d.level, d.message)
             for d in ordered[:SHOWN]]
    if len(ordered) > SHOWN:
        more = site_word(lang, "problems_more").replace("{count}", str(len(ordered) - SHOWN))
        items.append(Markup('<li class="ktw-problems__more">{}</li>').format(more))
    return str(Markup(
        '<aside class="ktw-problems" role="status" aria-labelledby="ktw-problems-title">'
        '<p id="ktw-problems-title" class="ktw-problems__title">{} ({})</p>'
        '<ul class="ktw-problems__list">{}</ul><p class="ktw-problems__hint">{}</p></aside>'
    ).format(site_word(lang, "problems"), len(ordered), Markup("").join(items),
             site_word(lang, "problems_hint")))


def with_banner(html: str, findings: list[Diagnostic], lang: str) -> str:
    """Return a page with the findings' banner at the end of its body (unchanged without any)."""
    shown = banner(findings, lang)
    if not shown or BODY_END not in html:
        return html
    at = html.rindex(BODY_END)
    return html[:at] + shown + html[at:]

