"""Local stack: the Tracker simulator and the local runner of the built SAM artifacts."""
