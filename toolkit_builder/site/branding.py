"""The site's branding from themes/<name>/: colours, self-hosted fonts, logo and favicon.

Every file lands under assets/toolkit/ of the site, so a partner theme changes the site by
changing its theme.yml, never mkdocs.yml; nothing is fetched from a font CDN.
"""

from __future__ import annotations

from pathlib import Path

from ..theme import Theme

ASSETS = "assets/toolkit"
STATIC = Path(__file__).resolve().parent / "assets"
# The site's own style sheets, in the order pages load them (after theme.css).
STYLES = ("toolkit.css", "reading.css", "chrome.css", "print.css")
# font file key -> (CSS weight, CSS style)
FACES = {"regular": (400, "normal"), "italic": (400, "italic"), "semibold": (600, "normal"),
         "bold": (700, "normal"), "bolditalic": (700, "italic")}

def _mix(colour: str, other: str, share: float) -> str:
    """Return `colour` mixed with `other` (both #rrggbb), `share` of `other`."""
    a = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b, strict=True))


def font_files(theme: Theme) -> dict[str, Path]:
    """Return the theme's font files by key, as the site serves them: fonts/<file name>."""
    return {key: path for key, path in theme.font_files.items() if path and key in FACES}


def files(theme: Theme) -> dict[str, Path]:
    """Return every branding file by its address in the site."""
    out = {f"{ASSETS}/fonts/{path.name}": path for path in font_files(theme).values()}
    for path in (theme.logo, theme.favicon, theme.funder_logo):
        if path:
            out[f"{ASSETS}/{path.name}"] = path
    for path in sorted(STATIC.iterdir()):
        out[f"{ASSETS}/{path.name}"] = path
    return out


def font_faces(theme: Theme) -> str:
    """Return @font-face rules for the theme's own font files."""
    rules = []
    for key, path in font_files(theme).items():
        weight, style = FACES[key]
        rules.append(f'@font-face{{font-family:"{theme.body_font}";font-style:{style};font-weight:{weight};'
                     f'font-display:swap;src:url("fonts/{path.name}") format("truetype")}}')
    return "\n".join(rules)


def theme_css(theme: Theme) -> str:
    """Return the CSS that maps the theme's colours and fonts onto mkdocs-material's variables."""
    # validated #rrggbb, every one set (themes/default/theme.yml gives the defaults)
    c = theme.colours
    mono = f'"{theme.mono_font}", ' if theme.mono_font else ""
    return (f"/* Generated from the toolkit theme '{theme.name}'; "
            "edit themes/<name>/theme.yml instead. */"
            f"""
{font_faces(theme)}
:root {{
  --md-primary-fg-color: {c['primary']};
  --md-primary-fg-color--light: {_mix(c['primary'], '#ffffff', 0.25)};
  --md-primary-fg-color--dark: {_mix(c['primary'], '#000000', 0.25)};
  --md-accent-fg-color: {_mix(c['accent'], '#000000', 0.3)};
  --md-accent-fg-color--transparent: {c['accent']}1a;
  --md-typeset-a-color: {c['primary']};
  --md-text-font: "{theme.body_font}";
  --md-code-font: {mono}ui-monospace;
  --ktw-primary: {c['primary']};
  --ktw-accent: {c['accent']};
  --ktw-accent-dark: {_mix(c['accent'], '#000000', 0.35)};
  --ktw-accent-tint: {_mix(c['accent'], '#ffffff', 0.88)};
  --ktw-text: {c['text']};
  --ktw-muted: {c['muted']};
  --ktw-light: {c['light']};
  --ktw-heading-font: "{theme.heading_font}", "{theme.body_font}", sans-serif;
}}
""")
