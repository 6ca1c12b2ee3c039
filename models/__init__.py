"""Model registry: which models postedit uses, where they come from and how they are prepared."""
