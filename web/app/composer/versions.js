// A post's history: every saved version, what changed from the one before (the caption as
// a line diff, lists as added and removed), and restoring one as the newest version.
import { call, currentUser } from "../api.js";
import { formatDate, h } from "../dom.js";

const show = (value) => (Array.isArray(value) ? value.join(", ") : typeof value === "object" && value ? JSON.stringify(value) : String(value ?? ""));

function change(one) {
  if (one.text_diff) {
    const lines = one.text_diff.split("\n").filter((l) => !/^(---|\+\+\+|@@)/.test(l));
    return h(
      "div",
      { class: "change" },
      h("strong", {}, one.field),
      h("pre", { class: "diff" }, lines.map((line) => h("span", { class: line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : "" }, `${line}\n`))),
    );
  }
  if (one.added || one.removed) {
    return h(
      "div",
      { class: "change" },
      h("strong", {}, one.field),
      (one.added ?? []).length ? h("p", { class: "add" }, `+ ${show(one.added)}`) : null,
      (one.removed ?? []).length ? h("p", { class: "del" }, `− ${show(one.removed)}`) : null,
    );
  }
  return h("div", { class: "change" }, h("strong", {}, one.field), h("p", {}, `${show(one.before)} → ${show(one.after)}`));
}

/** The history panel of post `postId`; `current()` is the post's version now, `restored(result)`
 * is called after a restore. */
export function versionsPanel(postId, { current, restored }) {
  const list = h("ul", { class: "versions" });
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const panel = h("section", { class: "card", "aria-labelledby": "versions-title" }, h("h2", { id: "versions-title" }, "Version history"), status, list);
  const zone = currentUser()?.timezone;

  async function load() {
    try {
      const versions = (await call("GET", `/api/v1/posts/${postId}/versions`)).sort((a, b) => b.version - a.version);
      list.replaceChildren(...versions.map(item));
    } catch (err) {
      status.textContent = err.message;
    }
  }

  function item(version) {
    const details = h("div", { class: "diff-box" });
    return h(
      "li",
      {},
      h("span", {}, `Version ${version.version} · ${formatDate(version.created_at, zone)}`, version.change_reason ? ` · ${version.change_reason}` : ""),
      h(
        "div",
        { class: "row" },
        version.version > 1
          ? h(
              "button",
              {
                type: "button",
                onclick: async () => {
                  const diff = await call("GET", `/api/v1/posts/${postId}/versions/diff?from=${version.version - 1}&to=${version.version}`);
                  details.replaceChildren(...(diff.changes.length ? diff.changes.map(change) : [h("p", {}, "No change")]));
                },
              },
              `Changes from version ${version.version - 1}`,
            )
          : null,
        version.version !== current()
          ? h(
              "button",
              {
                type: "button",
                onclick: async () => {
                  try {
                    const result = await call("POST", `/api/v1/posts/${postId}/versions/${version.version}/restore`, { version: current() });
                    status.textContent = `Version ${version.version} restored as version ${result.version}`;
                    restored(result);
                    await load();
                  } catch (err) {
                    status.textContent = err.message;
                  }
                },
              },
              `Restore version ${version.version}`,
            )
          : h("span", { class: "badge" }, "current"),
      ),
      details,
    );
  }

  return { panel, load };
}
