"""/api/v1/notifications and the live WebSocket (/ws)."""
