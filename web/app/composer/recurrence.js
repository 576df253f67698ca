// Repeating a post: a rule built from plain choices (every day, some weekdays, a day of the
// month; at a time; until a date or for a number of times), said back in words ("every
// Monday and Thursday at 09:30") and sent as the RFC 5545 RRULE the API takes.
import { call } from "../api.js";
import { addDays, dayLabel, pad, todayIn } from "../dates.js";
import { clearErrors, h, showErrors } from "../dom.js";

const DAYS = [
  ["MO", "Monday"],
  ["TU", "Tuesday"],
  ["WE", "Wednesday"],
  ["TH", "Thursday"],
  ["FR", "Friday"],
  ["SA", "Saturday"],
  ["SU", "Sunday"],
];
const DAY_NAMES = Object.fromEntries(DAYS);

const list = (words) => (words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`);
const ordinal = (n) => `${n}${n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th"}`;

/** "FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9;BYMINUTE=30" -> "every Monday and Thursday at 09:30". */
export function ruleInWords(rrule) {
  const parts = Object.fromEntries(rrule.split(";").map((p) => p.split("=")));
  const every = Number(parts.INTERVAL || 1);
  const time = parts.BYHOUR !== undefined ? ` at ${parts.BYHOUR.split(",").map((hour) => `${pad(hour)}:${pad(parts.BYMINUTE?.split(",")[0] ?? 0)}`).join(" and ")}` : "";
  let words;
  if (parts.FREQ === "WEEKLY" && parts.BYDAY) {
    const days = list(parts.BYDAY.split(",").map((d) => DAY_NAMES[d.slice(-2)] ?? d));
    words = every > 1 ? `every ${every} weeks on ${days}` : `every ${days}`;
  } else if (parts.FREQ === "MONTHLY" && parts.BYMONTHDAY) {
    words = `on the ${list(parts.BYMONTHDAY.split(",").map((d) => ordinal(Number(d))))} of ${every > 1 ? `every ${every} months` : "every month"}`;
  } else {
    const unit = { DAILY: "day", WEEKLY: "week", MONTHLY: "month", YEARLY: "year", HOURLY: "hour" }[parts.FREQ] ?? parts.FREQ?.toLowerCase();
    words = every > 1 ? `every ${every} ${unit}s` : `every ${unit}`;
  }
  if (parts.COUNT) words += `, ${parts.COUNT} times`;
  if (parts.UNTIL) words += `, until ${dayLabel(`${parts.UNTIL.slice(0, 4)}-${parts.UNTIL.slice(4, 6)}-${parts.UNTIL.slice(6, 8)}`)}`;
  return words + time;
}

/** The panel of post `postId`: its series if it has one, else the form to start one. */
export function recurrencePanel(postId, { zone, accountId }) {
  const panel = h("section", { class: "card", "aria-labelledby": "repeat-title" });

  async function load() {
    let series = null;
    try {
      series = await call("GET", `/api/v1/posts/${postId}/recurrence`);
    } catch (err) {
      if (err.status !== 404) throw err;
    }
    panel.replaceChildren(h("h2", { id: "repeat-title" }, "Repeat"), ...(series && series.status === "active" ? shown(series) : [form()]));
  }

  function shown(series) {
    return [
      h("p", { class: "rule" }, `Repeats ${ruleInWords(series.rrule)} (${series.timezone}).`),
      series.upcoming.length ? h("p", { class: "meta" }, "Next: ", series.upcoming.slice(0, 3).map((t) => `${dayLabel(t.slice(0, 10))} ${t.slice(11, 16)}`).join(" · ")) : null,
      h("button", { type: "button", class: "danger", onclick: async () => { await call("DELETE", `/api/v1/posts/${postId}/recurrence`); await load(); } }, "Stop repeating"),
    ].filter(Boolean);
  }

  function form() {
    const frequency = h("select", { id: "r-freq", name: "rrule", onchange: () => update() }, [["WEEKLY", "Some days of the week"], ["DAILY", "Every day"], ["MONTHLY", "A day of the month"]].map(([v, t]) => h("option", { value: v }, t)));
    const days = DAYS.map(([code, name]) => h("label", { class: "day-pick" }, h("input", { type: "checkbox", value: code, onchange: () => update(), checked: code === "MO" }), name.slice(0, 3)));
    const dayGroup = h("fieldset", { class: "days-pick" }, h("legend", {}, "On"), days);
    const monthDay = h("input", { id: "r-monthday", type: "number", min: 1, max: 31, value: 1, oninput: () => update() });
    const monthDayField = h("div", { class: "field", hidden: true }, h("label", { for: "r-monthday" }, "Day of the month"), monthDay);
    const time = h("input", { id: "r-time", type: "time", value: "09:30", oninput: () => update() });
    // From tomorrow unless said: today's time may have gone already.
    const start = h("input", { id: "r-start", name: "start_time", type: "date", value: addDays(todayIn(zone), 1), oninput: () => update(), "aria-describedby": "r-start-error" });
    const count = h("input", { id: "r-count", type: "number", min: 1, max: 500, placeholder: "no end", oninput: () => update() });
    const words = h("p", { class: "rule", "aria-live": "polite" });
    const error = h("p", { class: "form-error", role: "alert" });
    let rrule = "";

    function update() {
      const freq = frequency.value;
      dayGroup.hidden = freq !== "WEEKLY";
      monthDayField.hidden = freq !== "MONTHLY";
      const [hour, minute] = (time.value || "09:30").split(":").map(Number);
      const parts = [`FREQ=${freq}`];
      if (freq === "WEEKLY") {
        const picked = days.map((d) => d.querySelector("input")).filter((i) => i.checked).map((i) => i.value);
        parts.push(`BYDAY=${picked.join(",") || "MO"}`);
      }
      if (freq === "MONTHLY") parts.push(`BYMONTHDAY=${Math.min(31, Math.max(1, Number(monthDay.value) || 1))}`);
      parts.push(`BYHOUR=${hour}`, `BYMINUTE=${minute}`);
      if (Number(count.value) > 0) parts.push(`COUNT=${Math.floor(Number(count.value))}`);
      rrule = parts.join(";");
      words.textContent = `Publishes a copy ${ruleInWords(rrule)}${start.value ? `, from ${dayLabel(start.value)}` : ""}.`;
    }

    const element = h(
      "form",
      {
        novalidate: true,
        onsubmit: async (event) => {
          event.preventDefault();
          clearErrors(element, error);
          try {
            await call("POST", `/api/v1/posts/${postId}/recurrence`, {
              rrule,
              start_time: `${start.value || addDays(todayIn(zone), 1)}T${time.value || "09:30"}`,
              timezone: zone,
              account_id: accountId(),
            });
            await load();
          } catch (err) {
            showErrors(element, err, error);
          }
        },
      },
      h("div", { class: "field" }, h("label", { for: "r-freq" }, "Repeat"), frequency),
      dayGroup,
      monthDayField,
      h("div", { class: "row" }, h("label", { for: "r-time" }, "At"), time, h("label", { for: "r-start" }, "From"), start, h("label", { for: "r-count" }, "Times"), count),
      h("p", { class: "field-error", id: "r-start-error", role: "alert" }),
      h("p", { class: "field-error", id: "r-freq-error", role: "alert" }),
      words,
      error,
      h("button", { type: "submit" }, "Repeat this post"),
    );
    update();
    return element;
  }

  return { panel, load };
}
