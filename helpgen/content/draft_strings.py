"""TEMPORARY: the English texts of issue #12's new strings until helpgen.i18n lands; then they move to
helpgen/i18n/messages/*.yml and this module goes."""
from __future__ import annotations

EN = {
    "header.contact": "Contact",
    "person.title": "Need a person?",
    "contact.all_options": "All contact options",
    "contact.still_need_help": "Still need help? Contact {organization}",
    "contact.hours_caption": "Support hours ({zone})",
    "contact.lead": "How to reach {organization}, when we are there, and when you will hear back.",
    "contact.hours_title": "Support hours",
    "contact.hours_zone": "Opening hours and holiday hours are in {zone}.",
    "contact.status_zone": "Live statuses and reply times on this page are in your time ({zone}); the opening hours and holidays are in {company}.",
    "contact.status_zone_same": "All times on this page are {zone}, which is your time too.",
    "contact.holidays_title": "Holidays",
    "contact.holiday": "Holiday",
    "contact.date": "Date",
    "contact.hours": "Hours",
    "contact.no_holidays": "No holidays are planned.",
    "contact.next_holiday": "Next holiday: {holiday}, {date}: {hours}",
    "breadcrumb.label": "Breadcrumb",
    "search.none_title": "No article matches \u201c{query}\u201d. Ask us instead:",
    "home.search_label": "Search {count} answers",
    "home.search_button": "Search",
    "home.popular": "Popular questions",
    "home.article_count": {"one": "{count} article", "other": "{count} articles"},
    "home.browse": "Browse by topic",
    "notfound.title": "We can't find that page",
    "notfound.lead": "The link may be old or mistyped, or the page has moved. Search for what you need, try a popular answer, or ask us.",
    "notfound.search_label": "Search the help center",
    "notfound.html_title": "Page not found",
    "feedback.question": "Was this helpful?",
    "feedback.yes": "Yes",
    "feedback.no": "No",
    "feedback.thanks": "Thank you for telling us.",
    "feedback.sorry": "Sorry this did not help. Ask us: your message will already name this article.",
    "feedback.mail_subject": "Question about: {title}",
    "feedback.mail_body": "I read \"{title}\" ({url}) and still need help:\n\n",
}


def t(key: str, **params) -> str:
    value = EN[key]
    if isinstance(value, dict):
        value = value["one" if params.get("count") == 1 else "other"]
    return value.format(**params)
