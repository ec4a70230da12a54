"""Keeping in step with the housing system: a file run again updates what it named before.

An import that a landlord runs every night declares, for each table it keeps, a `Kept`: the
model, the field or fields that name one record (its key), and what "ended" means for it (a
tenancy given an end date, a repair completed or cancelled). Its plan gives every row's values by
key; `compare` sorts them against what is held, with a few queries for the whole file (never one
a row), into added, changed, ended and unchanged; `save` writes only what differs, in bulk. What
a record has that the file does not set (survey answers, contacts, audit entries, a repair's
appointments) stays linked, because a record is updated where it stands, never deleted and
made again.

A row sets only the fields it gives: an import leaves out a field whose column is not in the file,
so the value held stays as it is.
"""

from dataclasses import dataclass, field

from django.db import connection, models

from core.bulk import update_rows

CHUNK = 5000  # keys per query: well under SQLite's limit on query parameters


@dataclass
class Tally:
    """What one import did to one kind of record."""

    noun: str  # plural, lower case: "homes", "tenancies"
    added: int = 0
    changed: int = 0
    ended: int = 0
    unchanged: int = 0

    def __str__(self):
        ended = f", {self.ended:,} ended" if self.ended else ""
        return (
            f"{self.noun[0].upper()}{self.noun[1:]}: {self.added:,} added, {self.changed:,} changed{ended}, "
            f"{self.unchanged:,} unchanged."
        )


@dataclass
class Changes:
    """The report of an import (and of its dry run, which is the same report with nothing saved)."""

    tallies: list = field(default_factory=list)

    def add(self, tally):
        self.tallies.append(tally)
        return tally

    def __str__(self):
        return " ".join(str(tally) for tally in self.tallies)

    def any(self):
        """Whether anything was (or would be) added, changed or ended."""
        return any(t.added or t.changed or t.ended for t in self.tallies)

    def as_rows(self):
        """[[noun, added, changed, ended, unchanged]], to keep in a session and show as a table."""
        return [[t.noun, t.added, t.changed, t.ended, t.unchanged] for t in self.tallies]


@dataclass
class Comparison:
    """A file's rows sorted against what is held."""

    kept: object
    added: list = field(default_factory=list)  # [(key, values)]
    changed: list = field(default_factory=list)  # [(pk, held values, new values)], ended ones included
    ended: list = field(default_factory=list)  # [pk] of the changed records the file ends
    unchanged: int = 0
    pks: dict = field(default_factory=dict)  # {key: pk} of every record held

    def tally(self, noun=None):
        ended = len(self.ended)
        return Tally(noun or self.kept.noun, len(self.added), len(self.changed) - ended, ended, self.unchanged)


def _plain(value):
    """A value as it is saved: a record made earlier in the same import by its primary key."""
    return value.pk if isinstance(value, models.Model) else value


@dataclass(frozen=True)
class Kept:
    """How an import keeps one table in step with a file."""

    model: type
    key: tuple  # the attribute names that together name one record: ("property_reference",)
    noun: str  # what the report calls the records: "homes"
    # (held values, new values) -> whether this row ends the record (None: nothing ends) ...
    ends: object = None
    # ... reading these fields (held even where the file leaves them out).
    ends_on: tuple = ()

    def held(self, keys, fields):
        """{key: (pk, {field: value})} for the records among `keys` that are held."""
        names = ["pk", *self.key, *fields]
        found = {}
        keys = list(keys)
        if len(self.key) == 1:
            for start in range(0, len(keys), CHUNK):
                chunk = [key[0] for key in keys[start : start + CHUNK]]
                for row in self.model.objects.filter(**{f"{self.key[0]}__in": chunk}).values_list(*names):
                    found[row[1:2]] = (row[0], dict(zip(fields, row[2:], strict=True)))
        else:
            # A key of two fields (home and check type): read by the first, keep the ones named.
            wanted = set(keys)
            firsts = sorted({key[0] for key in keys})
            for start in range(0, len(firsts), CHUNK):
                chunk = firsts[start : start + CHUNK]
                for row in self.model.objects.filter(**{f"{self.key[0]}__in": chunk}).values_list(*names):
                    key = row[1 : 1 + len(self.key)]
                    if key in wanted:
                        found[key] = (row[0], dict(zip(fields, row[1 + len(self.key) :], strict=True)))
        return found

    def compare(self, rows, keep=()):
        """Sort `rows` ({key tuple: {field: value}}; a field left out keeps what is held) into
        added, changed (and of them, ended) and unchanged. `keep`: fields a record held already
        keeps whatever the row says (those of columns not in the file). Reads; writes nothing."""
        keep = set(keep)
        fields = sorted({name for values in rows.values() for name in values} - keep | set(self.ends_on))
        held = self.held(rows, fields)
        comparison = Comparison(self)
        for key, values in rows.items():
            if key not in held:
                comparison.added.append((key, values))
                continue
            pk, before = held[key]
            comparison.pks[key] = pk
            if keep:
                values = {name: value for name, value in values.items() if name not in keep}
            if all(_same(before[name], value) for name, value in values.items()):
                comparison.unchanged += 1
                continue
            comparison.changed.append((pk, before, values))
            if self.ends is not None and self.ends(before, {**before, **values}):
                comparison.ended.append(pk)
        return comparison

    def update(self, comparison, extra=None):
        """Write the changed records' fields in one bulk update (what is not given keeps its value).
        `extra`: {pk: {field: value}} set besides (fields worked out from the row, say)."""
        if not comparison.changed:
            return
        extra = extra or {}
        fields = sorted({name for _pk, _before, values in comparison.changed for name in values})
        fields += sorted({name for values in extra.values() for name in values} - set(fields))
        concrete = {f.attname: f for f in self.model._meta.concrete_fields}
        rows = []
        for pk, before, values in comparison.changed:
            merged = {**before, **values, **extra.get(pk, {})}
            rows.append((pk, *(concrete[name].get_db_prep_save(_plain(merged[name]), connection) for name in fields)))
        update_rows(self.model, self.model._meta.pk.column, [concrete[name].column for name in fields], rows)

    def create(self, comparison, build=None, batch_size=2000):
        """Add the new records (each `build(key, values)`, by default the model with the key and
        values) with bulk_create; returns them."""
        made = [
            build(key, values) if build else self.model(**dict(zip(self.key, key, strict=True)), **values)
            for key, values in comparison.added
        ]
        for record in made:
            for name, value in vars(record).items():
                if isinstance(value, models.Model) and name.endswith("_id"):
                    setattr(record, name, value.pk)
        self.model.objects.bulk_create(made, batch_size=batch_size)
        return made


def _same(held, given):
    if isinstance(given, models.Model):
        return given.pk is not None and given.pk == held
    return held == given
