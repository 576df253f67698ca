// The workspace switcher in the header: the workspaces the person belongs to, with their
// role in each; choosing one makes every screen (and the live socket) act in it. And the
// page an invitation's link opens (#/invitation?token=...), which joins it.
import { ApiError, call, currentUser, currentWorkspace, switchWorkspace } from "./api.js";
import { h } from "./dom.js";

class Workspaces extends HTMLElement {
  async connectedCallback() {
    const select = h("select", { id: "workspace", onchange: () => switchWorkspace(select.value) });
    this.replaceChildren(h("label", { for: "workspace", class: "sr-only" }, "Workspace"), select);
    try {
      const { items } = await call("GET", "/api/v1/workspaces");
      if (!items.some((w) => w.id === currentWorkspace())) switchWorkspace(currentUser().id);
      select.replaceChildren(
        ...items.map((w) =>
          h("option", { value: w.id, selected: w.id === currentWorkspace() ? "" : undefined }, `${w.personal ? "Personal" : w.name} (${w.role})`),
        ),
      );
    } catch {
      this.replaceChildren();
    }
  }
}
customElements.define("pf-workspaces", Workspaces);

class Invitation extends HTMLElement {
  async connectedCallback() {
    const token = new URLSearchParams(location.hash.split("?")[1] ?? "").get("token") ?? "";
    const said = h("p", { role: "status" }, "Joining…");
    this.replaceChildren(h("h1", {}, "Invitation"), said);
    try {
      const joined = await call("POST", "/api/v1/invitations/accept", { token });
      said.textContent = `You joined ${joined.name} as ${joined.role}.`;
      this.append(h("p", {}, h("a", { href: "#/calendar", onclick: () => switchWorkspace(joined.id) }, `Open ${joined.name}`)));
    } catch (err) {
      said.textContent = err instanceof ApiError ? err.fields.token || err.message : "The invitation could not be accepted.";
    }
  }
}
customElements.define("pf-invitation", Invitation);
