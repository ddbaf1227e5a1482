"""Helpers shared by test modules (on pytest's pythonpath: test modules are
imported in importlib mode and cannot import each other)."""
