"""The floors read one way (docs/architecture.md): every product module imports only its own app and
the apps on the floors below, no two apps import each other, and no modules import each other in a
circle, counting imports inside functions too.

The import graph is read from the source with `ast`, so an import a function makes only when it runs
counts as much as one at the top of the file. Importing `a.b.c` also runs the packages `a` and `a.b`,
so it counts as an import of them too (except of the importer's own packages, already running). The
test prints what it found, and fails on the first kind of problem it finds with every instance named.

Run it alone to see the graph's figures: `python -m pytest tests/test_architecture.py -q -s`.
"""

import ast
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Bottom to top. An app may import its own modules and those of the apps before it in this list.
# repairs and surveys share a floor: surveys stands on repairs (it invites residents after a
# repair), never the other way round.
FLOORS = ("core", "engagement", "repairs", "surveys", "inequities", "desk", "config")
NOT_PRODUCT = {"tests", "bench", "scripts", "docs", "templates", "static", "staticfiles", "assets", "locale"}


@dataclass(frozen=True)
class Import:
    importer: str  # the module holding the import
    line: int
    imported: str  # a product module (or package) it runs
    in_function: bool

    @property
    def where(self):
        return f"{self.importer}:{self.line}{' (inside a function)' if self.in_function else ''}"


def product_modules():
    """{dotted name: path} for every Python file of every app, migrations left out."""
    found = {}
    for app in FLOORS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.relative_to(ROOT).parts:
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def app_of(module):
    return module.split(".")[0]


def _named(node, importer, is_package):
    """The dotted names an import statement asks for (`from a import b` may name the module a.b)."""
    if isinstance(node, ast.Import):
        return [(alias.name, None) for alias in node.names]
    base = node.module or ""
    if node.level:
        package = importer.split(".") if is_package else importer.split(".")[:-1]
        package = package[: len(package) - (node.level - 1)]
        base = ".".join(package + ([base] if base else []))
    return [(base, alias.name) for alias in node.names]


def _within(module, modules):
    """The product module a dotted name lands in (a name inside a module lands in that module)."""
    while module and module not in modules:
        module = module.rpartition(".")[0]
    return module or None


def _runs(target, importer, modules):
    """What importing `target` runs: the module and each package above it that is not already running
    because the importer is inside it."""
    ran, parts = [], target.split(".")
    own = {".".join(importer.split(".")[:n]) for n in range(1, importer.count(".") + 2)}
    for n in range(1, len(parts) + 1):
        name = ".".join(parts[:n])
        if name in modules and (name == target or name not in own):
            ran.append(name)
    return ran


class _Finder(ast.NodeVisitor):
    def __init__(self, importer, is_package, modules):
        self.importer, self.is_package, self.modules = importer, is_package, modules
        self.depth, self.found = 0, []

    def _function(self, node):
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _function

    def _import(self, node):
        for base, name in _named(node, self.importer, self.is_package):
            if app_of(base) not in FLOORS:
                continue
            full = f"{base}.{name}" if name and f"{base}.{name}" in self.modules else base
            target = _within(full, self.modules)
            for ran in _runs(target, self.importer, self.modules) if target else ():
                if ran != self.importer:
                    self.found.append(Import(self.importer, node.lineno, ran, self.depth > 0))

    visit_Import = visit_ImportFrom = _import


def import_graph():
    modules = product_modules()
    imports = []
    for module, path in modules.items():
        finder = _Finder(module, path.name == "__init__.py", modules)
        finder.visit(ast.parse(path.read_text(), filename=str(path)))
        imports += finder.found
    return modules, imports


def upward(imports):
    return [i for i in imports if FLOORS.index(app_of(i.imported)) > FLOORS.index(app_of(i.importer))]


def two_way_pairs(imports):
    pairs = {(app_of(i.importer), app_of(i.imported)) for i in imports if app_of(i.importer) != app_of(i.imported)}
    return sorted((a, b) for a, b in pairs if (b, a) in pairs and a < b)


def cycles(modules, imports):
    """One circle of imports for each group of modules that import each other (Tarjan's algorithm)."""
    edges = defaultdict(set)
    for i in imports:
        edges[i.importer].add(i.imported)
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(start):
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.add(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(group)
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(edges[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])

    for module in sorted(modules):
        if module not in index:
            visit(module)
    return [_circle(group, edges) for group in groups]


def _circle(group, edges):
    """A shortest way round one group, starting from its first module by name."""
    start = min(group)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for child in sorted(edges[node] & group):
            if child == start:
                return paths[node] + [start]
            if child not in paths:
                paths[child] = paths[node] + [child]
                queue.append(child)
    return sorted(group)


def _deepest(imports):
    """Each import once, without the packages above what it names (they say nothing more)."""
    named = {(i.importer, i.line, i.imported) for i in imports}
    return sorted(
        (
            i
            for i in set(imports)
            if not any(m.startswith(i.imported + ".") for a, n, m in named if (a, n) == (i.importer, i.line))
        ),
        key=lambda i: (i.importer, i.line, i.imported),
    )


def _lines(imports):
    return sorted({(i.importer, i.line) for i in imports})


def test_every_app_has_a_floor():
    apps = {
        path.parent.name
        for path in ROOT.glob("*/__init__.py")
        if path.parent.name not in NOT_PRODUCT and not path.parent.name.startswith(".")
    }
    assert apps == set(FLOORS), f"Give each app a floor in FLOORS (and in docs/architecture.md): {apps ^ set(FLOORS)}"


def test_the_floors_read_one_way():
    modules, imports = import_graph()
    up, pairs, circles = upward(imports), two_way_pairs(imports), cycles(modules, imports)
    print(
        f"\n{len(modules)} product modules, {len(_lines(imports))} import lines between them; "
        f"{len(_lines(up))} import lines point upwards, {len(pairs)} pairs of apps import each other, "
        f"{len(circles)} cycles between modules."
    )
    for i in _deepest(up):
        print(f"  upward: {i.where} imports {i.imported}")
    for a, b in pairs:
        print(f"  two-way: {a} <-> {b}")
    for circle in circles:
        print("  cycle: " + " -> ".join(circle))
    assert not up, "Imports that point upwards (docs/architecture.md says which floor each app is on)"
    assert not pairs, "Apps that import each other"
    assert not circles, "Modules that import each other in a circle"


def test_the_graph_sees_imports_inside_functions_and_packages_that_run():
    """The reader counts what Python runs: a late import inside a function, a relative import, and
    the package above an imported module."""
    modules = {"core": None, "core.a": None, "core.pkg": None, "core.pkg.b": None, "engagement": None}
    source = "from .pkg import b\n\ndef f():\n    from engagement import x\n"
    finder = _Finder("core.a", False, modules)
    finder.visit(ast.parse(source))
    found = {(i.imported, i.in_function) for i in finder.found}
    assert found == {("core.pkg.b", False), ("core.pkg", False), ("engagement", True)}
    assert [i.imported for i in upward(finder.found)] == ["engagement"]
    circle = cycles(
        {"core.a": None, "core.b": None}, [Import("core.a", 1, "core.b", False), Import("core.b", 3, "core.a", True)]
    )
    assert circle == [["core.a", "core.b", "core.a"]]


def test_no_migration_depends_on_a_higher_floor():
    """A model may point only at models of its own floor or below, so its migrations depend on no higher app."""
    higher = []
    for app in FLOORS:
        for path in sorted((ROOT / app / "migrations").glob("0*.py")):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Tuple) and len(node.elts) == 2 and isinstance(node.elts[0], ast.Constant):
                    other = node.elts[0].value
                    if other in FLOORS and FLOORS.index(other) > FLOORS.index(app):
                        higher.append(f"{path.relative_to(ROOT)} depends on {other}")
    print("\n".join(higher))
    assert not higher
