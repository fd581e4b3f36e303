"""skima: explainable candidate matching for TrackerRMS."""
