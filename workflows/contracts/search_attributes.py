"""The Temporal search attributes a post's publishing workflow carries, so that operators
find it in the Temporal UI (`PostId = "..."`, `AccountId = "..." AND ScheduledTime <
"2026-12-24T00:00:00Z"`). Registered on the namespace before anything starts a workflow:
by the dev server's flags (make run, the tests) and by `python -m workflows.search_attributes`
(docker-compose.yml and deploy/). Never rename one: workflows carry them."""

from datetime import datetime

from temporalio.common import SearchAttributeKey, SearchAttributePair, TypedSearchAttributes

POST_ID = SearchAttributeKey.for_keyword("PostId")
USER_ID = SearchAttributeKey.for_keyword("UserId")
ACCOUNT_ID = SearchAttributeKey.for_keyword("AccountId")
SCHEDULED_TIME = SearchAttributeKey.for_datetime("ScheduledTime")
ALL = (POST_ID, USER_ID, ACCOUNT_ID, SCHEDULED_TIME)


def of_post(*, post_id: str, user_id: str, account_id: str, scheduled: datetime) -> TypedSearchAttributes:
    return TypedSearchAttributes(
        [
            SearchAttributePair(POST_ID, post_id),
            SearchAttributePair(USER_ID, user_id),
            SearchAttributePair(ACCOUNT_ID, account_id),
            SearchAttributePair(SCHEDULED_TIME, scheduled),
        ]
    )
