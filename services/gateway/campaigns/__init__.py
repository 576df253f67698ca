"""Campaigns: named pushes that posts belong to, and their timelines."""
