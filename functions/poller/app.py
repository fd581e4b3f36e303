"""poller function (completed by a later issue)."""
