"""The interface words of the site's templates, by the name the templates use (`ui.<name>`).

The values are the English messages; each language's words come from the gettext catalogues.
"""

from __future__ import annotations

from ..i18n import N_, text

UI = {
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


def words(lang: str) -> dict[str, str]:
    """Return every interface word of the site's templates in a language."""
    return {key: text(lang, message) for key, message in UI.items()}
