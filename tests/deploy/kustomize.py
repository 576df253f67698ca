"""A kustomization rendered as `kubectl apply -k` renders it (kubectl's built-in kustomize)."""

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml


def render(directory: Path) -> list[dict]:
    """The kustomization's objects; the test is skipped where kubectl is not installed."""
    kubectl = shutil.which("kubectl")
    if kubectl is None:
        pytest.skip("kubectl (with its built-in kustomize) is not installed")
    output = subprocess.run(
        [kubectl, "kustomize", str(directory)], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    return [doc for doc in yaml.safe_load_all(output) if doc]
