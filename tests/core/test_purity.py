"""The core stays framework-free: no module under inspire/core imports Django."""

import ast
import re
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
            offenders += [
                f"{path.relative_to(CORE)}: {n}"
                for n in names
                if n.split(".")[0] in {"django", "ninja", "inspire.web"} or n.startswith("inspire.web")
            ]
    assert offenders == []


def test_the_moved_rules_load_without_django():
    """The national picture's rules and the date formatter run in a process that has never imported
    Django (an import check on the source alone would miss a dependency pulled in indirectly)."""
    import subprocess
    import sys

    code = (
        "import sys, inspire.core.national, inspire.core.calendar; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'django', 'ninja'}))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


#: The date rules' orders as code might spell them out again (``a or b or c``, ``Coalesce("a", ...)``).
_DATE_FIELDS = r"(?:inspection_start|inspection_end|published)"
_RESTATED_RULE = re.compile(
    rf"\b{_DATE_FIELDS}\s+or\s+\w*\.?{_DATE_FIELDS}\s+or\b"
    rf"|Coalesce\(\s*f?[\"'][\w{{}}]*{_DATE_FIELDS}[\"']\s*,"
    rf"|COALESCE\(\s*\w*\.?{_DATE_FIELDS}\s*,"
)


def test_each_date_rule_is_written_once_in_the_core():
    """ "When it happened", "when it took effect" and "when it ended" are ``core.national``'s
    ``DateRule``s: the web layer uses them (``read.models.inspection_date`` for querysets) and never
    spells an order of an inspection's dates out again."""
    web = CORE.parent / "web"
    restated = [
        f"{path.relative_to(web)}:{number}: {line.strip()}"
        for path in web.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _RESTATED_RULE.search(line)
    ]
    assert restated == []
