"""/api/v1/media: the media library."""
