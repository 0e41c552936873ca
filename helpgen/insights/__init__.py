"""Insights: what visitors searched and could not find, which articles helped, where they asked for a
person; without an analytics vendor.

The site's pages send small events (themes/helpcenter/assets/javascripts/helpgen-events.js); the
collector takes them over HTTP (collector.py, server.py) and keeps them (store.py: SQLite or PostgreSQL,
through writer.py's group commit); the report reads them back as aggregates (report.py, rendered by
report_text.py and report_html.py); replay.py asks a new build the searches that found nothing, and
suggest.py turns refined searches into synonyms. Importing this package imports no web framework.
"""
