// Charts people read at a glance, made from the page's own elements (no library, nothing
// fetched): horizontal bars as a list, columns for the hours, a line over time in SVG. Each
// carries its figures as text too, for screen readers and for anyone who wants the number.
import { h } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  element.append(...children);
  return element;
}

const number = (value) => (value == null ? "–" : Math.round(value).toLocaleString());

/** rows: [{label, value, note?, flag?}] -> labelled horizontal bars, longest = 100%. */
export function bars(title, rows, { format = number } = {}) {
  const top = Math.max(...rows.map((r) => r.value ?? 0), 0) || 1;
  return h(
    "figure",
    { class: "chart bars" },
    h("figcaption", {}, title),
    rows.length
      ? h(
          "ul",
          {},
          rows.map((row) => {
            const bar = h("span", { class: `bar${row.flag ? " flagged" : ""}` });
            bar.style.width = `${Math.max(1, ((row.value ?? 0) / top) * 100)}%`;
            return h(
              "li",
              {},
              h("span", { class: "bar-label" }, row.label),
              h("span", { class: "bar-track" }, bar),
              h("span", { class: "bar-value" }, format(row.value), row.note ? ` ${row.note}` : ""),
            );
          }),
        )
      : h("p", { class: "empty" }, "Nothing in this range yet."),
  );
}

/** A column per key (the 24 hours): heights by value, the figures in each column's label. */
export function columns(title, rows, { format = number } = {}) {
  const top = Math.max(...rows.map((r) => r.value ?? 0), 0) || 1;
  return h(
    "figure",
    { class: "chart columns" },
    h("figcaption", {}, title),
    h(
      "ol",
      {},
      rows.map((row) => {
        const column = h("span", { class: "column" });
        column.style.height = `${((row.value ?? 0) / top) * 100}%`;
        return h("li", { "aria-label": `${row.label}: ${format(row.value)}`, title: `${row.label}: ${format(row.value)}` }, h("span", { class: "column-track" }, column), h("span", { class: "column-label", "aria-hidden": "true" }, row.short ?? row.label));
      }),
    ),
  );
}

/** series: [{name, points: [[x (ms), y]]}] -> an SVG line chart over time. */
export function line(title, series) {
  const width = 560;
  const height = 200;
  const pad = 28;
  const all = series.flatMap((s) => s.points);
  if (!all.length) return h("figure", { class: "chart" }, h("figcaption", {}, title), h("p", { class: "empty" }, "No figures collected yet."));
  const [minX, maxX] = [Math.min(...all.map((p) => p[0])), Math.max(...all.map((p) => p[0]))];
  const maxY = Math.max(...all.map((p) => p[1]), 1);
  const x = (v) => pad + ((v - minX) / Math.max(maxX - minX, 1)) * (width - 2 * pad);
  const y = (v) => height - pad - (v / maxY) * (height - 2 * pad);
  const colours = ["#3b3bb3", "#1b6e3a", "#b86e00", "#b3261e"];
  const chart = svg(
    "svg",
    { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": `${title}: ${series.map((s) => `${s.name} ${number(s.points.at(-1)?.[1])}`).join(", ")}` },
    svg("line", { x1: pad, y1: height - pad, x2: width - pad, y2: height - pad, stroke: "#c7c7d1" }),
    svg("text", { x: 2, y: pad - 8, "font-size": 11, fill: "#55566b" }, number(maxY)),
    ...series.map((s, i) =>
      svg("polyline", { points: s.points.map(([px, py]) => `${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(" "), fill: "none", stroke: colours[i % colours.length], "stroke-width": 2.5 }),
    ),
  );
  return h(
    "figure",
    { class: "chart line" },
    h("figcaption", {}, title),
    chart,
    h("ul", { class: "legend" }, series.map((s, i) => {
      const swatch = h("span", { class: "swatch" });
      swatch.style.background = colours[i % colours.length];
      return h("li", {}, swatch, `${s.name}: ${number(s.points.at(-1)?.[1])}`);
    })),
  );
}
