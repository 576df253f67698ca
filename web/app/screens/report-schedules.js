// Reports by email: the analytics report (PDF, with its figures as CSV) mailed weekly or
// monthly to the addresses given (a client's too), sent now on request, stopped at will.
import { call } from "../api.js";
import { h } from "../dom.js";

const EVERY = { weekly: "Every Monday (the week before)", monthly: "On the 1st (the month before)" };

class ReportSchedules extends HTMLElement {
  connectedCallback() {
    this.status = h("p", { class: "status", role: "status", "aria-live": "polite" });
    this.list = h("ul", { class: "report-schedules" });
    const name = h("input", { id: "r-name", name: "name", maxlength: 100, required: true, placeholder: "Harbour Bakery, monthly" });
    const frequency = h("select", { id: "r-frequency", name: "frequency" }, Object.entries(EVERY).map(([value, words]) => h("option", { value }, words)));
    const recipients = h("input", { id: "r-recipients", name: "recipients", type: "text", placeholder: "owner@example.com, manager@example.com" });
    const form = h(
      "form",
      {
        class: "report-form",
        onsubmit: async (event) => {
          event.preventDefault();
          try {
            await call("POST", "/api/v1/reports/schedules", {
              name: name.value,
              frequency: frequency.value,
              recipients: recipients.value.split(/[\s,;]+/).filter(Boolean),
            });
            this.status.textContent = `“${name.value}” will be mailed ${frequency.value === "weekly" ? "every Monday" : "on the 1st of each month"}.`;
            form.reset();
            this.load();
          } catch (err) {
            this.status.textContent = err.fields ? Object.values(err.fields).join("; ") : err.message;
          }
        },
      },
      h("div", { class: "field" }, h("label", { for: "r-name" }, "Report name"), name),
      h("div", { class: "field" }, h("label", { for: "r-frequency" }, "When"), frequency),
      h("div", { class: "field" }, h("label", { for: "r-recipients" }, "Send to (email addresses)"), recipients),
      h("button", { type: "submit" }, "Mail this report"),
    );
    this.replaceChildren(h("h2", {}, "Reports by email"), form, this.status, this.list);
    this.load();
  }

  async load() {
    try {
      const { items } = await call("GET", "/api/v1/reports/schedules");
      this.list.replaceChildren(...items.map((s) => this.item(s)));
    } catch (err) {
      this.status.textContent = err.message;
    }
  }

  item(schedule) {
    const act = async (doing, said) => {
      try {
        await doing();
        this.status.textContent = said;
        this.load();
      } catch (err) {
        this.status.textContent = err.message;
      }
    };
    const last = schedule.last_error ? `last not sent: ${schedule.last_error}` : schedule.last_sent_at ? `last sent ${schedule.last_sent_at.slice(0, 10)}` : "not sent yet";
    return h(
      "li",
      { "data-schedule": schedule.id },
      `${schedule.name} · ${schedule.frequency} · to ${schedule.recipients.join(", ")} · ${last} `,
      h("button", { type: "button", onclick: () => act(() => call("POST", `/api/v1/reports/schedules/${schedule.id}/send`), `“${schedule.name}” goes out within a few minutes.`) }, `Send “${schedule.name}” now`),
      h("button", { type: "button", onclick: () => act(() => call("DELETE", `/api/v1/reports/schedules/${schedule.id}`), `“${schedule.name}” stopped.`) }, `Stop “${schedule.name}”`),
    );
  }
}

customElements.define("pf-report-schedules", ReportSchedules);
