"""/api/v1/workspaces and /api/v1/invitations: workspaces, their members and invitations;
and which workspace a request acts in (access.py)."""
