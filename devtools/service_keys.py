"""`python -m devtools.service_keys DIR`: every process's identity key pair, made once for a
deployment (docker-compose.yml copies DIR into the processes' volume; deploy/ makes Secrets
of it). Pairs already in DIR are kept."""

import sys
from pathlib import Path

from lib.common import service_identity


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m devtools.service_keys DIR", file=sys.stderr)
        return 2
    directory = Path(argv[0])
    service_identity.ensure_keys(directory)
    print(f"identity keys of {', '.join(service_identity.IDENTITIES)} in {directory}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
