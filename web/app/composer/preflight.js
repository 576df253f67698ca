// A scheduled post's pre-flight in the composer: what was checked before it goes out (a day
// before, in its last hour, or now), each check's verdict in words a person can act on, and
// "Check now".
import { call } from "../api.js";
import { h } from "../dom.js";

const NAMES = { account: "Account", quota: "Publishing limit", media: "Media", video: "Video", caption: "Caption", approval: "Approval" };
const STAGES = { day_before: "a day before", final: "in its last hour", now: "on request" };

/** The panel for `post()` (read afresh at each render); `changed()` reloads the post. */
export function preflightPanel(post, { changed }) {
  const panel = h("section", { class: "card preflight", "aria-labelledby": "preflight-title" });
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });

  async function checkNow() {
    status.textContent = "Checking…";
    try {
      const found = await call("POST", `/api/v1/posts/${post().id}/preflight`);
      status.textContent = found.status === "passed" ? "Everything checked is fine." : "Something would fail: see below.";
      await changed();
    } catch (err) {
      status.textContent = err.message;
    }
  }

  function render() {
    const current = post();
    if (!current || current.status !== "scheduled") {
      panel.replaceChildren();
      panel.hidden = true;
      return;
    }
    panel.hidden = false;
    const found = current.preflight ?? { status: "", checks: [] };
    const summary = !found.status
      ? "Not checked yet for this version and time: it is checked a day before it goes out."
      : found.status === "passed"
        ? `Checked ${STAGES[found.stage] ?? ""}: everything is fine.`
        : `Checked ${STAGES[found.stage] ?? ""}: something would fail.`;
    panel.replaceChildren(
      h("h2", { id: "preflight-title" }, "Before it goes out"),
      h("p", { class: `preflight-state preflight-${found.status || "unchecked"}` }, summary),
      found.status
        ? h("ul", { class: "preflight-checks" }, found.checks.map((c) => h("li", { class: c.ok ? "ok" : "failed", "data-check": c.check }, `${c.ok ? "✓" : "✗"} ${NAMES[c.check] ?? c.check}${c.ok ? "" : `: ${c.message}`}`)))
        : null,
      h("button", { type: "button", onclick: checkNow }, "Check now"),
      status,
    );
  }

  return { panel, render };
}
