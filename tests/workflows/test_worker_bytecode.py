"""The worker keeps compiled workflow modules, which its sandbox imports for every workflow."""

import importlib.util
import os
import sys
import tempfile
from pathlib import Path

from workflows.worker import keep_compiled_workflows


def test_bytecode_is_written_even_when_the_environment_says_not_to(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    keep_compiled_workflows()
    assert sys.dont_write_bytecode is False
    module = tmp_path / "a_workflow.py"
    module.write_text("VALUE = 1\n")
    spec = importlib.util.spec_from_file_location("a_workflow", module)
    spec.loader.exec_module(importlib.util.module_from_spec(spec))
    # The next import of it (the sandbox's, for the next workflow) reads this, not the source.
    assert Path(importlib.util.cache_from_source(str(module))).exists()


def test_read_only_code_keeps_its_bytecode_under_the_temp_dir(monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    monkeypatch.setattr(sys, "pycache_prefix", None)
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    keep_compiled_workflows()
    assert sys.pycache_prefix == str(Path(tempfile.gettempdir()) / "postflow-pycache")
