// A client's review page (#/review?token=...): no account, no sign-in. The posts of the
// link as they will look on Instagram, each to approve or send back with a comment. It
// calls only the link's two public endpoints, and shows nothing the link does not.
import { publicCall } from "../api.js";
import { h } from "../dom.js";
import { REVIEW_WORDS } from "../reviews.js";

class ClientReview extends HTMLElement {
  async connectedCallback() {
    this.token = new URLSearchParams(location.hash.split("?")[1] ?? "").get("token") ?? "";
    this.replaceChildren(h("p", { class: "loading", role: "status" }, "Loading…"));
    try {
      const page = await publicCall("GET", `/api/v1/client-review/${encodeURIComponent(this.token)}`);
      const name = h("input", { id: "client-name", autocomplete: "name", maxlength: 100 });
      this.name = name;
      this.replaceChildren(
        h("h1", {}, page.label || "Posts for your review"),
        h("p", { class: "meta" }, `This link works until ${new Date(page.expires_at).toLocaleString()}.`),
        h("div", { class: "field" }, h("label", { for: "client-name" }, "Your name"), name),
        h("ul", { class: "client-posts" }, page.items.map((item) => this.card(item))),
      );
    } catch {
      this.replaceChildren(h("h1", {}, "This review link does not work"), h("p", {}, "It may have expired or been withdrawn. Ask for a new one."));
    }
  }

  card(item) {
    const status = h("p", { class: "status", role: "status", "aria-live": "polite" }, REVIEW_WORDS[item.review_status] ?? "");
    const comment = h("textarea", { "aria-label": "Your comment", rows: 3, maxlength: 2000 });
    const act = async (decision) => {
      try {
        const done = await publicCall("POST", `/api/v1/client-review/${encodeURIComponent(this.token)}/posts/${item.key}`, {
          version: item.version,
          decision,
          comment: comment.value,
          name: this.name.value,
        });
        status.textContent = done.review_status === "approved" ? "Approved. Thank you!" : "Sent back with your comment.";
      } catch (err) {
        status.textContent = err.fields?.comment ? "Say what should change." : err.message;
      }
    };
    const picture = item.media[0];
    return h(
      "li",
      { class: "card client-post" },
      picture ? h("img", { src: picture.thumbnail_url || picture.url, alt: "", class: "client-media" }) : null,
      h("p", { class: "caption" }, [item.caption, item.hashtags.map((t) => `#${t.replace(/^#/, "")}`).join(" ")].filter(Boolean).join("\n\n")),
      item.scheduled_local ? h("p", { class: "meta" }, `Goes out ${item.scheduled_local.slice(0, 16).replace("T", " ")}`) : null,
      comment,
      h("div", { class: "actions" },
        h("button", { type: "button", class: "primary", onclick: () => act("approve") }, "Approve"),
        h("button", { type: "button", onclick: () => act("request_changes") }, "Ask for changes"),
      ),
      status,
    );
  }
}

customElements.define("pf-client-review", ClientReview);
