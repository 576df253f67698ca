"""Generated gRPC code must match the .proto files it was built from."""

from pathlib import Path

from devtools.protogen import ROOT, generate


def test_generated_stubs_are_up_to_date(tmp_path: Path):
    generate(tmp_path)
    fresh = sorted((tmp_path / "protos").glob("*_pb2*.py*"))
    assert fresh, "protoc produced nothing"
    stale = [
        path.name
        for path in fresh
        if not (ROOT / "protos" / path.name).exists()
        or (ROOT / "protos" / path.name).read_text() != path.read_text()
    ]
    assert not stale, f"run `make proto`: these generated files are out of date: {stale}"
    committed = {p.name for p in (ROOT / "protos").glob("*_pb2*.py*")}
    assert committed == {p.name for p in fresh}, "generated files without a .proto remain"
