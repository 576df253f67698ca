"""Request bodies of /api/v1/auth."""

from pydantic import Field

from services.gateway.requests import RequestBody, documented

# The users service checks these (every problem of a request in one answer); the document
# states them so that clients can check first. 8 is the default password_min_length.
Password = documented(minLength=8, maxLength=1024)


class RegisterIn(RequestBody):
    email: str
    password: Password
    name: str = ""
    timezone: str = Field("UTC", description="IANA time zone, e.g. Europe/Paris")


class ProfileIn(RequestBody):
    name: str = Field(None, max_length=200)
    timezone: str = Field(None, max_length=64, description="IANA time zone, e.g. Europe/Paris")


class LoginIn(RequestBody):
    email: str
    password: str


class RefreshIn(RequestBody):
    refresh_token: str = Field(
        "", description="Required (else 401), except from the web app: its cookie holds it"
    )


class PasswordChangeIn(RequestBody):
    current_password: str
    new_password: Password


class PasswordResetIn(RequestBody):
    email: str


class PasswordResetConfirmIn(RequestBody):
    token: str = Field(description="From the reset email")
    new_password: Password
