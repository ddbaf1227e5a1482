"""Event stores: where coded articles and their event records are kept."""
