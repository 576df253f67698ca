"""Request bodies of /api/v1/auth."""

from pydantic import Field

from services.gateway.requests import RequestBody


class RegisterIn(RequestBody):
    email: str
    password: str
    name: str = ""
    timezone: str = Field("UTC", description="IANA time zone, e.g. Europe/Paris")


class LoginIn(RequestBody):
    email: str
    password: str


class RefreshIn(RequestBody):
    refresh_token: str


class PasswordChangeIn(RequestBody):
    current_password: str
    new_password: str


class PasswordResetIn(RequestBody):
    email: str


class PasswordResetConfirmIn(RequestBody):
    token: str = Field(description="From the reset email")
    new_password: str
