"""Which secret settings each process reads. Its pod or container is given these and no
others (deploy/base, docker-compose.yml; tests/deploy checks both against this table), and
outside local runs a process refuses to start while one of its own is left at its built-in
development value (lib/common/config.py, by POSTFLOW_PROCESS)."""

SECRETS_OF: dict[str, frozenset[str]] = {
    "users": frozenset({"database_url", "jwt_secret", "smtp_password"}),
    "posts": frozenset({"database_url", "nats_url"}),
    "scheduler": frozenset(
        {
            "database_url",
            "nats_url",
            "token_encryption_keys",
            "meta_app_id",
            "meta_app_secret",
            "instagram_app_id",
            "instagram_app_secret",
        }
    ),
    "media": frozenset(
        {"database_url", "nats_url", "s3_access_key", "s3_secret_key", "media_url_signing_key"}
    ),
    "realtime": frozenset(
        {"database_url", "nats_url", "jwt_secret", "jwt_previous_secrets", "smtp_password"}
    ),
    # Verifies access tokens; talks to the others over gRPC only.
    "gateway": frozenset({"jwt_secret", "jwt_previous_secrets"}),
    # Opens the sealed Instagram tokens; signs its Graph API calls (appsecret_proof).
    "worker": frozenset({"nats_url", "token_encryption_keys", "meta_app_secret", "instagram_app_secret"}),
    # One-shot steps before a process starts.
    "migrate": frozenset({"database_url"}),
    "temporal-namespace": frozenset(),
}
