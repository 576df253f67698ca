// Settings: your name and time zone (times without a zone are read in it, and the calendar's
// days are its days), and your notifications: which kinds go live to the app, by email or to
// a webhook, where, and the quiet hours when they are kept but sent nowhere.
import { call, currentUser } from "../api.js";
import { clearErrors, field, h, showErrors } from "../dom.js";

const KINDS = {
  post_published: "A post was published",
  post_failed: "A post failed to publish",
  post_needs_reconcile: "Instagram's answer was lost (being checked)",
  schedule_changed: "A post's time changed",
  media_ready: "A video is ready",
  media_failed: "A video could not be processed",
  post_milestone: "A post reached a milestone",
  account_needs_reauth: "An account needs to be reconnected",
  account_expiring: "An account's connection ends soon",
  first_comment_failed: "A first comment could not be posted",
  review_requested: "A post waits for review",
  post_approved: "A post was approved",
  changes_requested: "Changes were asked for on a post",
  approval_voided: "An approved post was changed",
  approval_needed: "A post is due but not approved",
  preflight_failed: "A scheduled post would fail (checked a day before)",
  reminder_due: "Time to post one you publish yourself",
  reminder_missed: "One you publish yourself was not marked done",
  mentioned: "Someone mentioned you in a comment",
};
const CHANNELS = ["websocket", "email", "webhook"];
const CHANNEL_WORDS = { websocket: "In the app", email: "Email", webhook: "Webhook" };
const DEFAULTS = { websocket: true, email: false, webhook: false };

function zones() {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return ["UTC"];
  }
}

class Settings extends HTMLElement {
  async connectedCallback() {
    this.replaceChildren(
      h("h1", {}, "Settings"),
      this.profileForm(),
      h("section", { class: "card", "aria-labelledby": "n-title" }, h("h2", { id: "n-title" }, "Notifications"), (this.notifications = h("div", {}, h("p", { class: "loading" }, "Loading…")))),
    );
    await this.loadPreferences();
  }

  profileForm() {
    const user = currentUser();
    const general = h("p", { class: "form-error", role: "alert" });
    const done = h("p", { class: "status", role: "status" });
    const [nameField, name] = field("Your name", { name: "name", value: user?.name ?? "", autocomplete: "name", maxlength: 200 });
    const zoneId = "p-timezone";
    const zone = h(
      "select",
      { id: zoneId, name: "timezone", "aria-describedby": `${zoneId}-error` },
      zones().map((z) => h("option", { value: z, selected: z === user?.timezone }, z.replaceAll("_", " "))),
    );
    const form = h(
      "form",
      {
        class: "card",
        novalidate: true,
        onsubmit: async (event) => {
          event.preventDefault();
          clearErrors(form, general);
          done.textContent = "";
          try {
            const saved = await call("PATCH", "/api/v1/auth/me", { name: name.value, timezone: zone.value });
            Object.assign(user, saved); // the screens read the zone from the session's user
            done.textContent = "Saved";
          } catch (err) {
            showErrors(form, err, general);
          }
        },
      },
      h("h2", {}, "You"),
      nameField,
      h("div", { class: "field" }, h("label", { for: zoneId }, "Time zone"), zone, h("p", { class: "field-error", id: `${zoneId}-error`, role: "alert" })),
      h("p", { class: "hint" }, "Times you type are read in this zone, and the calendar's days are its days."),
      general,
      h("div", { class: "row" }, h("button", { type: "submit", class: "primary" }, "Save"), done),
    );
    return form;
  }

  async loadPreferences() {
    try {
      this.preferences = await call("GET", "/api/v1/notifications/preferences");
      this.notifications.replaceChildren(this.preferencesForm(this.preferences));
    } catch (err) {
      this.notifications.replaceChildren(h("p", { class: "form-error" }, err.message));
    }
  }

  preferencesForm(prefs) {
    const general = h("p", { class: "form-error", role: "alert" });
    const done = h("p", { class: "status", role: "status" });
    const boxes = {};
    const table = h(
      "table",
      { class: "channels" },
      h("caption", { class: "sr-only" }, "Where each kind of notification goes"),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Notification"), CHANNELS.map((c) => h("th", { scope: "col" }, CHANNEL_WORDS[c])))),
      h(
        "tbody",
        {},
        Object.entries(KINDS).map(([kind, words]) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, words),
            CHANNELS.map((channel) => {
              const on = prefs.channels?.[kind]?.[channel] ?? DEFAULTS[channel];
              const box = h("input", { type: "checkbox", checked: on, "aria-label": `${words}: ${CHANNEL_WORDS[channel]}` });
              boxes[`${kind}.${channel}`] = box;
              return h("td", {}, box);
            }),
          ),
        ),
      ),
    );
    const [emailField, email] = field("Email address", { name: "email_address", type: "email", value: prefs.email_address ?? "" });
    const [hookField, hook] = field("Webhook URL", { name: "webhook_url", type: "url", value: prefs.webhook_url ?? "", placeholder: "https://example.com/hooks/postflow" });
    const quiet = h("input", { id: "q-on", type: "checkbox", checked: Boolean(prefs.quiet_hours?.start) });
    const [startField, start] = field("From", { name: "quiet_hours.start", type: "time", value: prefs.quiet_hours?.start ?? "22:00" });
    const [endField, end] = field("Until", { name: "quiet_hours.end", type: "time", value: prefs.quiet_hours?.end ?? "07:00" });
    const form = h(
      "form",
      {
        novalidate: true,
        onsubmit: async (event) => {
          event.preventDefault();
          clearErrors(form, general);
          done.textContent = "";
          const channels = {};
          for (const kind of Object.keys(KINDS)) {
            channels[kind] = Object.fromEntries(CHANNELS.map((c) => [c, boxes[`${kind}.${c}`].checked]));
          }
          try {
            // Saving replaces the preferences: what this form does not show goes back as it came.
            this.preferences = await call("POST", "/api/v1/notifications/preferences", {
              channels,
              email_address: email.value.trim(),
              webhook_url: hook.value.trim(),
              quiet_hours: quiet.checked ? { start: start.value, end: end.value } : null,
              timezone: currentUser()?.timezone || prefs.timezone || "UTC",
              ...(prefs.milestones ? { milestones: prefs.milestones } : {}),
            });
            done.textContent =
              this.preferences.email_address && !this.preferences.email_confirmed
                ? "Saved. Open the link we mailed to the address to start getting email."
                : "Saved";
          } catch (err) {
            showErrors(form, err, general);
          }
        },
      },
      table,
      emailField,
      hookField,
      prefs.webhook_secret ? h("p", { class: "hint" }, "Webhooks are signed with your secret: ", h("code", {}, prefs.webhook_secret)) : null,
      h("div", { class: "row" }, quiet, h("label", { for: "q-on" }, "Quiet hours (kept, sent nowhere meanwhile)")),
      h("div", { class: "row quiet" }, startField, endField),
      general,
      h("div", { class: "row" }, h("button", { type: "submit", class: "primary" }, "Save notifications"), done),
    );
    return form;
  }
}

customElements.define("pf-settings", Settings);
