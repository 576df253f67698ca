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
