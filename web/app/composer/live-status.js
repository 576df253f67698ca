// A post's publishing, live: its timeline (scheduled → preparing → publishing → published,
// or failed with the reason and what to do, or being checked with Instagram) and a
// progress bar fed by the socket's publishing_progress events. Once published, the first
// comment's own step: posted, being posted, or failed with a Retry button.
import { call, currentUser } from "../api.js";
import { formatDate, h, webAddress } from "../dom.js";
import { on } from "../live.js";

const STEPS = ["scheduled", "preparing", "publishing", "published"];
const STEP_WORDS = {
  validating: "Checking the post",
  uploading: "Sending the media to Instagram",
  processing: "Instagram is processing the media",
  ready: "Ready: waiting for the minute",
  publishing: "Publishing",
  published: "Published",
  waiting_for_quota: "Waiting for the account's daily limit to free a slot",
  waiting_for_usage: "Instagram asked for fewer calls: waiting until it takes them again",
};

/** Where the post is on its way: the index in STEPS, from its status and workflow step. */
function position(status) {
  if (status.status === "published") return 3;
  if (status.status === "publishing") return 2;
  if (status.status === "scheduled") return status.step === "preparing" || status.step === "publishing" ? 1 : 0;
  return -1;
}

export function liveStatus(postId, { changed }) {
  const timeline = h("ol", { class: "timeline", "aria-label": "Publishing steps" });
  const bar = h("progress", { max: 100, value: 0, "aria-label": "Publishing progress", hidden: true });
  const step = h("p", { class: "meta", role: "status" });
  const outcome = h("div", { role: "status" });
  const comment = h("div", { class: "first-comment", role: "status" });
  const panel = h("section", { class: "card", "aria-labelledby": "live-title" }, h("h2", { id: "live-title" }, "Publishing"), timeline, bar, step, outcome, comment);
  const zone = currentUser()?.timezone;

  function render(status) {
    const at = position(status);
    timeline.replaceChildren(
      ...[
        ...STEPS.map((name, i) =>
        h("li", { class: at > i || (name === "published" && at === 3) ? "done" : at === i ? "current" : "" }, name[0].toUpperCase() + name.slice(1)),
      ),
        status.status === "failed" ? h("li", { class: "failed" }, "Failed") : null,
        status.status === "needs_reconcile" ? h("li", { class: "current" }, "Checking with Instagram") : null,
      ].filter(Boolean),
    );
    if (status.status === "published") {
      bar.hidden = false;
      bar.value = 100;
      step.textContent = "";
      outcome.replaceChildren(
        h(
          "p",
          { class: "ok" },
          `Published ${status.published_at ? formatDate(status.published_at, zone) : ""}. `,
          webAddress(status.permalink) ? h("a", { href: webAddress(status.permalink), target: "_blank", rel: "noopener noreferrer" }, "See it on Instagram") : null,
        ),
      );
    } else if (status.status === "failed") {
      bar.hidden = true;
      outcome.replaceChildren(
        h("p", { class: "form-error" }, status.last_error || "Publishing failed."),
        h("p", { class: "hint" }, "Fix what it says, then schedule it again below (or publish it now)."),
      );
    } else if (status.status === "needs_reconcile") {
      outcome.replaceChildren(h("p", { class: "hint" }, "Instagram's answer was lost: Postflow keeps asking whether it went out, and will not post it twice."));
    } else {
      outcome.replaceChildren();
    }
  }

  function renderComment(state) {
    if (!state?.status) return comment.replaceChildren();
    if (state.status === "posted") return comment.replaceChildren(h("p", { class: "ok" }, "First comment posted."));
    if (state.status === "pending") return comment.replaceChildren(h("p", { class: "meta" }, "Posting the first comment…"));
    const retry = h("button", { type: "button" }, "Retry the first comment");
    retry.addEventListener("click", async () => {
      retry.disabled = true;
      try {
        await call("POST", `/api/v1/posts/${postId}/first-comment/retry`);
        renderComment({ status: "pending" });
      } catch (err) {
        retry.disabled = false;
        comment.append(h("p", { class: "form-error" }, err.message));
      }
    });
    comment.replaceChildren(h("p", { class: "form-error" }, `The first comment was not posted: ${state.error}`), retry);
  }

  async function load() {
    try {
      const status = await call("GET", `/api/v1/posts/${postId}/status`);
      render(status);
      if (status.status === "published") renderComment((await call("GET", `/api/v1/posts/${postId}`)).first_comment);
    } catch {
      // A draft has no publishing to show.
    }
  }

  const stops = [
    on("publishing_progress", (event) => {
      if (event.post_id !== postId) return;
      bar.hidden = false;
      bar.value = event.progress;
      step.textContent = `${STEP_WORDS[event.current_step] || event.current_step} · ${event.progress}%`;
      if (event.progress < 100) render({ status: event.current_step === "publishing" ? "publishing" : "scheduled", step: "preparing" });
    }),
    on("post_status_update", async (event) => {
      if (event.post_id !== postId) return;
      await load();
      changed();
    }),
    on("first_comment", (event) => {
      if (event.post_id === postId) renderComment(event);
    }),
    on("resume_incomplete", load),
  ];

  return { panel, load, stop: () => stops.forEach((stop) => stop()) };
}
