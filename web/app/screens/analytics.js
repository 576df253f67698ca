// Analytics: how a range went against the one before (GET /api/v1/calendar/analytics), when
// your audience answers (hours, weekdays), the content mix and how each kind reaches, the
// hashtags you lean on, your best and worst posts, and one post's figures over time.
import { call, currentUser, download } from "../api.js";
import { bars, columns, line } from "../charts.js";
import { addDays, todayIn } from "../dates.js";
import { h } from "../dom.js";
import "./report-schedules.js";

const RANGES = { 7: "Last 7 days", 30: "Last 30 days", 90: "Last 90 days" };
const WEEKDAYS = { monday: "Mon", tuesday: "Tue", wednesday: "Wed", thursday: "Thu", friday: "Fri", saturday: "Sat", sunday: "Sun" };

function change(pct) {
  if (pct == null) return h("span", { class: "change" }, "no earlier period to compare");
  const sign = pct > 0 ? "+" : "";
  return h("span", { class: `change ${pct >= 0 ? "up" : "down"}` }, `${sign}${Math.round(pct)}% on the period before`);
}

class Analytics extends HTMLElement {
  async connectedCallback() {
    this.zone = currentUser()?.timezone || "UTC";
    this.days = 30;
    const range = h(
      "select",
      { id: "a-range", onchange: () => { this.days = Number(range.value); this.load(); } },
      Object.entries(RANGES).map(([days, words]) => h("option", { value: days, selected: Number(days) === this.days }, words)),
    );
    this.body = h("div", { class: "analytics", "aria-live": "polite" });
    this.postBox = h("div");
    this.replaceChildren(
      h(
        "div",
        { class: "calendar-head" },
        h("h1", {}, "Analytics"),
        h("div", { class: "filter" }, h("label", { for: "a-range" }, "Range"), range),
        h("button", { type: "button", onclick: () => this.exportCsv() }, "Download CSV"),
        h("button", { type: "button", onclick: () => this.report() }, "PDF report"),
      ),
      this.body,
      this.postBox,
      h("pf-report-schedules"),
    );
    await this.load();
  }

  /** The range's published posts with their figures, as a spreadsheet opens them. */
  async exportCsv() {
    const end = todayIn(this.zone);
    const start = addDays(end, -(this.days - 1));
    const query = new URLSearchParams({ start_date: start, end_date: end, timezone: this.zone });
    try {
      await download(`/api/v1/calendar/analytics/export?${query}`, `postflow-${start}-${end}.csv`);
    } catch (err) {
      this.body.prepend(h("p", { class: "form-error", role: "alert" }, err.message));
    }
  }

  /** The range's report, with its charts, as a PDF to send to a client. */
  async report() {
    const end = todayIn(this.zone);
    const start = addDays(end, -(this.days - 1));
    const query = new URLSearchParams({ start_date: start, end_date: end, timezone: this.zone, format: "pdf" });
    try {
      await download(`/api/v1/reports/analytics?${query}`, `postflow-report-${start}-${end}.pdf`);
    } catch (err) {
      this.body.prepend(h("p", { class: "form-error", role: "alert" }, err.message));
    }
  }

  async load() {
    const end = todayIn(this.zone);
    const start = addDays(end, -(this.days - 1));
    try {
      const found = await call("GET", `/api/v1/calendar/analytics?${new URLSearchParams({ start_date: start, end_date: end, timezone: this.zone })}`);
      this.render(found);
    } catch (err) {
      this.body.replaceChildren(h("p", { class: "form-error" }, err.message));
    }
  }

  render(a) {
    const now = a.current;
    const tile = (label, value, pct) => h("div", { class: "tile-figure card" }, h("span", { class: "label" }, label), h("strong", {}, value), pct === undefined ? null : change(pct));
    const posts = (list, title) =>
      h(
        "section",
        { class: "card" },
        h("h2", {}, title),
        list.length
          ? h(
              "ol",
              { class: "ranked" },
              list.map((p) =>
                h(
                  "li",
                  {},
                  h("button", { type: "button", class: "link", onclick: () => this.showPost(p) }, p.caption_preview || "Untitled post"),
                  ` · ${p.post_type} · reach ${p.reach.toLocaleString()} · engagement ${p.engagement.toLocaleString()} (${(p.engagement_rate * 100).toFixed(1)}%)`,
                ),
              ),
            )
          : h("p", { class: "empty" }, "No published posts with figures in this range."),
      );
    const parts = [
      h(
        "div",
        { class: "figures" },
        tile("Posts", String(now.posts), a.change.posts_pct),
        tile("Published", String(now.published), a.change.published_pct),
        tile("Posts a week", now.posts_per_week.toFixed(1)),
        tile("Engagement per post", now.avg_engagement == null ? "–" : Math.round(now.avg_engagement).toLocaleString(), a.change.avg_engagement_pct),
        tile("Reach per post", now.avg_reach == null ? "–" : Math.round(now.avg_reach).toLocaleString(), a.change.avg_reach_pct),
      ),
      a.recommendations.length ? h("section", { class: "card" }, h("h2", {}, "What to change"), h("ul", {}, a.recommendations.map((r) => h("li", {}, r)))) : null,
      h(
        "div",
        { class: "chart-grid" },
        columns(
          "Engagement by hour of publishing",
          a.by_hour.map((s) => ({ label: `${s.key}:00`, short: Number(s.key) % 6 === 0 ? s.key : "", value: s.avg_engagement ?? 0 })),
        ),
        bars("Engagement by weekday", a.by_weekday.map((s) => ({ label: WEEKDAYS[s.key] ?? s.key, value: s.avg_engagement ?? 0, note: `(${s.published} published)` }))),
        bars("Content mix: posts by type", a.by_type.map((s) => ({ label: s.key, value: s.posts }))),
        bars(
          "Reach by type, against your average",
          a.type_reach.map((t) => ({ label: t.post_type, value: t.vs_average * 100, note: `(${Math.round(t.share_of_range * 100)}% of this range)` })),
          { format: (v) => `${Math.round(v)}%` },
        ),
        bars("Posts by status", a.by_status.map((s) => ({ label: s.key, value: s.count }))),
        bars(
          "Hashtags used most",
          a.hashtags.slice(0, 12).map((t) => ({ label: `#${t.hashtag}`, value: t.posts, flag: t.overused, note: t.overused ? "(on most posts: vary it)" : "" })),
        ),
      ),
      h("div", { class: "chart-grid" }, posts(a.best_posts, "Best posts"), posts(a.worst_posts, "Posts to learn from")),
    ];
    this.body.replaceChildren(...parts.filter(Boolean));
  }

  async showPost(post) {
    try {
      const series = await call("GET", `/api/v1/posts/${post.post_id}/metrics`);
      const points = (field) => series.samples.map((s) => [new Date(s.collected_at).getTime(), s[field]]);
      this.postBox.replaceChildren(
        h(
          "section",
          { class: "card", "aria-labelledby": "post-metrics" },
          h("h2", { id: "post-metrics" }, `Over time: ${post.caption_preview || "Untitled post"}`),
          line("Reach and engagement since publishing", [
            { name: "Reach", points: points("reach") },
            { name: "Likes", points: points("likes") },
            { name: "Comments", points: points("comments") },
          ]),
        ),
      );
      this.postBox.scrollIntoView({ block: "start" });
    } catch (err) {
      this.postBox.replaceChildren(h("p", { class: "form-error" }, err.message));
    }
  }
}

customElements.define("pf-analytics", Analytics);
