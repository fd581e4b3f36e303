"""The hiring manager's shortlist: share links, the no-login page, and feedback written back to Tracker."""
