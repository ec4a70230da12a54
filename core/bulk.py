"""Writing many rows at once, for imports of a few hundred thousand rows.

Building a model instance a row costs more than checking the row; these take plain tuples. On
PostgreSQL the rows go in with COPY; elsewhere (SQLite) with one prepared INSERT run for each row.
"""

import io

from django.db import connection


def _copy_text(value):
    if value is None:
        return "\\N"
    if value is True or value is False:
        return "t" if value else "f"
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def insert_rows(model, columns, rows):
    """Insert `rows` (tuples of database values, in the order of `columns`, the fields' column
    names) into `model`'s table. No signals, no defaults: give every column the table needs."""
    table = model._meta.db_table
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            data = io.StringIO("".join("\t".join(map(_copy_text, row)) + "\n" for row in rows))
            cursor.cursor.copy_expert(f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN", data)
        else:
            marks = ", ".join(["%s"] * len(columns))
            # Table and column names come from the model, quoted; every value is a parameter.
            insert = f"INSERT INTO {connection.ops.quote_name(table)} ({quoted}) VALUES ({marks})"  # noqa: S608
            cursor.executemany(insert, rows)


def update_rows(model, key, columns, rows):
    """Set `columns` of the rows of `model`'s table whose `key` column matches: `rows` are tuples
    (key value, *column values). On PostgreSQL the values go with COPY into a temporary table and
    one UPDATE joins it (Django's bulk_update builds one CASE a row, slow past a few thousand)."""
    if not rows:
        return
    table, q = model._meta.db_table, connection.ops.quote_name
    names = [key, *columns]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            staging = q(f"{table}_update")
            # Names come from the model, quoted; the values travel by COPY.
            cursor.execute(
                f"CREATE TEMPORARY TABLE {staging} ON COMMIT DROP AS "  # noqa: S608
                f"SELECT {', '.join(map(q, names))} FROM {q(table)} WITH NO DATA"
            )
            data = io.StringIO("".join("\t".join(map(_copy_text, row)) + "\n" for row in rows))
            cursor.cursor.copy_expert(f"COPY {staging} ({', '.join(map(q, names))}) FROM STDIN", data)
            settings = ", ".join(f"{q(c)} = s.{q(c)}" for c in columns)
            cursor.execute(f"UPDATE {q(table)} AS t SET {settings} FROM {staging} AS s WHERE t.{q(key)} = s.{q(key)}")  # noqa: S608
            cursor.execute(f"DROP TABLE {staging}")
        else:
            settings = ", ".join(f"{q(c)} = %s" for c in columns)
            update = f"UPDATE {q(table)} SET {settings} WHERE {q(key)} = %s"  # noqa: S608
            cursor.executemany(update, [(*row[1:], row[0]) for row in rows])
