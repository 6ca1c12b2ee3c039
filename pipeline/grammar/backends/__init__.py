"""Grammar backends; each imports its checker lazily so a missing optional package only matters
when that backend is asked for."""
