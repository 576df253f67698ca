// Local calendar days as plain "YYYY-MM-DD" strings. The API reads them in the user's
// zone; here they are only counted, so UTC Date arithmetic on them never meets a DST change.

const DAY_MS = 86_400_000;

const asDate = (day) => new Date(`${day}T00:00:00Z`);
const asDay = (date) => date.toISOString().slice(0, 10);

/** Today in `zone` (the user's), whatever the browser's own zone is. */
export function todayIn(zone) {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(new Date())
    .reduce((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export const addDays = (day, n) => asDay(new Date(asDate(day).getTime() + n * DAY_MS));

/** 0 for Monday ... 6 for Sunday. */
export const weekdayOf = (day) => (asDate(day).getUTCDay() + 6) % 7;

export const mondayOf = (day) => addDays(day, -weekdayOf(day));

export function addMonths(day, n) {
  const date = asDate(day);
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + n);
  return asDay(date);
}

/** Every day from `start` to `end`, both included. */
export function daysBetween(start, end) {
  const days = [];
  for (let day = start; day <= end; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The month's days, padded to whole weeks from Monday to Sunday. */
export function monthGrid(day) {
  const first = `${day.slice(0, 7)}-01`;
  const last = addDays(addMonths(first, 1), -1);
  return daysBetween(mondayOf(first), addDays(mondayOf(last), 6));
}

export function dayLabel(day, options = { weekday: "short", day: "numeric", month: "short" }) {
  return new Intl.DateTimeFormat(undefined, { ...options, timeZone: "UTC" }).format(asDate(day));
}

export const monthLabel = (day) =>
  new Intl.DateTimeFormat(undefined, { month: "long", year: "numeric", timeZone: "UTC" }).format(asDate(day));

/** "2027-03-28T18:00:00+02:00" -> ["2027-03-28", "18:00"]: the wall clock the API gave. */
export const wallClock = (local) => [local.slice(0, 10), local.slice(11, 16)];

export const pad = (n) => String(n).padStart(2, "0");
