"""Evaluation: run the pipeline on a folder and score its flags and edits against a gold file."""
