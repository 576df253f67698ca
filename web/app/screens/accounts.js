// Instagram accounts: connect one (its account id and an access token allowed to publish),
// see each, make one the default, set its minimum gap between posts, disconnect.
import { call, currentUser } from "../api.js";
import { clearErrors, field, formatDate, h, showErrors } from "../dom.js";

class Accounts extends HTMLElement {
  async connectedCallback() {
    this.status = h("p", { class: "status", role: "status", "aria-live": "polite" });
    this.list = h("ul", { class: "accounts", "aria-label": "Connected accounts" });
    this.replaceChildren(
      h(
        "section",
        { "aria-labelledby": "accounts-title" },
        h("h1", { id: "accounts-title" }, "Instagram accounts"),
        this.status,
        this.list,
        this.connectForm(),
      ),
    );
    await this.load();
  }

  async load() {
    try {
      this.show(await call("GET", "/api/v1/accounts"));
    } catch (err) {
      this.status.textContent = err.message;
    }
  }

  show(accounts) {
    const zone = currentUser()?.timezone;
    this.list.replaceChildren(
      ...(accounts.length
        ? accounts.map((account) => this.item(account, zone))
        : [h("li", { class: "empty" }, "No account yet: connect one below to schedule posts.")]),
    );
  }

  item(account, zone) {
    const name = account.username ? `@${account.username}` : `Account ${account.ig_user_id}`;
    const gapId = `gap-${account.id}`;
    const gap = h("input", {
      id: gapId,
      type: "number",
      min: "0",
      max: "1440",
      step: "1",
      value: String(account.min_gap_minutes),
      onchange: () => this.update(account, { min_gap_minutes: Number(gap.value) }, `${name}: minimum gap saved`),
    });
    return h(
      "li",
      { class: "card account" },
      h("div", { class: "who" }, h("strong", {}, name), account.is_default ? h("span", { class: "badge" }, "default") : null),
      h("p", { class: "meta" }, `Instagram id ${account.ig_user_id} · connected ${formatDate(account.connected_at, zone)}`),
      h("div", { class: "row" }, h("label", { for: gapId }, "Minutes between two posts"), gap),
      h(
        "div",
        { class: "row actions" },
        account.is_default
          ? null
          : h(
              "button",
              { type: "button", onclick: () => this.update(account, { is_default: true }, `${name} is now the default`) },
              "Make default",
            ),
        h(
          "button",
          {
            type: "button",
            class: "danger",
            onclick: async () => {
              if (!confirm(`Disconnect ${name}? Postflow forgets its token; its scheduled posts will not publish.`)) return;
              try {
                await call("DELETE", `/api/v1/accounts/${account.id}`);
                this.status.textContent = `${name} disconnected`;
                await this.load();
              } catch (err) {
                this.status.textContent = err.message;
              }
            },
          },
          "Disconnect",
        ),
      ),
    );
  }

  async update(account, change, done) {
    try {
      await call("PATCH", `/api/v1/accounts/${account.id}`, change);
      this.status.textContent = done;
      await this.load();
    } catch (err) {
      this.status.textContent = err.message;
    }
  }

  connectForm() {
    const general = h("p", { class: "form-error", role: "alert" });
    const [idField, igUserId] = field("Instagram account id", {
      name: "ig_user_id",
      inputmode: "numeric",
      autocomplete: "off",
      required: true,
    });
    const [tokenField, token] = field("Access token", {
      name: "access_token",
      type: "password",
      autocomplete: "off",
      required: true,
    });
    const submit = h("button", { type: "submit", class: "primary" }, "Connect account");
    const form = h(
      "form",
      {
        class: "card",
        novalidate: true,
        "aria-labelledby": "connect-title",
        onsubmit: async (event) => {
          event.preventDefault();
          submit.disabled = true;
          try {
            const account = await call("POST", "/api/v1/accounts", {
              ig_user_id: igUserId.value.trim(),
              access_token: token.value.trim(),
            });
            form.reset();
            clearErrors(form, general);
            this.status.textContent = `Connected ${account.username ? "@" + account.username : account.ig_user_id}`;
            await this.load();
          } catch (err) {
            showErrors(form, err, general);
          } finally {
            submit.disabled = false;
          }
        },
      },
      h("h2", { id: "connect-title" }, "Connect an account"),
      h(
        "p",
        { class: "hint" },
        "A professional (business or creator) account: its numeric id and an access token allowed to publish for it. Postflow checks the token with Instagram, then keeps it encrypted.",
      ),
      idField,
      tokenField,
      general,
      submit,
    );
    return form;
  }
}

customElements.define("pf-accounts", Accounts);
