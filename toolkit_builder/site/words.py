"""The interface words of the site's templates, by the name the templates use (`ui.<name>`).

UI holds English messages whose translations come from the gettext catalogues. SITE holds the
site's newer words with their translations here, one per site language, until they move into the
catalogues (a catalogue's translation, once there, wins).
"""

from __future__ import annotations

from ..i18n import N_, base_language, catalogue, text

UI = {
    "about": N_("About this workshop"),
    "agenda": N_("Agenda"),
    "all_languages": N_("All languages"),
    "all_workshops": N_("All"),
    "audience": N_("Audience"),
    "catalogue_intro": N_("Run a knowledge-transfer workshop at home: pick a workshop "
                           "and a language, download the toolkit and pass on what was learned "
                           "to your own colleagues."),
    "contact": N_("Contact"),
    "date": N_("Date"),
    "download_toolkit": N_("Download the toolkit"),
    "downloads": N_("Downloads"),
    "duration": N_("Duration"),
    "facilitator_notes": N_("Facilitator notes"),
    "facilitators": N_("Facilitators"),
    "filter_by_language": N_("Filter by language"),
    "filter_by_tag": N_("Filter by topic"),
    "item": N_("Item"),
    "in_language": N_("In {language}"),
    "kt_workshop": N_("Knowledge-transfer workshop"),
    "languages": N_("Languages"),
    "licence": N_("Licence"),
    "local_sessions": N_("Local sessions"),
    "no_sessions": N_("No local sessions are planned yet."),
    "not_translated": N_("This workshop has not been translated into this language "
                          "yet, so it is shown in its original language."),
    "not_translated_yet": N_("Not translated yet"),
    "objectives": N_("Objectives"),
    "origin": N_("Follows"),
    "original": N_("Original"),
    "partner_editions": N_("Partner editions"),
    "partners": N_("Partners"),
    "partners_intro": N_("Organisations that run these workshops at home: their local "
                          "sessions and their own co-branded toolkits."),
    "play_video": N_("Play the video"),
    "registration": N_("Registration"),
    "see_partners": N_("Partners and their local sessions"),
    "see_translations": N_("Which workshop is available in which language"),
    "separate_files": N_("Separate files"),
    "shown_count": N_("{shown} of {total} workshops"),
    "tags": N_("Topics"),
    "time": N_("Time"),
    "toolkit_blurb": N_("Everything you need to run the session, in one file."),
    "toolkits": N_("Toolkits"),
    "translated": N_("Translated"),
    "translations": N_("Translations"),
    "translations_intro": N_("Every workshop and the languages it is available in. A workshop "
                              "not yet translated into a language is shown there in its "
                              "original language."),
    "venue": N_("Venue"),
    "video": N_("Video"),
    "video_privacy": N_("Nothing is loaded from {host} until you press play."),
    "watch_video": N_("Watch it on {host}"),
    "workshop": N_("Workshop"),
    "workshops": N_("Workshops"),
}


# The languages SITE gives every word in; the site's languages must be among them
# (tests/test_site_newcomer.py).
SITE_LANGUAGES = ("en", "nb", "es")
SITE = {
    "back_home": {"en": "Back to the workshops", "nb": "Tilbake til workshopene",
                  "es": "Volver a los talleres"},
    "close": {"en": "Close", "nb": "Lukk", "es": "Cerrar"},
    "last_updated": {"en": "Last updated", "nb": "Sist oppdatert", "es": "Última actualización"},
    "not_found": {"en": "Page not found", "nb": "Fant ikke siden", "es": "Página no encontrada"},
    "not_found_text": {
        "en": "This page does not exist, or it has moved. Search the site, or go back to the "
              "workshops.",
        "nb": "Denne siden finnes ikke, eller den er flyttet. Søk på nettstedet, eller gå "
              "tilbake til workshopene.",
        "es": "Esta página no existe o se ha trasladado. Busca en el sitio o vuelve a los "
              "talleres."},
    "open_image": {"en": "Open the image full size", "nb": "Åpne bildet i full størrelse",
                   "es": "Abrir la imagen a tamaño completo"},
    "problems": {"en": "Problems in the sources", "nb": "Problemer i kildefilene",
                 "es": "Problemas en los archivos fuente"},
    "problems_hint": {"en": "Fix them and save: the page reloads by itself.",
                      "nb": "Rett dem og lagre: siden lastes inn på nytt av seg selv.",
                      "es": "Corrígelos y guarda: la página se recarga sola."},
    "problems_more": {"en": "and {count} more", "nb": "og {count} til", "es": "y {count} más"},
    "scroll_hint": {"en": "Scroll sideways to see the whole table",
                    "nb": "Rull sidelengs for å se hele tabellen",
                    "es": "Desplázate hacia el lado para ver toda la tabla"},
    "search_site": {"en": "Search the site", "nb": "Søk på nettstedet",
                    "es": "Buscar en el sitio"},
    "show_notes": {"en": "Show facilitator notes", "nb": "Vis notater for fasilitator",
                   "es": "Mostrar las notas para el facilitador"},
    "sources": {"en": "Sources of the workshops", "nb": "Kildefilene til workshopene",
                "es": "Archivos fuente de los talleres"},
    "topic_link": {"en": "All workshops on {tag}", "nb": "Alle workshoper om {tag}",
                   "es": "Todos los talleres sobre {tag}"},
}


def site_word(lang: str, key: str) -> str:
    """Return one of SITE's words in a language: the catalogue's, SITE's, else English."""
    english = SITE[key]["en"]
    translated = catalogue(lang).gettext(english)
    if translated != english:
        return translated
    return SITE[key].get(base_language(lang), english)


def words(lang: str) -> dict[str, str]:
    """Return every interface word of the site's templates in a language."""
    found = {key: text(lang, message) for key, message in UI.items()}
    return found | {key: site_word(lang, key) for key in SITE}
