"""Prose written for the fluency detector's tests (both operating points): nothing here comes from a data set."""

# Ordinary news prose with names, numbers, quotations and rare words in context.
FLUENT = [
    "The regional council approved a new budget on Tuesday after a debate that lasted most of the night.",
    "Mayor Ilse Vandermeulen-Achterberg opened the 2,450-seat concert hall in Ghent on 3 March.",
    "“We will rebuild every house the river took,” said Councillor Tomasz Wierzbicki, 58, a retired engineer.",
    "The index rose 3.7% to 18,245 points, its highest close since 2019, as shares of miners rallied.",
    "Farmers in the valley fear that a second dry summer will cut wheat and barley yields again.",
    "Geologists said the quake, of magnitude 5.1, struck at a depth of 12 km near the village of Oberhofen.",
    "The ferry operator cancelled all sailings to the islands until the gale eased on Thursday evening.",
    "Doctors at the clinic treated 140 patients for heatstroke, most of them elderly, the ministry said.",
]
