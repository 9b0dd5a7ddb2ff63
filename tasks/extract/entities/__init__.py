"""Named entities: one canonical row per real thing, and its mentions."""
