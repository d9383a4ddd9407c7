"""The website: MkDocs hooks, template overrides and assets that turn the workshops into a site.

MkDocs renders every page body itself (with mkdocs.yml's Markdown extensions); this package only
adds what the sources' metadata gives: the catalogue, the workshop header, agenda and downloads.
"""
