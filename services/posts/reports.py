"""A report of a range's analytics (the analytics screen's figures and charts) for a set of
accounts, as a PDF (ReportLab: its page layout and its charts) and as CSV, to download or
to send to a client on a schedule (report_schedules.py).

Page 1: the summary against the period before, and engagement by weekday and by hour as
bar charts. Page 2: the posts by type, and the best and worst posts."""

import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from lib.common import csv_text
from services.posts import analytics
from services.posts.analytics import Analytics, Bucket, Period

ACCENT = colors.HexColor("#3b3bb3")
CAPTION_CHARACTERS = 60
WEEKDAY_LABELS = [day[:3].title() for day in analytics.WEEKDAYS]


@dataclass(frozen=True)
class Summary:
    label: str
    now: float | None
    before: float | None

    @property
    def change(self) -> float | None:
        return analytics.change(self.now, self.before)


def summary(found: Analytics) -> list[Summary]:
    now, before = found.current, found.previous
    return [
        Summary("Posts", len(now.posts), len(before.posts)),
        Summary("Published", now.published, before.published),
        Summary("Average engagement", now.average("engagement"), before.average("engagement")),
        Summary("Average reach", now.average("reach"), before.average("reach")),
        Summary("Total engagement", _total(now, "engagement"), _total(before, "engagement")),
    ]


def _total(period: Period, name: str) -> int:
    return sum(getattr(m, name) for m in period.measured.values())


def _figure(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:,.0f}" if float(value).is_integer() or abs(value) >= 100 else f"{value:,.1f}"


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:+.0f}%"


def _average(bucket: Bucket) -> float:
    return analytics.mean(bucket.engagement) or 0.0


def _chart(title: str, buckets: list[Bucket], labels: list[str]) -> Drawing:
    drawing = Drawing(170 * mm, 62 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 12 * mm, 10 * mm, 150 * mm, 42 * mm
    chart.data = [[_average(b) for b in buckets]]
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontSize = 6
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 6
    chart.bars[0].fillColor = ACCENT
    drawing.add(chart)
    drawing.add(String(12 * mm, 56 * mm, title, fontSize=9, fillColor=colors.black))
    return drawing


def _table(rows: list[list[str]], widths=None) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _post_rows(ranked: list[analytics.Performance]) -> list[list[str]]:
    rows = [["When", "Type", "Caption", "Reach", "Engagement"]]
    for one in ranked:
        caption = one.post.caption.replace("\n", " ")[:CAPTION_CHARACTERS]
        rows.append(
            [
                one.local.strftime("%Y-%m-%d %H:%M"),
                one.post.post_type,
                caption,
                f"{one.reach:,}",
                f"{one.engagement:,}",
            ]
        )
    return rows


def pdf(found: Analytics, *, title: str, accounts: list[str]) -> bytes:
    """The report as a two-page PDF (blocking: run it on a thread)."""
    styles = getSampleStyleSheet()
    query = found.query
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out, pagesize=A4, title=title, author="Postflow", leftMargin=18 * mm, rightMargin=18 * mm
    )
    period = f"{query.start.isoformat()} to {query.end.isoformat()} ({query.zone})"
    who = ", ".join(f"@{a}" for a in accounts) or "All accounts"
    story = [
        Paragraph(escape(title), styles["Title"]),
        Paragraph(escape(f"{period} · {who}"), styles["Normal"]),
        Spacer(1, 6 * mm),
        _table(
            [["", "This period", "Period before", "Change"]]
            + [[s.label, _figure(s.now), _figure(s.before), _percent(s.change)] for s in summary(found)],
            widths=[45 * mm, 35 * mm, 35 * mm, 25 * mm],
        ),
        Spacer(1, 6 * mm),
        _chart(
            "Average engagement by weekday", found.by_weekday, [b.key[:3].title() for b in found.by_weekday]
        ),
        _chart("Average engagement by hour", found.by_hour, [b.key for b in found.by_hour]),
        PageBreak(),
        Paragraph("Posts by type", styles["Heading2"]),
        _table(
            [["Type", "Posts", "Published", "Average engagement"]]
            + [
                [b.key, str(b.posts), str(b.published), _figure(analytics.mean(b.engagement))]
                for b in found.by_type
            ]
        ),
        Spacer(1, 4 * mm),
        Paragraph("Best posts", styles["Heading2"]),
        _table(_post_rows(found.best)),
        Spacer(1, 4 * mm),
        Paragraph("Posts that did least", styles["Heading2"]),
        _table(_post_rows(found.worst)),
    ]
    document.build(story)
    return out.getvalue()


def csv(found: Analytics, *, accounts: list[str]) -> str:
    """The same figures as CSV: one section after another, each with its own header row."""
    query = found.query
    rows: list[list] = [
        ["report", "start_date", "end_date", "timezone", "accounts"],
        ["analytics", query.start.isoformat(), query.end.isoformat(), query.zone, " ".join(accounts)],
        [],
        ["figure", "this_period", "period_before", "change_pct"],
        *[[s.label, s.now, s.before, s.change] for s in summary(found)],
        [],
        ["weekday", "posts", "published", "average_engagement"],
        *[[b.key, b.posts, b.published, analytics.mean(b.engagement)] for b in found.by_weekday],
        [],
        ["hour", "posts", "published", "average_engagement"],
        *[[b.key, b.posts, b.published, analytics.mean(b.engagement)] for b in found.by_hour],
        [],
        ["post_type", "posts", "published", "average_engagement"],
        *[[b.key, b.posts, b.published, analytics.mean(b.engagement)] for b in found.by_type],
        [],
        ["rank", "published_at", "post_type", "caption", "reach", "engagement"],
        *[
            [f"best {i}", p.local.isoformat(), p.post.post_type, p.post.caption[:200], p.reach, p.engagement]
            for i, p in enumerate(found.best, start=1)
        ],
    ]
    return csv_text.table(rows)
