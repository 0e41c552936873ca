"""Support hours: support.yml -> SupportConfig, schedule maths in the company's zone, reply promises,
the customer's status at an instant, how hours read, and schema.org structured data.

The browser's engine mirrors these modules line by line, one file each (the parity tests hold them together):
helpgen-schedule.js (schedule.py), helpgen-notice-effects.js (notice_effects.py, instants.py),
helpgen-promises.js (promises.py) and helpgen-hours-today.js (notices.py), gathered by helpgen-hours.js.
"""
