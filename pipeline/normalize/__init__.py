"""Unicode and whitespace repair (ftfy) with every change recorded as an edit."""
