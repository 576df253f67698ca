// The app's shell: the session (resumed from its cookie on load), the navigation, and the
// screen the address names (#/accounts, ...). Screens are custom elements, one module each.
import { currentUser, onSession, onWorkspace, resume, signOut } from "./api.js";
import "./bell.js";
import { h } from "./dom.js";
import { onConnection, start as startLive } from "./live.js";
import { finishLogin } from "./screens/accounts.js";
import "./screens/analytics.js";
import "./screens/calendar.js";
import "./screens/grid.js";
import "./screens/import.js";
import "./screens/client-review.js";
import "./screens/reviews.js";
import "./screens/team.js";
import "./workspaces.js";
import "./screens/composer.js";
import "./screens/media.js";
import "./screens/settings.js";
import "./screens/sign-in.js";

const SCREENS = {
  calendar: { title: "Calendar", tag: "pf-calendar" },
  grid: { title: "Grid", tag: "pf-grid" },
  import: { title: "Import", tag: "pf-import" },
  compose: { title: "New post", tag: "pf-composer" },
  media: { title: "Media", tag: "pf-media" },
  analytics: { title: "Analytics", tag: "pf-analytics" },
  reviews: { title: "Reviews", tag: "pf-reviews" },
  team: { title: "Team", tag: "pf-team" },
  accounts: { title: "Accounts", tag: "pf-accounts" },
  settings: { title: "Settings", tag: "pf-settings" },
};
const HOME = "calendar";

class App extends HTMLElement {
  async connectedCallback() {
    this.replaceChildren(h("p", { class: "loading", role: "status" }, "Loading…"));
    onSession(() => this.render());
    // Another workspace: every screen shows its data.
    onWorkspace(() => this.render());
    window.addEventListener("hashchange", () => this.render());
    await resume();
    startLive();
    this.render();
  }

  route() {
    const name = location.hash.replace(/^#\/?/, "").split(/[/?]/)[0];
    return SCREENS[name] ? name : HOME;
  }

  render() {
    if (location.hash.startsWith("#/review?")) {
      // A client's review link: no sign-in, nothing of the app around it.
      document.title = "Review · Postflow";
      this.replaceChildren(h("main", { id: "main" }, h("pf-client-review")));
      return;
    }
    const user = currentUser();
    // A reset link (#/reset-password?token=...) is for someone who cannot sign in.
    if (!user || location.hash.startsWith("#/reset-password")) {
      document.title = "Sign in · Postflow";
      this.replaceChildren(h("pf-sign-in"));
      return;
    }
    if (location.pathname === "/connect/callback") {
      // Back from Meta's login: finish it, then show the accounts screen with its outcome.
      finishLogin().then(() => this.render());
      return;
    }
    if (location.hash.startsWith("#/invitation?")) {
      this.replaceChildren(h("main", { id: "main" }, h("pf-invitation")));
      return;
    }
    const current = this.route();
    const screen = SCREENS[current];
    document.title = `${screen.title} · Postflow`;
    const nav = h(
      "nav",
      { "aria-label": "Main" },
      h(
        "ul",
        {},
        Object.entries(SCREENS).map(([name, { title }]) =>
          h("li", {}, h("a", { href: `#/${name}`, "aria-current": name === current ? "page" : undefined }, title)),
        ),
      ),
    );
    this.replaceChildren(
      h("a", { class: "skip", href: "#main" }, "Skip to content"),
      h(
        "header",
        { class: "top" },
        h("a", { class: "brand", href: `#/${HOME}` }, "Postflow"),
        nav,
        h(
          "div",
          { class: "me" },
          h("pf-workspaces"),
          this.connection(),
          h("pf-bell"),
          h("span", { class: "who" }, user.name || user.email),
          h("button", { type: "button", class: "link", onclick: () => signOut() }, "Sign out"),
        ),
      ),
      h("main", { id: "main", tabindex: "-1" }, h(screen.tag)),
      h("p", { id: "announcer", class: "sr-only", role: "status", "aria-live": "polite" }),
    );
  }

  /** "Live" while the socket is up; otherwise it says it is catching up. */
  connection() {
    const badge = h("span", { class: "connection", role: "status" });
    this.stopWatching?.();
    this.stopWatching = onConnection((state) => {
      badge.dataset.state = state;
      badge.textContent = state === "live" ? "● Live" : state === "connecting" ? "○ Reconnecting…" : "○ Offline";
    });
    return badge;
  }
}

customElements.define("pf-app", App);
