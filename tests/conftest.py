"""Shared fixtures: one loaded Coder for the whole session (the model loads once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.pipeline import Coder

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder.load()
