"""`python -m devtools.compose_env [ENV_FILE] [DIR]`: each Postflow process's environment file
for docker-compose.yml, made from the one `.env` (default: .env into secrets/env): every
Postflow setting that is not a secret, and of the secrets only the process's own
(lib/common/process_secrets.py), so that no container holds another process's secrets. Run
it again after every change to `.env`. The files are readable by their owner only."""

import os
import sys
from pathlib import Path

from lib.common.process_secrets import SECRETS_OF

SECRETS = {f"POSTFLOW_{name.upper()}" for names in SECRETS_OF.values() for name in names}
# Set by docker-compose.yml per service (its own, from the compose file's variables).
SET_BY_COMPOSE = {
    "POSTFLOW_PROCESS",
    "POSTFLOW_DATABASE_URL",
    "POSTFLOW_NATS_URL",
    "POSTFLOW_S3_ACCESS_KEY",
    "POSTFLOW_S3_SECRET_KEY",
}


def settings_of(env_file: Path) -> dict[str, str]:
    found = {}
    for line in env_file.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            name, value = line.split("=", 1)
            found[name.strip()] = value
    return found


def files_for(settings: dict[str, str]) -> dict[str, str]:
    """process -> its env file's text."""
    shared = {
        k: v for k, v in settings.items() if k.startswith("POSTFLOW_") and k not in SECRETS | SET_BY_COMPOSE
    }
    texts = {}
    for process, own in SECRETS_OF.items():
        mine = {f"POSTFLOW_{name.upper()}" for name in own} - SET_BY_COMPOSE
        lines = [f"{k}={v}" for k, v in sorted(shared.items())]
        lines += [f"{k}={settings[k]}" for k in sorted(mine) if k in settings]
        texts[process] = "\n".join(lines) + "\n"
    return texts


def write(env_file: Path, directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for process, text in files_for(settings_of(env_file)).items():
        path = directory / f"{process}.env"
        path.write_text(text)
        os.chmod(path, 0o600)
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    if len(argv) > 2:
        print("usage: python -m devtools.compose_env [ENV_FILE] [DIR]", file=sys.stderr)
        return 2
    env_file = Path(argv[0]) if argv else Path(".env")
    directory = Path(argv[1]) if len(argv) > 1 else Path("secrets/env")
    written = write(env_file, directory)
    print(f"{len(written)} environment files in {directory}, one per process")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
