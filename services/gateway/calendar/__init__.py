"""/api/v1/calendar: the content calendar."""
