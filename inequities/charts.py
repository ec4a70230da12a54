"""Plotly charts of the dashboard tables, built on the server and drawn by static/js/charts.js.

A chart only repeats its table (which the page always shows), so it is static: no hover, no
buttons, nothing to reach with the keyboard. Colours are the Okabe–Ito palette, safe for
colour-blind readers, and nothing is told by colour alone: clear gaps also have a hatched pattern,
comparisons and national figures have their own marker shapes, and every group's value (or the
word "hidden") is written beside its name on the axis.
"""

import json

import plotly.graph_objects as go
from django.utils.translation import gettext as _

from inequities.families import PER_1000, WORKING_DAYS

# Okabe & Ito (2008), "Color Universal Design".
BLUE, VERMILLION, ORANGE, BLACK, GREY = "#0072B2", "#D55E00", "#E69F00", "#000000", "#595959"


def _scale(unit):
    return 1 if unit in (PER_1000, WORKING_DAYS) else 100


def bar_chart(table):
    """A horizontal bar per group: its rate with the 95% interval, the comparison as a diamond, the
    national figure (where there is one) as a black line."""
    scale = _scale(table.unit)
    names = [_axis_name(row) for row in table.rows]
    series = {"clear": [], "unclear": [], "everyone": []}
    for name, row in zip(names, table.rows, strict=True):
        figure = row.figure
        if row.suppressed or figure is None or figure.rate is None:
            continue
        kind = "everyone" if row.everyone else ("clear" if figure.significant else "unclear")
        series[kind].append((name, figure))
    styles = {
        "everyone": (_("Everyone"), GREY, "."),
        "unclear": (_("Not clearly different from everyone else"), BLUE, ""),
        "clear": (_("Clearly different from everyone else"), VERMILLION, "/"),
    }
    fig = go.Figure()
    for kind in ("everyone", "unclear", "clear"):
        points = series[kind]
        if not points:
            continue
        label, colour, pattern = styles[kind]
        has_interval = all(f.ci_low is not None and f.ci_high is not None for _name, f in points)
        fig.add_trace(
            go.Bar(
                name=label,
                orientation="h",
                y=[name for name, _f in points],
                x=[f.rate * scale for _name, f in points],
                marker={"color": colour, "pattern": {"shape": pattern, "fgcolor": BLACK, "solidity": 0.25}},
                error_x=(
                    {
                        "type": "data",
                        "symmetric": False,
                        "array": [(f.ci_high - f.rate) * scale for _name, f in points],
                        "arrayminus": [(f.rate - f.ci_low) * scale for _name, f in points],
                        "color": BLACK,
                        "thickness": 1.5,
                    }
                    if has_interval
                    else None
                ),
            )
        )
    compared = [(n, r.figure) for n, r in zip(names, table.rows, strict=True) if _has(r, "comparison_rate")]
    if compared:
        fig.add_trace(
            go.Scatter(
                name=table.comparison_header,
                mode="markers",
                y=[n for n, _f in compared],
                x=[f.comparison_rate * scale for _n, f in compared],
                marker={"symbol": "diamond", "size": 11, "color": ORANGE, "line": {"color": BLACK, "width": 1.5}},
            )
        )
    benchmarked = [(n, r.figure) for n, r in zip(names, table.rows, strict=True) if _has(r, "benchmark_rate")]
    if benchmarked:
        fig.add_trace(
            go.Scatter(
                name=_("National figure"),
                mode="markers",
                y=[n for n, _f in benchmarked],
                x=[f.benchmark_rate * scale for _n, f in benchmarked],
                marker={"symbol": "line-ns-open", "size": 22, "color": BLACK, "line": {"color": BLACK, "width": 3}},
            )
        )
    _layout(fig, table, names)
    return json.loads(fig.to_json())


def _axis_name(row):
    """Each group's value goes on the axis beside its name, so no number is told by a bar alone."""
    if row.suppressed:
        return _("%(name)s: hidden") % {"name": row.cells[0]}
    return f"{row.cells[0]}: {row.cells[1]}" if row.cells[1] else row.cells[0]


def _has(row, attribute):
    return not row.suppressed and row.figure is not None and getattr(row.figure, attribute, None) is not None


def _layout(fig, table, names):
    # Every group keeps its place on the axis, hidden ones too (with no bar and the word "hidden").
    fig.add_trace(
        go.Scatter(
            y=names, x=[0] * len(names), mode="markers", marker={"opacity": 0}, showlegend=False, hoverinfo="skip"
        )
    )
    axis_title = table.value_header if table.unit in (PER_1000, WORKING_DAYS) else f"{table.value_header} (%)"
    fig.update_layout(
        barmode="overlay",
        height=150 + 44 * len(names),
        margin={"l": 10, "r": 30, "t": 70, "b": 50},
        font={"family": "arial, sans-serif", "size": 14, "color": BLACK},
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
        xaxis={"title": {"text": axis_title}, "rangemode": "tozero", "gridcolor": "#dddddd", "zeroline": True},
        yaxis={
            "categoryorder": "array",
            "categoryarray": names,
            "autorange": "reversed",
            "automargin": True,
            "type": "category",
        },
        showlegend=True,
    )
    if table.unit not in (PER_1000, WORKING_DAYS):
        fig.update_xaxes(range=[0, 105])


def column_chart_of_shares(table):
    """The silences page's not-asked table: one bar per characteristic."""
    points = [(_axis_name(row), row.figure) for row in table.rows if not row.suppressed and row.figure.rate is not None]
    names = [_axis_name(row) for row in table.rows]
    fig = go.Figure(
        go.Bar(
            name=table.value_header,
            orientation="h",
            y=[name for name, _f in points],
            x=[f.rate * 100 for _name, f in points],
            marker={"color": BLUE},
        )
    )
    _layout(fig, table, names)
    return json.loads(fig.to_json())
