"""The Graph API's error envelope, as Meta answers on graph.facebook.com and
graph.instagram.com (https://developers.facebook.com/docs/graph-api/guides/error-handling)."""

import uuid
from typing import Any


class GraphError(Exception):
    def __init__(
        self,
        status: int,
        code: int,
        subcode: int,
        message: str,
        transient: bool = False,
        user_title: str = "",
        user_message: str = "",
    ) -> None:
        super().__init__(message)
        # Meta's words for the person, which it sends with most content-publishing errors.
        self.user_title, self.user_message = user_title, user_message
        # Response headers (a throttled call's usage headers).
        self.headers: dict[str, str] = {}
        self.status, self.code, self.subcode, self.message, self.transient = (
            status,
            code,
            subcode,
            message,
            transient,
        )


def error_body(err: GraphError) -> dict[str, Any]:
    body: dict[str, Any] = {
        "message": err.message,
        "type": "OAuthException",
        "code": err.code,
        "is_transient": err.transient,
        "fbtrace_id": uuid.uuid4().hex[:20],
    }
    if err.subcode:
        body["error_subcode"] = err.subcode
    if err.user_message:
        body["error_user_title"] = err.user_title
        body["error_user_msg"] = err.user_message
    return {"error": body}
