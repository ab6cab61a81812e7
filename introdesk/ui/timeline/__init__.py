"""The timeline view: every event, newest first, grouped by day, with filters."""
