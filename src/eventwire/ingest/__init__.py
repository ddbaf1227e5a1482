"""Ingest: raw inputs (files, stdin, JSONL) in, cleaned `Article` records out."""

from eventwire.ingest.readers import read_inputs

__all__ = ["read_inputs"]
