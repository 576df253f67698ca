"""CSV a spreadsheet opens safely: a cell that would run as a formula (=, +, -, @, a tab or
a carriage return first) is written as text, with a leading apostrophe (OWASP's advice for
CSV injection)."""

import csv
import io
from collections.abc import Iterable, Mapping, Sequence

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def document(columns: Sequence[str], rows: Iterable[Mapping[str, object]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({name: cell(row.get(name)) for name in columns})
    return out.getvalue()


def _table_cell(value) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return cell(value)
    return f"{value:g}" if isinstance(value, float) else str(value)


def table(rows: Iterable[Sequence[object]]) -> str:
    """Rows of cells (sections with their own header rows); numbers as numbers, a negative
    one too (it is no formula)."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([_table_cell(v) for v in row])
    return out.getvalue()
