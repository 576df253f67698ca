"""Scheduling: a post's publish time, recurring series, and Instagram accounts."""
