"""Evaluation against gold-standard suites (separate from the tests)."""
