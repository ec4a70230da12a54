"""Issue 24, item 10: requirements.txt holds everything the product imports.

Every third-party module imported anywhere in the product's packages (inside functions too) comes
from a distribution pinned in requirements.txt itself, not only in requirements-dev.txt or as a
dependency of something else. CI also builds a virtualenv from requirements.txt alone and imports
every product module in it (scripts/import_every_module.py, called by .ci/run)."""

import ast
import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
sys.path.insert(0, str(ROOT / "scripts"))
from import_every_module import PACKAGES  # noqa: E402


def _pinned(path):
    names = set()
    for line in (ROOT / path).read_text().splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("-"):
            names.add(re.split(r"[=<>\[ ]", line)[0].lower().replace("_", "-"))
    return names


def _third_party_imports():
    local, found = set(PACKAGES), {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    top = name.split(".")[0]
                    if top not in sys.stdlib_module_names and top not in local:
                        found.setdefault(top, str(path.relative_to(ROOT)))
    return found


def test_every_third_party_import_of_the_product_is_pinned_in_requirements_txt():
    pinned = _pinned("requirements.txt")
    distributions = importlib.metadata.packages_distributions()
    imports = _third_party_imports()
    assert {"django", "scipy", "pandas", "kombu"} <= set(imports)
    missing = {
        top: (where, distributions.get(top))
        for top, where in imports.items()
        if not {d.lower().replace("_", "-") for d in distributions.get(top, [top])} & pinned
    }
    assert missing == {}, "add these to requirements.txt (module: (first file importing it, distribution))"


def test_the_import_script_imports_every_product_module():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "import_every_module.py")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    imported, total = re.search(r"(\d+) of (\d+) product modules imported", result.stdout).groups()
    assert imported == total and int(total) > 250


def test_ci_builds_a_virtualenv_from_requirements_txt_alone_and_runs_the_script():
    ci = (ROOT / ".ci" / "run").read_text()
    step = ci[ci.index("a production install") :]
    assert '-m venv "$prod_venv"' in step
    assert '"$prod_venv/bin/pip" install --quiet --no-compile --disable-pip-version-check -r requirements.txt' in step
    assert '"$prod_venv/bin/python" scripts/import_every_module.py' in step
    # Kept per content of requirements.txt: a changed file builds a new one; a half-built one is rebuilt.
    assert "$(sha256sum requirements.txt | cut -c1-16)" in step and 'touch "$prod_venv/.complete"' in step
