"""Support hours: support.yml -> SupportConfig, schedule maths in the company's zone, reply promises,
the customer's status at an instant, how hours read, and schema.org structured data.

The browser's helpgen-hours.js mirrors schedule.py and promises.py line by line (the parity test).
"""
