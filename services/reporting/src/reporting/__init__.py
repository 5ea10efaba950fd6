"""The reporting service: read models fed by events, with small-cell suppression; never an individual record."""
