"""Domain errors shared by the services; gRPC and HTTP codes are derived from `kind`."""

from dataclasses import dataclass, field


@dataclass
class Violation:
    field: str
    message: str


@dataclass
class ServiceError(Exception):
    # One of: invalid, not_found, conflict, unauthenticated, forbidden, too_large, unavailable,
    # rate_limited.
    kind: str
    code: str
    message: str
    violations: list[Violation] = field(default_factory=list)
    context: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


def invalid(violations: list[Violation], message: str = "") -> ServiceError:
    """Every violation at once; the message lists them unless one is given."""
    message = (
        message or "; ".join(f"{v.field}: {v.message}" for v in violations) or "The request is not valid"
    )
    return ServiceError("invalid", "validation_error", message, violations)


def invalid_field(field_name: str, message: str) -> ServiceError:
    return invalid([Violation(field_name, message)], message=f"{field_name}: {message}")


def not_found(what: str) -> ServiceError:
    return ServiceError("not_found", "not_found", f"{what} not found")


def conflict(code: str, message: str, **context: str) -> ServiceError:
    return ServiceError("conflict", code, message, context=context)


def unauthenticated(message: str) -> ServiceError:
    return ServiceError("unauthenticated", "unauthenticated", message)


def forbidden(message: str) -> ServiceError:
    """Known to the caller, but not theirs to do (a member whose role lacks the right). Who
    is not a member gets not_found instead: a workspace's ids tell outsiders nothing."""
    return ServiceError("forbidden", "forbidden", message)


def rate_limited(message: str, retry_after_seconds: float) -> ServiceError:
    """Too many attempts: a 429 whose Retry-After says when to try again."""
    wait = max(1, int(retry_after_seconds + 0.999))
    return ServiceError("rate_limited", "rate_limited", message, context={"retry_after_seconds": str(wait)})
