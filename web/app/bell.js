// The notifications bell: the unread count, kept live from the socket, and a panel of the
// latest notifications, each opening what it is about.
import { call, currentUser } from "./api.js";
import { formatDate, h } from "./dom.js";
import { on } from "./live.js";

class Bell extends HTMLElement {
  connectedCallback() {
    this.count = h("span", { class: "bell-count", hidden: true });
    this.button = h(
      "button",
      { type: "button", class: "bell", "aria-expanded": "false", "aria-controls": "bell-panel", onclick: () => this.toggle() },
      h("img", { src: "/app/bell.svg", alt: "", width: 22, height: 22 }),
      h("span", { class: "sr-only" }, "Notifications"),
      this.count,
    );
    this.panel = h("div", { id: "bell-panel", class: "bell-panel card", hidden: true, role: "region", "aria-label": "Notifications" });
    this.replaceChildren(this.button, this.panel);
    this.unsubscribe = on("notification", (event) => {
      this.setUnread(this.unread + 1);
      if (!this.panel.hidden) this.load();
      this.announce(event);
    });
    this.unread = 0;
    this.load();
  }

  disconnectedCallback() {
    this.unsubscribe?.();
  }

  setUnread(n) {
    this.unread = Math.max(0, n);
    this.count.hidden = this.unread === 0;
    this.count.textContent = String(this.unread);
    this.button.setAttribute("aria-label", `Notifications, ${this.unread} unread`);
  }

  announce(event) {
    const live = document.getElementById("announcer");
    if (live) live.textContent = `${event.title}: ${event.message}`;
  }

  async load() {
    try {
      const page = await call("GET", "/api/v1/notifications?limit=20");
      this.setUnread(page.unread_count);
      if (!this.panel.hidden) this.render(page.items);
    } catch {
      // The bell waits for the next event or click.
    }
  }

  async toggle() {
    const opening = this.panel.hidden;
    this.panel.hidden = !opening;
    this.button.setAttribute("aria-expanded", String(opening));
    if (opening) await this.load();
  }

  render(items) {
    const zone = currentUser()?.timezone;
    this.panel.replaceChildren(
      h(
        "div",
        { class: "row bell-head" },
        h("h2", {}, "Notifications"),
        h("button", { type: "button", class: "link", onclick: () => this.readAll() }, "Mark all read"),
        h("a", { href: "#/settings" }, "Preferences"),
      ),
      items.length
        ? h(
            "ul",
            { class: "notifications" },
            items.map((n) =>
              h(
                "li",
                { class: n.read_at ? "read" : "unread" },
                h(
                  "button",
                  { type: "button", class: "notification", onclick: () => this.open(n) },
                  h("strong", {}, n.title),
                  h("span", {}, n.message),
                  h("time", { datetime: n.created_at }, formatDate(n.created_at, zone)),
                ),
              ),
            ),
          )
        : h("p", { class: "empty" }, "Nothing yet."),
    );
  }

  async open(notification) {
    if (!notification.read_at) {
      await call("POST", `/api/v1/notifications/${notification.id}/read`).catch(() => null);
      this.setUnread(this.unread - 1);
    }
    this.panel.hidden = true;
    this.button.setAttribute("aria-expanded", "false");
    if (notification.post_id) location.hash = `#/compose/${notification.post_id}`;
    else if (notification.media_id) location.hash = `#/media`;
  }

  async readAll() {
    await call("POST", "/api/v1/notifications/read-all");
    this.setUnread(0);
    await this.load();
  }
}

customElements.define("pf-bell", Bell);
