"""The Instagram Graph API client: a library used by the scheduler and the workflow worker."""
