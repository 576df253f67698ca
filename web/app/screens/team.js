// Team: the workspace the app acts in, its members and their roles, invitations by email,
// whether its posts need an approval before they go out, and making a new workspace.
import { ApiError, call, currentWorkspace, switchWorkspace } from "../api.js";
import { clearErrors, field, h, showErrors } from "../dom.js";

const ROLES = ["viewer", "contributor", "editor", "admin", "owner"];
const ROLE_WORDS = {
  owner: "Owner: everything, owners included",
  admin: "Admin: members, accounts, settings",
  editor: "Editor: writes, schedules, publishes, approves",
  contributor: "Contributor: writes drafts and submits them",
  viewer: "Viewer: sees and comments",
};

class Team extends HTMLElement {
  async connectedCallback() {
    this.replaceChildren(h("h1", {}, "Team"), h("p", { class: "loading" }, "Loading…"));
    const id = currentWorkspace();
    try {
      const [workspace, members, rule, accounts] = await Promise.all([
        call("GET", `/api/v1/workspaces/${id}`),
        call("GET", `/api/v1/workspaces/${id}/members`),
        call("GET", "/api/v1/approvals/rule"),
        call("GET", "/api/v1/accounts").catch(() => []),
      ]);
      this.accounts = accounts;
      const manages = workspace.rights.includes("members");
      const invitations = manages ? (await call("GET", `/api/v1/workspaces/${id}/invitations`)).items : [];
      this.replaceChildren(
        h("h1", {}, `Team · ${workspace.personal ? "Personal" : workspace.name}`),
        h("p", { class: "meta" }, `Your role: ${workspace.role}`),
        this.membersCard(workspace, members.items),
        manages ? this.inviteCard(workspace, invitations) : null,
        this.approvalCard(workspace, rule),
        this.hashtagGroupsCard(workspace),
        this.newWorkspaceCard(),
      );
    } catch (err) {
      this.replaceChildren(h("h1", {}, "Team"), h("p", { role: "alert" }, err.message));
    }
  }

  membersCard(workspace, members) {
    const status = h("p", { class: "status", role: "status" });
    const rows = members.map((m) => {
      const role = h(
        "select",
        {
          "aria-label": `Role of ${m.name || m.email}`,
          disabled: !workspace.rights.includes("members"),
          onchange: async () => {
            try {
              await call("PATCH", `/api/v1/workspaces/${workspace.id}/members/${m.user_id}`, { role: role.value });
              status.textContent = `${m.name || m.email} is now ${role.value}.`;
            } catch (err) {
              status.textContent = err.message;
              role.value = m.role;
            }
          },
        },
        ...ROLES.map((r) => h("option", { value: r, selected: r === m.role }, r)),
      );
      const remove = h(
        "button",
        {
          type: "button",
          class: "link",
          onclick: async () => {
            try {
              await call("DELETE", `/api/v1/workspaces/${workspace.id}/members/${m.user_id}`);
              this.connectedCallback();
            } catch (err) {
              status.textContent = err.message;
            }
          },
        },
        `Remove ${m.name || m.email}`,
      );
      return h(
        "li",
        {},
        h("span", {}, `${m.name || m.email} · ${m.email}`),
        role,
        workspace.rights.includes("members") ? remove : null,
        workspace.rights.includes("members") && !["owner", "admin"].includes(m.role) ? this.accountsOf(workspace, m, status) : null,
      );
    });
    return h("section", { class: "card", "aria-labelledby": "members-title" }, h("h2", { id: "members-title" }, "Members"), h("ul", { class: "members" }, rows), status);
  }

  /** The accounts a member may act on (none ticked: every one). */
  accountsOf(workspace, member, status) {
    const limited = new Set(member.account_ids ?? []);
    const boxes = (this.accounts ?? []).map((account) => {
      const box = h("input", { type: "checkbox", value: account.id, checked: limited.has(account.id) });
      return h("label", { class: "choice" }, box, ` @${account.username || account.ig_user_id}`);
    });
    const save = async () => {
      const ids = boxes.map((label) => label.querySelector("input")).filter((b) => b.checked).map((b) => b.value);
      try {
        await call("PATCH", `/api/v1/workspaces/${workspace.id}/members/${member.user_id}`, { account_ids: ids });
        status.textContent = ids.length ? `${member.name || member.email} may act on ${ids.length} account(s).` : `${member.name || member.email} may act on every account.`;
      } catch (err) {
        status.textContent = err.message;
      }
    };
    return h("details", { class: "member-accounts" }, h("summary", {}, "Accounts (none ticked: all)"), ...boxes, h("button", { type: "button", onclick: save }, "Save accounts"));
  }

  inviteCard(workspace, invitations) {
    const general = h("p", { class: "field-error", role: "alert" });
    const done = h("p", { class: "status", role: "status" });
    const [emailField, email] = field("Email", { name: "email", type: "email", autocomplete: "off" });
    const role = h("select", { id: "invite-role", name: "role" }, ...ROLES.filter((r) => r !== "owner").map((r) => h("option", { value: r, selected: r === "editor" }, ROLE_WORDS[r])));
    const form = h(
      "form",
      {
        novalidate: true,
        onsubmit: async (e) => {
          e.preventDefault();
          clearErrors(form, general);
          try {
            const issued = await call("POST", `/api/v1/workspaces/${workspace.id}/invitations`, { email: email.value, role: role.value });
            done.textContent = issued.mailed ? `Invitation sent to ${issued.invitation.email}.` : `Not mailed (no email server): send them this link.`;
            done.append(h("br"), h("code", { class: "invite-link" }, issued.link));
            email.value = "";
          } catch (err) {
            showErrors(form, err, general);
          }
        },
      },
      emailField,
      h("div", { class: "field" }, h("label", { for: "invite-role" }, "Role"), role),
      general,
      h("button", { type: "submit", class: "primary" }, "Invite"),
    );
    const pending = invitations.map((i) =>
      h(
        "li",
        {},
        `${i.email} as ${i.role}`,
        h("button", { type: "button", class: "link", onclick: async () => { await call("DELETE", `/api/v1/workspaces/${workspace.id}/invitations/${i.id}`); this.connectedCallback(); } }, `Revoke ${i.email}`),
      ),
    );
    return h(
      "section",
      { class: "card", "aria-labelledby": "invite-title" },
      h("h2", { id: "invite-title" }, "Invite someone"),
      form,
      done,
      pending.length ? h("div", {}, h("h3", {}, "Pending invitations"), h("ul", {}, pending)) : null,
    );
  }

  approvalCard(workspace, rule) {
    const status = h("p", { class: "status", role: "status" });
    const box = h("input", {
      type: "checkbox",
      id: "approval-required",
      checked: rule.required,
      disabled: !workspace.rights.includes("accounts"),
      onchange: async () => {
        try {
          await call("PUT", "/api/v1/approvals/rule", { required: box.checked, account_ids: rule.account_ids ?? [] });
          status.textContent = box.checked ? "Posts now need an approval of their exact version before they go out." : "Posts go out without an approval.";
        } catch (err) {
          status.textContent = err.message;
          box.checked = !box.checked;
        }
      },
    });
    return h(
      "section",
      { class: "card", "aria-labelledby": "approval-title" },
      h("h2", { id: "approval-title" }, "Approvals"),
      h("div", { class: "field" }, box, h("label", { for: "approval-required" }, "Require an approval before anything goes out")),
      h("p", { class: "hint" }, "An approval is for one version: its caption, media, options, account and time. Any change after it voids it, and a post due without one waits."),
      status,
    );
  }

  /** The workspace's hashtag groups (inserted from the composer), with how each did. */
  hashtagGroupsCard(workspace) {
    const list = h("ul", { class: "members" });
    const general = h("p", { class: "field-error", role: "alert" });
    const [nameField, name] = field("Group name", { name: "name", autocomplete: "off" });
    const [tagsField, tags] = field("Hashtags (comma-separated)", { name: "hashtags", autocomplete: "off" });
    const writes = workspace.rights.includes("write");
    const load = async () => {
      const { items } = await call("GET", "/api/v1/hashtag-groups");
      list.replaceChildren(
        ...items.map((g) => {
          const done = g.performance?.posts
            ? `${g.performance.posts} published post(s), reach ${Math.round(g.performance.average_reach ?? 0)} and engagement ${Math.round(g.performance.average_engagement ?? 0)} on average`
            : "not used on a published post yet";
          return h(
            "li",
            {},
            h("strong", {}, g.name),
            h("span", {}, g.hashtags.map((t) => `#${t}`).join(" ")),
            h("span", { class: "meta" }, done),
            writes ? h("button", { type: "button", class: "link", onclick: async () => { await call("DELETE", `/api/v1/hashtag-groups/${g.id}`); load(); } }, `Delete ${g.name}`) : null,
          );
        }),
      );
    };
    const form = h(
      "form",
      {
        novalidate: true,
        onsubmit: async (e) => {
          e.preventDefault();
          clearErrors(form, general);
          try {
            await call("POST", "/api/v1/hashtag-groups", { name: name.value, hashtags: tags.value.split(/[\s,]+/).filter(Boolean) });
            name.value = tags.value = "";
            load();
          } catch (err) {
            showErrors(form, err, general);
          }
        },
      },
      nameField,
      tagsField,
      general,
      h("button", { type: "submit" }, "Add group"),
    );
    load().catch(() => {});
    return h("section", { class: "card", "aria-labelledby": "groups-title" }, h("h2", { id: "groups-title" }, "Hashtag groups"), list, writes ? form : null);
  }

  newWorkspaceCard() {
    const general = h("p", { class: "field-error", role: "alert" });
    const [nameField, name] = field("Workspace name", { name: "name", autocomplete: "off" });
    const form = h(
      "form",
      {
        novalidate: true,
        onsubmit: async (e) => {
          e.preventDefault();
          clearErrors(form, general);
          try {
            const made = await call("POST", "/api/v1/workspaces", { name: name.value });
            switchWorkspace(made.id);
          } catch (err) {
            if (err instanceof ApiError) showErrors(form, err, general);
          }
        },
      },
      nameField,
      general,
      h("button", { type: "submit" }, "Create workspace"),
    );
    return h("section", { class: "card", "aria-labelledby": "new-ws-title" }, h("h2", { id: "new-ws-title" }, "A new workspace"), form);
  }
}

customElements.define("pf-team", Team);
