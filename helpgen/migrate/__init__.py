"""Bringing a help center from elsewhere: redirects and moved URLs, `helpgen check --fix`, importers."""
