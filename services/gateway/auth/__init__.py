"""/api/v1/auth: registration, sign-in, sessions and the audit log."""
