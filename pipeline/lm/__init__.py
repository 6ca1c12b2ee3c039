"""Language models as measuring instruments: causal-LM fluency scores and sentence similarity."""
