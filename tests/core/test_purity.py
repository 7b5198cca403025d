"""The core stays framework-free: no module under inspire/core imports Django."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "inspire" / "core"


def test_core_imports_no_web_framework():
    offenders = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.relative_to(CORE)}: {n}" for n in names if n.split(".")[0] in {"django", "ninja", "inspire.web"} or n.startswith("inspire.web")]
    assert offenders == []
