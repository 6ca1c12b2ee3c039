"""Grammar checking: LanguageTool, lingotweaker and Harper behind one interface, plus the policy
that turns their matches into flags and (only when safe) applied edits."""
