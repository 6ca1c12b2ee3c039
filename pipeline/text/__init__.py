"""Text utilities shared by stages: segmentation, the spaCy pipeline, word lists."""
