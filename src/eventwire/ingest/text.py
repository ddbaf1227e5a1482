"""Plain-text stories: a file is one story, its first short line the headline."""

from __future__ import annotations

from eventwire.ingest.story import RawStory


def read_text(text: str, input_name: str, story_id: str) -> RawStory:
    """A plain-text story; the cleaner finds its headline, byline and dateline."""
    return RawStory(id=story_id, body=text, input_name=input_name)
