"""Input documents as text units, and writers that put edited units back."""
