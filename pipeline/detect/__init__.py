"""Detectors for MT artefacts, boilerplate, metadata, glued words, broken sentences, consistency."""
