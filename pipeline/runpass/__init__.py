"""Run-level passes: work that needs every document of a run, done after (or before) the per-document stages."""
