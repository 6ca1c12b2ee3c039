"""Benchmarks: dated tables in README.md, each with the command that produced it."""
