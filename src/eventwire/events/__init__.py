"""Events: clauses coded into CAMEO and PLOVER."""
