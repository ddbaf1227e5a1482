"""Quotes: direct and reported speech, with the speaker resolved to a coded actor.

marks.py pairs quotation marks into quoted spans (our own, not textacy's: see
there why); attribution.py reads cues and their speaker phrases in the parse;
direct.py attributes each quoted span to one; reported.py reads reported
speech with the same cues; speakers.py turns speaker phrases into actors
through the story's mentions, pronouns, titles and earlier speakers;
extract.py puts them together. The cue words are data
(data/quote_cues.yaml).
"""

from eventwire.quotes.extract import extract_quotes, link_events_to_quotes, quote_id

__all__ = ["extract_quotes", "link_events_to_quotes", "quote_id"]
