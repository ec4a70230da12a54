"""The small-number rule for what the public results page publishes about groups of people: step 1
of the disclosure control (inequities.disclosure.primary, which this floor cannot import;
tests/surveys/test_small_bases.py checks the two agree), and the merging that keeps a table's
hidden groups from being worked out from its total.

A count of people is too small when it is 1 to INEQUITIES_MAX_SMALL; a share is too small when its
base is under INEQUITIES_MIN_DENOMINATOR or the people in it, or outside it, are 1 to
INEQUITIES_MAX_SMALL.
"""

from django.conf import settings


def small_count(n):
    return 1 <= n <= settings.INEQUITIES_MAX_SMALL


def small_share(part, whole):
    return whole < settings.INEQUITIES_MIN_DENOMINATOR or small_count(part) or small_count(whole - part)


def merge_small_groups(rows, unsafe, name):
    """`rows` (dicts with a "name" and counts under the same keys, largest first) as they may be
    published: every row `unsafe` says is too small goes into one row called `name`, and while that
    row is itself too small, the smallest shown row joins it, so no hidden group can be worked out
    from the total. The merged row, if any, comes last with "merged": the names it holds; if even
    everything together is too small, it says "withheld"."""
    shown = [row for row in rows if not unsafe(row)]
    hidden = [row for row in rows if unsafe(row)]
    if not hidden:
        return shown
    keys = [key for key, value in rows[0].items() if isinstance(value, int | float) and not isinstance(value, bool)]

    def together(group):
        return {key: sum(row[key] for row in group) for key in keys}

    while unsafe(together(hidden)) and shown:
        hidden.append(shown.pop())  # the smallest shown row (rows come largest first)
    merged = {"name": name, **together(hidden), "merged": [row["name"] for row in hidden]}
    merged["withheld"] = bool(unsafe(merged))
    return [*shown, merged]
