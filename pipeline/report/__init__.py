"""Rendering reports: HTML review pages and the run index."""
