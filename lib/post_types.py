"""The kinds of post Postflow publishes (shared by the services that check them)."""

POST_TYPES = ("photo", "video", "carousel", "reel", "story")
