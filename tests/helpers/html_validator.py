"""The W3C's Nu Html Checker (vnu), run once over many pages (issue 27: "the W3C checker finds no
error on any page").

vnu.jar comes from the npm package `vnu-jar` (pinned in package.json, installed by `make install`
into node_modules; nothing is fetched when it runs) and needs Java 11 or later on the PATH. All the
pages are written to one temporary folder and checked by one `java -jar vnu.jar` (one JVM start:
starting Java and loading the HTML schema cost about half a second of CPU, checking a page about
5 milliseconds).
"""

import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# A short run: the quick compiler alone (C1) and the serial collector halve the checker's CPU time
# (measured: 525 pages, 2.9 s of CPU against 6.7 s), with the same report; C1's deeper stack needs
# more than the 512 KB the checker asks for.
JAVA_OPTIONS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss4m"]
# What differs between two openings of the same page and cannot change its validity.
_CSRF = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*"')


@dataclass(frozen=True)
class Problem:
    where: str  # the page's address, and whose it was (as the caller named it)
    line: int
    message: str
    extract: str

    def __str__(self):
        return f"{self.where} line {self.line}: {self.message} [{self.extract.strip()}]"


def checker_missing():
    """Why the checker cannot run here, or None when it can."""
    if shutil.which("java") is None:
        return "no Java runtime on the PATH (the Nu Html Checker needs Java 11 or later)"
    if not VNU_JAR.exists():
        return f"{VNU_JAR} is missing: run `make install` (npm ci installs vnu-jar)"
    return None


def distinct(documents):
    """{where: html} with each body once (the first place it was seen): the same page opened by
    several readers differs only in its CSRF token."""
    kept, seen = {}, set()
    for where, html in documents.items():
        key = _CSRF.sub(r'\1"', html)
        if key not in seen:
            seen.add(key)
            kept[where] = html
    return kept


def validate(documents):
    """Check every {where: html} document in one run of the checker; its errors, in order.

    Warnings (advice such as "unnecessary type attribute") are not errors and are left out."""
    missing = checker_missing()
    if missing:
        raise RuntimeError(missing)
    with tempfile.TemporaryDirectory(prefix="vnu-") as folder:
        names = {}
        for number, (where, html) in enumerate(documents.items()):
            path = Path(folder) / f"page-{number:05}.html"
            path.write_text(html, encoding="utf-8")
            names[path.name] = where
        finished = subprocess.run(
            ["java", *JAVA_OPTIONS, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout", folder],
            capture_output=True,
            text=True,
            check=False,
        )
    try:
        messages = json.loads(finished.stdout)["messages"]
    except (ValueError, KeyError) as error:
        raise RuntimeError(f"vnu gave no report (exit {finished.returncode}): {finished.stderr[:2000]}") from error
    problems = []
    for message in messages:
        name = message.get("url", "").rsplit("/", 1)[-1]
        if name not in names:  # a "non-document-error": the checker itself failed
            raise RuntimeError(f"vnu could not check the pages: {message}")
        problems.append(
            Problem(
                where=names[name],
                line=message.get("lastLine", message.get("firstLine", 0)),
                message=message["message"],
                extract=message.get("extract", ""),
            )
        )
    return problems
