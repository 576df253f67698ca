// The calendar: month, week and day in the user's zone. Posts are cards; a card dragged to
// another day or hour moves the post (POST /api/v1/calendar/reschedule), and while it is
// over a slot the same request with dry_run says whether it would fit, before the drop.
// Alt + arrow keys move a focused card without a mouse.
import { call, currentUser } from "../api.js";
import { REVIEW_WORDS } from "../reviews.js";
import { addDays, addMonths, dayLabel, daysBetween, monthGrid, monthLabel, mondayOf, pad, todayIn, wallClock } from "../dates.js";
import { h } from "../dom.js";
import { on } from "../live.js";
import { POST_TYPES, STATUS_WORDS, STATUSES } from "../vocabulary.js";

const VIEWS = ["month", "week", "day"];
const MOVABLE = new Set(["scheduled", "draft"]);
const COLOUR = /^#[0-9a-fA-F]{6}$/;
const ASK_AFTER_MS = 150;

const ISO_TIME = /(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}):\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g;
const POST_ID = /\b[Pp]ost [0-9a-f]{8}-[0-9a-f-]{27}\b/g;

/** A refused move's reason, in the calendar's words: the API names posts by id and times
 * in ISO 8601; here they read "another post" and "Tue, Dec 8 10:00". */
export function whyNot(err) {
  const reason = Object.values(err.fields ?? {})[0] || err.message;
  return reason
    .replace(/^post \S+: /, "")
    .replace(POST_ID, "another post")
    .replace(/^another post/, "Another post")
    .replace(ISO_TIME, (_, day, time) => `${dayLabel(day)} ${time}`);
}

class Calendar extends HTMLElement {
  async connectedCallback() {
    this.zone = currentUser()?.timezone || "UTC";
    const saved = new URLSearchParams(location.hash.split("?")[1] || "");
    this.view = VIEWS.includes(saved.get("view")) ? saved.get("view") : "week";
    this.day = /^\d{4}-\d{2}-\d{2}$/.test(saved.get("date") || "") ? saved.get("date") : todayIn(this.zone);
    this.filters = { account_id: "", status: "", post_type: "", campaign_id: "" };
    this.verdicts = new Map(); // "post|time" -> Promise of { ok, text }
    this.status = h("p", { class: "status", role: "status", "aria-live": "polite" });
    this.heading = h("h1", { id: "calendar-title" });
    this.body = h("div", { class: "calendar-body" });
    this.replaceChildren(
      h(
        "section",
        { "aria-labelledby": "calendar-title", class: "calendar" },
        h("div", { class: "calendar-head" }, this.heading, this.toolbar()),
        this.filterBar(),
        h(
          "p",
          { class: "hint", id: "calendar-keys" },
          "Open a post with a click or Enter. Drag it to another day or hour, or focus it and press Alt + ←/→ to move it a day, Alt + ↑/↓ an hour.",
        ),
        this.status,
        this.body,
      ),
    );
    this.loadChoices();
    // Live: a card shows its publishing progress, and the calendar redraws when a post
    // changes status or time (in this tab or another).
    const later = () => {
      clearTimeout(this.reloading);
      this.reloading = setTimeout(() => this.load(document.activeElement?.dataset?.postId), 300);
    };
    this.stops = [
      on("publishing_progress", (event) => this.progress(event)),
      on("post_status_update", later),
      on("schedule_changed", later),
      on("resume_incomplete", later),
      // An account connected or disconnected: the account filter lists it or not.
      on("account_changed", (event) => {
        if (["connected", "reconnected", "disconnected"].includes(event.change)) this.loadChoices();
      }),
    ];
    await this.load();
  }

  disconnectedCallback() {
    this.stops?.forEach((stop) => stop());
    clearTimeout(this.reloading);
  }

  progress(event) {
    const card = this.querySelector(`[data-post-id="${CSS.escape(event.post_id)}"]`);
    if (!card) return;
    const bar = card.querySelector("progress") ?? h("progress", { max: 100, "aria-label": "Publishing progress" });
    bar.value = event.progress;
    card.querySelector(".card-text").append(bar);
  }

  toolbar() {
    const viewButtons = VIEWS.map((view) =>
      h(
        "button",
        { type: "button", "aria-pressed": String(view === this.view), "data-view": view, onclick: () => this.go({ view }) },
        view[0].toUpperCase() + view.slice(1),
      ),
    );
    return h(
      "div",
      { class: "toolbar" },
      h("div", { class: "group", role: "group", "aria-label": "Period" },
        h("button", { type: "button", onclick: () => this.step(-1), "aria-label": "Previous" }, "‹"),
        h("button", { type: "button", onclick: () => this.go({ day: todayIn(this.zone) }) }, "Today"),
        h("button", { type: "button", onclick: () => this.step(1), "aria-label": "Next" }, "›"),
      ),
      h("div", { class: "group", role: "group", "aria-label": "View" }, viewButtons),
    );
  }

  filterBar() {
    const select = (name, label, options) => {
      const id = `filter-${name}`;
      const element = h(
        "select",
        { id, name, onchange: () => { this.filters[name] = element.value; this.load(); } },
        options.map(([value, text]) => h("option", { value }, text)),
      );
      return h("div", { class: "filter" }, h("label", { for: id }, label), element);
    };
    this.accountFilter = select("account_id", "Account", [["", "All accounts"]]);
    this.campaignFilter = select("campaign_id", "Campaign", [["", "All campaigns"]]);
    return h(
      "div",
      { class: "filters" },
      this.accountFilter,
      this.campaignFilter,
      select("post_type", "Type", [["", "All types"], ...POST_TYPES.map((t) => [t, t])]),
      select("status", "Status", [["", "All statuses"], ...STATUSES.map((s) => [s, STATUS_WORDS[s] || s])]),
    );
  }

  async loadChoices() {
    const fill = (wrapper, items) => {
      const box = wrapper.querySelector("select");
      const kept = box.value;
      box.replaceChildren(box.options[0], ...items.map(([value, text]) => h("option", { value }, text)));
      box.value = items.some(([value]) => value === kept) ? kept : "";
    };
    try {
      const [accounts, campaigns] = await Promise.all([call("GET", "/api/v1/accounts"), call("GET", "/api/v1/campaigns")]);
      fill(this.accountFilter, accounts.map((a) => [a.id, a.username ? `@${a.username}` : a.ig_user_id]));
      fill(this.campaignFilter, (campaigns.items ?? []).map((c) => [c.id, c.name]));
    } catch {
      // The calendar works without its filters' choices.
    }
  }

  range() {
    if (this.view === "month") {
      const grid = monthGrid(this.day);
      return [grid[0], grid.at(-1)];
    }
    if (this.view === "week") return [mondayOf(this.day), addDays(mondayOf(this.day), 6)];
    return [this.day, this.day];
  }

  step(direction) {
    if (this.view === "month") this.go({ day: addMonths(this.day, direction) });
    else this.go({ day: addDays(this.day, direction * (this.view === "week" ? 7 : 1)) });
  }

  go({ view = this.view, day = this.day }) {
    this.view = view;
    this.day = day;
    this.querySelectorAll("[data-view]").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.view === view)));
    history.replaceState(null, "", `#/calendar?view=${view}&date=${day}`);
    this.load();
  }

  async load(focusPost) {
    const [start, end] = this.range();
    const query = new URLSearchParams({ start_date: start, end_date: end, view_type: this.view, timezone: this.zone });
    for (const [name, value] of Object.entries(this.filters)) if (value) query.set(name, value);
    this.heading.textContent =
      this.view === "month" ? monthLabel(this.day) : this.view === "week" ? `Week of ${dayLabel(start)}` : dayLabel(start, { dateStyle: "full" });
    this.setAttribute("aria-busy", "true");
    try {
      const calendar = await call("GET", `/api/v1/calendar?${query}`);
      this.verdicts.clear();
      this.render(calendar, daysBetween(start, end));
      if (focusPost) this.querySelector(`[data-post-id="${CSS.escape(focusPost)}"]`)?.focus();
    } catch (err) {
      this.status.textContent = err.message;
    } finally {
      this.removeAttribute("aria-busy");
    }
  }

  render(calendar, days) {
    const byDay = new Map(calendar.calendar_data.map((d) => [d.date, d]));
    const gaps = new Map(calendar.content_gaps.map((g) => [g.date, g]));
    const today = todayIn(this.zone);
    const month = this.day.slice(0, 7);
    const dayBox = (day) => {
      const data = byDay.get(day);
      const gap = gaps.get(day);
      const classes = ["day", day === today ? "today" : "", gap ? "gap" : "", this.view === "month" && !day.startsWith(month) ? "other-month" : ""];
      const box = h(
        "li",
        { class: classes.filter(Boolean).join(" "), "data-date": day },
        h("h2", { class: "day-label" }, dayLabel(day), day === today ? h("span", { class: "sr-only" }, " (today)") : null),
        gap ? this.gapNote(gap) : null,
      );
      if (this.view === "month") {
        this.dropTarget(box, day, null);
        box.append(h("ul", { class: "cards" }, (data?.posts ?? []).map((post) => h("li", {}, this.card(post)))));
      } else {
        const best = new Set((gap?.suggested_times ?? []).map((t) => Number(wallClock(t)[1].slice(0, 2))));
        const hours = new Map((data?.hours ?? []).map((one) => [one.hour, one.posts]));
        box.append(
          h(
            "ol",
            { class: "hours", "aria-label": `Hours of ${dayLabel(day)}` },
            Array.from({ length: 24 }, (_, hour) => {
              const slot = h(
                "li",
                { class: `hour${best.has(hour) ? " best" : ""}`, "data-hour": String(hour) },
                h("span", { class: "hour-label" }, `${pad(hour)}:00`, best.has(hour) ? h("span", { class: "best-tag" }, " best") : null),
                h("ul", { class: "cards" }, (hours.get(hour) ?? []).map((post) => h("li", {}, this.card(post)))),
              );
              this.dropTarget(slot, day, hour);
              return slot;
            }),
          ),
        );
      }
      return box;
    };
    const summary = h(
      "p",
      { class: "meta" },
      `${calendar.total_posts} post${calendar.total_posts === 1 ? "" : "s"} · aiming for ${calendar.posting_frequency} a day (${
        calendar.frequency_source === "settings" ? "your setting" : "your recent rate"
      }) · times in ${calendar.timezone}`,
    );
    const weekdays =
      this.view === "month"
        ? [h("div", { class: "weekdays", "aria-hidden": "true" }, ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map((d) => h("span", {}, d)))]
        : [];
    this.body.replaceChildren(summary, ...weekdays, h("ol", { class: `days ${this.view}`, "aria-label": "Days" }, days.map(dayBox)));
  }

  gapNote(gap) {
    const times = gap.suggested_times.map((t) => wallClock(t)[1]).join(", ");
    return h(
      "p",
      { class: "gap-note" },
      `${gap.missing_posts} missing`,
      times ? ` · best ${times}` : "",
    );
  }

  card(post) {
    const [day, time] = wallClock(post.local_time);
    const status = post.planned ? "draft" : post.status;
    const movable = MOVABLE.has(status);
    const warning = post.preflight_status === "failed" ? " (would fail: open it to see why)" : "";
    const label = `${time}, ${STATUS_WORDS[status] || status} ${post.post_type}${warning}: ${post.caption_preview || "no caption"}`;
    const card = h(
      "article",
      {
        class: `post-card status-${status} type-${post.post_type}${post.planned ? " planned" : ""}`,
        tabindex: "0",
        draggable: movable ? "true" : "false",
        "aria-label": label,
        "aria-describedby": movable ? "calendar-keys" : undefined,
        "data-post-id": post.post_id,
        "data-day": day,
        "data-time": time,
        ondragstart: (event) => {
          event.dataTransfer.setData("text/plain", post.post_id);
          event.dataTransfer.effectAllowed = "move";
          this.dragging = { post, day, time };
          card.classList.add("dragging");
        },
        ondragend: () => {
          card.classList.remove("dragging");
          this.dragging = null;
          this.querySelectorAll("[data-verdict]").forEach((slot) => this.clearVerdict(slot));
        },
        onkeydown: (event) => {
          if (event.key === "Enter") location.hash = `#/compose/${post.post_id}`;
          else this.keyMove(event, post, day, time);
        },
        onclick: () => (location.hash = `#/compose/${post.post_id}`),
      },
      post.thumbnail_url
        ? h("img", {
            src: post.thumbnail_url,
            alt: "",
            loading: "lazy",
            width: 40,
            height: 40,
            draggable: "false",
            onerror: (event) => event.target.remove(), // a missing picture is no broken icon
          })
        : null,
      h(
        "div",
        { class: "card-text" },
        h("span", { class: "time" }, time),
        h("span", { class: "type" }, post.post_type),
        h("span", { class: "state" }, STATUS_WORDS[status] || status),
        post.review_status ? h("span", { class: `review review-${post.review_status}` }, REVIEW_WORDS[post.review_status] || post.review_status) : null,
        post.preflight_status === "failed" ? h("span", { class: "preflight-failed", title: "Checked before it goes out: something would fail. Open the post to see what." }, "⚠ Would fail") : null,
        h("span", { class: "caption" }, post.caption_preview || "No caption"),
      ),
    );
    if (post.campaign_colour && COLOUR.test(post.campaign_colour)) card.style.setProperty("--campaign", post.campaign_colour);
    return card;
  }

  /** Where a card dropped on (day, hour) lands: month keeps its time of day, week and day
   * views keep its minutes. */
  target(day, hour, time) {
    return hour === null ? `${day}T${time}` : `${day}T${pad(hour)}:${time.slice(3, 5)}`;
  }

  dropTarget(slot, day, hour) {
    // Cancelled dragenter and dragover both: the first makes the slot the drop target (else
    // the drag goes on over the page's body), the second keeps it one.
    const over = (event) => {
      if (!this.dragging) return;
      event.preventDefault();
      event.stopPropagation();
      event.dataTransfer.dropEffect = "move";
      const when = this.target(day, hour, this.dragging.time);
      if (slot.dataset.asked === `${this.dragging.post.post_id}|${when}`) return;
      slot.dataset.asked = `${this.dragging.post.post_id}|${when}`;
      this.showVerdict(slot, this.dragging.post, when);
    };
    slot.addEventListener("dragenter", over);
    slot.addEventListener("dragover", over);
    slot.addEventListener("dragleave", (event) => {
      if (!slot.contains(event.relatedTarget)) this.clearVerdict(slot);
    });
    slot.addEventListener("drop", (event) => {
      if (!this.dragging) return;
      event.preventDefault();
      event.stopPropagation();
      const { post, time } = this.dragging;
      this.clearVerdict(slot);
      this.move(post, this.target(day, hour, time));
    });
  }

  /** Whether the post would fit at `when`: asked once per post and time while dragging. */
  verdict(post, when) {
    const key = `${post.post_id}|${when}`;
    if (!this.verdicts.has(key)) {
      this.verdicts.set(
        key,
        call("POST", "/api/v1/calendar/reschedule", { moves: [this.moveOf(post, when)], dry_run: true }).then(
          (answer) => {
            const score = answer.moved[0]?.optimal_score;
            return { ok: true, text: score == null ? "Fits" : `Fits · audience score ${Math.round(score * 100)}` };
          },
          (err) => ({ ok: false, text: whyNot(err) }),
        ),
      );
    }
    return this.verdicts.get(key);
  }

  async showVerdict(slot, post, when) {
    slot.dataset.verdict = "asking";
    const note = slot.querySelector(":scope > .verdict") ?? h("p", { class: "verdict", role: "status" });
    note.textContent = "Checking…";
    slot.append(note);
    // Asked once the card rests on the slot: a card swept across the week asks nothing
    // of the slots it only passes over.
    await new Promise((resolve) => setTimeout(resolve, ASK_AFTER_MS));
    if (slot.dataset.asked !== `${post.post_id}|${when}`) return;
    const { ok, text } = await this.verdict(post, when);
    if (slot.dataset.asked !== `${post.post_id}|${when}`) return; // the drag went on elsewhere
    slot.dataset.verdict = ok ? "fits" : "refused";
    note.textContent = text;
  }

  clearVerdict(slot) {
    delete slot.dataset.verdict;
    delete slot.dataset.asked;
    slot.querySelector(":scope > .verdict")?.remove();
  }

  moveOf(post, when) {
    return { post_id: post.post_id, scheduled_time: when, timezone: this.zone };
  }

  async move(post, when) {
    const [day, time] = when.split("T");
    try {
      await call("POST", "/api/v1/calendar/reschedule", { moves: [this.moveOf(post, when)] });
      this.status.textContent = `Moved to ${dayLabel(day)} at ${time}`;
      await this.load(post.post_id);
    } catch (err) {
      this.status.textContent = `Not moved: ${whyNot(err)}`;
    }
  }

  keyMove(event, post, day, time) {
    if (!event.altKey || !["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"].includes(event.key)) return;
    event.preventDefault();
    if (!MOVABLE.has(post.planned ? "draft" : post.status)) {
      this.status.textContent = "Only scheduled posts and planned drafts move.";
      return;
    }
    let [hour, minute] = time.split(":").map(Number);
    let target = day;
    if (event.key === "ArrowLeft") target = addDays(day, -1);
    if (event.key === "ArrowRight") target = addDays(day, 1);
    if (event.key === "ArrowUp") hour -= 1;
    if (event.key === "ArrowDown") hour += 1;
    if (hour < 0) [target, hour] = [addDays(day, -1), 23];
    if (hour > 23) [target, hour] = [addDays(day, 1), 0];
    this.move(post, `${target}T${pad(hour)}:${pad(minute)}`);
  }
}

customElements.define("pf-calendar", Calendar);
