// A post's review and comments in the composer: whether this exact version is approved,
// submitting it for review, a reviewer's decision on it, and the post's comment threads
// (with @mentions of the workspace's members, and resolving a thread).
import { call, currentWorkspace } from "../api.js";
import { h } from "../dom.js";
import { REVIEW_WORDS, decide } from "../reviews.js";

/** The panel for `post()` (read afresh at each render); `changed()` reloads the post. */
export function reviewPanel(post, { changed }) {
  const panel = h("section", { class: "card", "aria-labelledby": "review-title" });
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  let members = null;

  async function act(doing) {
    try {
      await doing();
      await changed();
    } catch (err) {
      status.textContent = err.message;
    }
  }

  async function render() {
    const current = post();
    if (!current) return;
    members ??= (await call("GET", `/api/v1/workspaces/${currentWorkspace()}/members`).catch(() => ({ items: [] }))).items;
    const review = current.review ?? { status: "" };
    const note = h("textarea", { id: "review-note", "aria-label": "Note for the reviewers", rows: 2, maxlength: 2000 });
    const buttons = [];
    if (review.status !== "approved") {
      buttons.push(h("button", { type: "button", onclick: () => act(() => call("POST", `/api/v1/posts/${current.id}/review/submit`, { comment: note.value })) }, "Submit for review"));
      buttons.push(h("button", { type: "button", class: "primary", onclick: () => act(() => decide(current.id, current.version, "approve", note.value)) }, `Approve version ${current.version}`));
    }
    const comments = (await call("GET", `/api/v1/posts/${current.id}/comments`).catch(() => ({ items: [] }))).items;
    panel.replaceChildren(
      h("h2", { id: "review-title" }, "Review"),
      h("p", { class: `review-state review-${review.status || "none"}` }, `${REVIEW_WORDS[review.status] ?? review.status}${review.approved_version ? ` (approved: version ${review.approved_version})` : ""}`),
      note,
      h("div", { class: "actions" }, buttons),
      status,
      commentsBlock(current, comments, members, render),
    );
  }

  return { panel, render };
}

function commentsBlock(post, comments, members, rerender) {
  const byThread = new Map();
  for (const c of comments) {
    const thread = c.thread_id || c.id;
    if (!byThread.has(thread)) byThread.set(thread, []);
    byThread.get(thread).push(c);
  }
  const nameOf = (id, kind) => (kind === "client" ? "Client" : members.find((m) => m.user_id === id)?.name || members.find((m) => m.user_id === id)?.email || "A member");
  const body = h("textarea", { id: "comment-body", "aria-label": "Comment", rows: 2, maxlength: 5000 });
  const mention = h("select", { id: "comment-mention", "aria-label": "Mention" }, h("option", { value: "" }, "Mention nobody"), ...members.map((m) => h("option", { value: m.user_id }, `@${m.name || m.email}`)));
  const said = h("p", { class: "status", role: "status" });
  const send = async () => {
    try {
      await call("POST", `/api/v1/posts/${post.id}/comments`, { body: body.value, mentions: mention.value ? [mention.value] : [] });
      await rerender();
    } catch (err) {
      said.textContent = err.message;
    }
  };
  return h(
    "div",
    { class: "comments" },
    h("h3", {}, "Comments"),
    h(
      "ul",
      {},
      [...byThread.entries()].map(([thread, items]) =>
        h(
          "li",
          { class: items[0].resolved_at ? "thread resolved" : "thread" },
          items.map((c) => h("p", {}, h("strong", {}, `${nameOf(c.author_id, c.author_kind)}: `), c.body)),
          h("button", { type: "button", class: "link", onclick: async () => { await call("PATCH", `/api/v1/posts/${post.id}/comments/${thread}`, { resolved: !items[0].resolved_at }); await rerender(); } }, items[0].resolved_at ? "Reopen" : "Resolve"),
        ),
      ),
    ),
    body,
    mention,
    h("button", { type: "button", onclick: send }, "Comment"),
    said,
  );
}
