// Import: a CSV of posts (a month planned in a spreadsheet). Checked first, every row's
// problems shown by line and column; then imported by the server's workflow, its progress
// live over the socket, each row's outcome at the end. The same file twice is one import.
import { call, currentUser } from "../api.js";
import { h } from "../dom.js";
import { on } from "../live.js";

const COLUMNS = "caption, media, post_type, time, timezone, account, tags, hashtags, first_comment, campaign";
const OUTCOME_WORDS = {
  pending: "Waiting",
  scheduled: "Scheduled",
  planned: "Planned",
  draft: "Draft",
  failed: "Not scheduled (kept as a draft)",
  skipped: "Skipped",
};

class Import extends HTMLElement {
  connectedCallback() {
    this.status = h("p", { class: "status", role: "status", "aria-live": "polite" });
    this.file = h("input", { type: "file", accept: ".csv,text/csv", name: "csv", id: "import-file" });
    this.schedule = h("input", { type: "checkbox", id: "import-schedule", checked: true });
    this.results = h("div", { class: "import-results" });
    this.progress = h("progress", { max: 1, value: 0, hidden: true, "aria-label": "Import progress" });
    this.stop = on("import_progress", (event) => this.progressed(event));
    this.replaceChildren(
      h("h1", {}, "Import"),
      h("p", { class: "hint" }, `A CSV file with a header row naming its columns: ${COLUMNS}. Up to 1,000 rows; times without a zone are read in ${currentUser()?.timezone || "your zone"}.`),
      h(
        "form",
        { class: "import-form", onsubmit: (event) => (event.preventDefault(), this.check()) },
        h("label", { for: "import-file" }, "CSV file"),
        this.file,
        h("label", { class: "inline" }, this.schedule, " Schedule the rows that have a time (else they are planned drafts)"),
        h("button", { type: "submit" }, "Check the file"),
      ),
      this.status,
      this.progress,
      this.results,
      h("h2", {}, "Earlier imports"),
      h("ul", { class: "imports" }),
    );
    this.listEarlier();
  }

  disconnectedCallback() {
    this.stop?.();
    clearInterval(this.polling);
  }

  async body() {
    const file = this.file.files[0];
    if (!file) throw new Error("Choose a CSV file first.");
    return { csv: await file.text(), filename: file.name, schedule: this.schedule.checked, timezone: currentUser()?.timezone || "" };
  }

  async check() {
    try {
      const body = await this.body();
      const report = await call("POST", "/api/v1/imports/check", body);
      this.showCheck(report, body);
    } catch (err) {
      this.status.textContent = err.fields ? Object.entries(err.fields).map(([f, m]) => `${f}: ${m}`).join("; ") : err.message;
    }
  }

  showCheck(report, body) {
    if (report.file_problems.length) {
      this.status.textContent = "The file's header needs fixing.";
      this.results.replaceChildren(h("ul", { class: "problems" }, report.file_problems.map((p) => h("li", {}, `Line ${p.row}, ${p.column}: ${p.message}`))));
      return;
    }
    this.status.textContent = `${report.valid} of ${report.total} rows can be imported.`;
    const start = h("button", { type: "button", class: "primary", disabled: !report.valid, onclick: () => this.start(body) }, `Import ${report.valid} rows`);
    this.results.replaceChildren(this.table(report.rows, false), start);
  }

  table(rows, withOutcome) {
    return h(
      "table",
      { class: "import-rows" },
      h("caption", { class: "sr-only" }, withOutcome ? "Each row's outcome" : "Each row, checked"),
      h("thead", {}, h("tr", {}, ["Line", "Caption", "Type", "Time", "Account", withOutcome ? "Outcome" : "Problems"].map((t) => h("th", { scope: "col" }, t)))),
      h(
        "tbody",
        {},
        rows.map((row) =>
          h(
            "tr",
            { "data-row": row.row, class: row.ok ? "ok" : "has-problems" },
            h("td", {}, String(row.row)),
            h("td", {}, row.caption_preview || "(no caption)"),
            h("td", {}, row.post_type),
            h("td", {}, row.local_time ? row.local_time.replace("T", " ") : "—"),
            h("td", {}, row.account ? `@${row.account}` : "—"),
            withOutcome
              ? h("td", { class: `outcome outcome-${row.outcome}` }, OUTCOME_WORDS[row.outcome] ?? row.outcome, row.message ? ` — ${row.message}` : "", row.post_id ? [" ", h("a", { href: `#/compose/${row.post_id}` }, "Open")] : null)
              : h("td", { class: "problems" }, row.problems.length ? h("ul", {}, row.problems.map((p) => h("li", {}, `${p.column}: ${p.message}`))) : "OK"),
          ),
        ),
      ),
    );
  }

  async start(body) {
    try {
      const made = await call("POST", "/api/v1/imports", body);
      this.importId = made.id;
      if (made.repeated) this.status.textContent = "This file was imported before; here is that import.";
      this.progress.hidden = false;
      this.progress.max = made.total;
      this.progressed({ import_id: made.id, ...made });
      // The socket brings the progress; asking now and then covers an event missed while
      // the answer above was on its way.
      clearInterval(this.polling);
      this.polling = setInterval(async () => {
        const now = await call("GET", `/api/v1/imports/${made.id}`).catch(() => null);
        if (now) this.progressed({ import_id: now.id, ...now });
      }, 3000);
    } catch (err) {
      this.status.textContent = err.message;
    }
  }

  progressed(event) {
    if (event.import_id !== this.importId) return;
    this.progress.max = event.total;
    this.progress.value = event.processed;
    if (!this.status.textContent.startsWith("This file")) this.status.textContent = `Imported ${event.processed} of ${event.total} rows…`;
    if (event.status === "done") this.finished();
  }

  async finished() {
    if (this.finishing) return;
    this.finishing = true;
    clearInterval(this.polling);
    const done = await call("GET", `/api/v1/imports/${this.importId}`);
    this.status.textContent = `Done: ${done.imported} imported, ${done.failed} not scheduled, ${done.skipped} skipped.`;
    this.results.replaceChildren(this.table(done.rows, true));
    this.listEarlier();
    this.finishing = false;
    this.importId = null;
  }

  async listEarlier() {
    const list = this.querySelector("ul.imports");
    try {
      const { items } = await call("GET", "/api/v1/imports");
      list.replaceChildren(...(items.length ? items.map((i) => h("li", {}, `${i.filename || "A file"}: ${i.imported} of ${i.total} imported (${i.status})`)) : [h("li", {}, "None yet.")]));
    } catch {
      list.replaceChildren();
    }
  }
}

customElements.define("pf-import", Import);
