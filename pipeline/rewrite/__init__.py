"""The rewriter: candidate repairs of flagged sentences, chosen by a language model, checked by guards."""
