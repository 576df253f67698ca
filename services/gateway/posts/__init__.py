"""/api/v1/posts, its versions and autosave, templates and hashtag suggestions."""
