"""postedit: clean machine-translated, web-scraped English news text with replayable change reports."""
