"""Actors: noun phrases to coded actors (country, sector, organisation, person)."""
