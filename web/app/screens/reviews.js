// Reviews: the posts waiting for a reviewer (submitted, or changed since their approval),
// each with the version to approve, what changed since the last approval, and the buttons
// to approve it or ask for changes.
import { call } from "../api.js";
import { h } from "../dom.js";
import { on } from "../live.js";
import { REVIEW_WORDS, decide } from "../reviews.js";

class Reviews extends HTMLElement {
  connectedCallback() {
    // Kept across reloads of the list: what was just done stays said.
    this.status = h("p", { class: "status", role: "status", "aria-live": "polite" });
    this.stop = on("review_changed", () => this.load());
    this.load();
  }

  disconnectedCallback() {
    this.stop?.();
  }

  async load() {
    const status = this.status;
    try {
      const { items } = await call("GET", "/api/v1/reviews/queue");
      this.replaceChildren(
        h("h1", {}, "Reviews"),
        status,
        items.length ? h("ul", { class: "review-queue" }, items.map((post) => this.card(post, status))) : h("p", {}, "Nothing waits for a review."),
      );
    } catch (err) {
      this.replaceChildren(h("h1", {}, "Reviews"), h("p", { role: "alert" }, err.message));
    }
  }

  card(post, status) {
    const comment = h("textarea", { "aria-label": `Comment on version ${post.version}`, rows: 2, maxlength: 2000 });
    const act = async (decision) => {
      try {
        await decide(post.id, post.version, decision, comment.value);
        status.textContent = decision === "approve" ? `Version ${post.version} approved.` : "Changes asked for.";
        this.load();
      } catch (err) {
        status.textContent = err.message;
      }
    };
    const since = post.review.approved_version
      ? h("a", { href: `#/compose/${post.id}` }, `Compare with approved version ${post.review.approved_version}`)
      : null;
    return h(
      "li",
      { class: "card review-card", "data-post": post.id },
      h("p", { class: "caption" }, post.caption || "(no caption)"),
      h("p", { class: "meta" }, `Version ${post.version} · ${REVIEW_WORDS[post.review.status] ?? post.review.status}${post.scheduled_local ? ` · due ${post.scheduled_local.slice(0, 16).replace("T", " ")}` : ""}`),
      since,
      comment,
      h("div", { class: "actions" },
        h("button", { type: "button", class: "primary", onclick: () => act("approve") }, `Approve version ${post.version}`),
        h("button", { type: "button", onclick: () => act("request_changes") }, "Ask for changes"),
        h("a", { href: `#/compose/${post.id}` }, "Open"),
      ),
    );
  }
}

customElements.define("pf-reviews", Reviews);
