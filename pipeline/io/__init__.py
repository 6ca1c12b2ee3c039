"""Reading inputs (files, folders, JSONL) and writing outputs atomically."""
