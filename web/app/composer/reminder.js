// A post its author publishes by hand: at its planned time a reminder comes; here are its
// media ready for Instagram to download, its caption to copy, and "Mark as done".
import { call } from "../api.js";
import { h } from "../dom.js";

const WORDS = {
  "": "You get a reminder at its planned time.",
  due: "It is time: publish it from your phone, then mark it done.",
  missed: "Its time passed without it being marked done.",
  done: "Done: you published it.",
};

/** The panel for `post()` (read afresh at each render); `changed()` reloads the post. */
export function reminderPanel(post, { changed }) {
  const panel = h("section", { class: "card reminder", "aria-labelledby": "reminder-title" });
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });

  async function downloads(current) {
    const links = [];
    for (const [index, item] of (current.media ?? []).entries()) {
      let url = item.url;
      if (!url && item.media_id) url = (await call("GET", `/api/v1/media/${item.media_id}`).catch(() => null))?.cdn_url;
      if (url) links.push(h("li", {}, h("a", { href: url, download: "", target: "_blank", rel: "noopener" }, `Download media ${index + 1}`)));
    }
    return links;
  }

  async function render() {
    const current = post();
    if (!current?.options?.publish_myself) {
      panel.hidden = true;
      panel.replaceChildren();
      return;
    }
    panel.hidden = false;
    const state = current.reminder?.state ?? "";
    const caption = h("textarea", { id: "reminder-caption", readonly: true, rows: 3, "aria-label": "Caption to copy" });
    caption.value = [current.caption, ...(current.hashtags ?? []).map((t) => (t.startsWith("#") ? t : `#${t}`))].filter(Boolean).join("\n\n");
    const copy = async () => {
      caption.select();
      try {
        await navigator.clipboard.writeText(caption.value);
        status.textContent = "Caption copied.";
      } catch {
        status.textContent = "Caption selected: copy it with your keyboard.";
      }
    };
    const done = async () => {
      try {
        await call("POST", `/api/v1/posts/${current.id}/reminder/done`);
        status.textContent = "Marked done.";
        await changed();
      } catch (err) {
        status.textContent = err.message;
      }
    };
    panel.replaceChildren(
      h("h2", { id: "reminder-title" }, "You publish it yourself"),
      h("p", { class: `reminder-state reminder-${state || "planned"}` }, WORDS[state] ?? state),
      h("ul", { class: "downloads" }, await downloads(current)),
      caption,
      h(
        "div",
        { class: "actions" },
        h("button", { type: "button", onclick: copy }, "Copy caption"),
        state === "due" || state === "missed" ? h("button", { type: "button", class: "primary", onclick: done }, "Mark as done") : null,
      ),
      status,
    );
  }

  return { panel, render };
}
