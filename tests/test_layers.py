"""The tree's floors: every import points down or sideways within a service, never up.

lib/ (the ground floor) imports only itself and protos; workflows/contracts imports only
lib; a service imports no other service's modules (they talk over gRPC); workflows import
no service; nothing outside devtools/, bench/ and tests/ imports devtools/.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SERVICES = sorted(p.name for p in (ROOT / "services").iterdir() if (p / "__init__.py").exists())


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _modules_under(folder: str) -> list[Path]:
    return [p for p in (ROOT / folder).rglob("*.py") if "_pb2" not in p.name]


def _violations(folder: str, allowed) -> list[str]:
    ours = ("lib", "protos", "services", "workflows", "devtools", "bench", "tests")
    bad = []
    for path in _modules_under(folder):
        for module in _imports(path):
            if module.split(".")[0] in ours and not allowed(path, module):
                bad.append(f"{path.relative_to(ROOT)} imports {module}")
    return bad


def test_the_ground_floor_imports_nothing_above_it():
    assert _violations("lib", lambda _, m: m.startswith(("lib", "protos"))) == []


def test_workflow_contracts_import_only_the_ground_floor():
    allowed = ("lib", "workflows.contracts")
    assert _violations("workflows/contracts", lambda _, m: m.startswith(allowed)) == []


def test_workflows_import_no_service():
    assert _violations("workflows", lambda _, m: m.startswith(("lib", "protos", "workflows"))) == []


@pytest.mark.parametrize("service", SERVICES)
def test_a_service_imports_no_other_service(service):
    def allowed(_, module: str) -> bool:
        if not module.startswith("services."):
            return not module.startswith(("devtools", "bench", "tests"))
        return module.startswith(f"services.{service}")

    assert _violations(f"services/{service}", allowed) == []


def test_every_service_has_the_same_named_roles():
    """Its entry point (main.py) and, for gRPC services, its gRPC face (server.py) and the
    conversion of its objects to protobuf messages (messages.py)."""
    missing = []
    for service in SERVICES:
        folder = ROOT / "services" / service
        roles = ["main.py"] if service == "gateway" else ["main.py", "server.py", "messages.py"]
        missing += [f"services/{service}/{role}" for role in roles if not (folder / role).exists()]
    assert missing == []
