// Building the page from data without ever parsing data as HTML: every text goes in as
// text (textContent), so a caption or an account name cannot become markup.

/** h("button", {class: "primary", onclick: f}, "Save") -> an element. */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      element.addEventListener(key.slice(2), value);
    } else if (key === "class") {
      element.className = value;
    } else if (key in element && typeof value !== "string") {
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? "" : String(value));
    }
  }
  element.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return element;
}

/** A labelled input with room for its error; returns [wrapper, input]. */
export function field(label, props) {
  const id = `f-${props.name}-${Math.random().toString(36).slice(2, 8)}`;
  const error = h("p", { class: "field-error", id: `${id}-error`, role: "alert" });
  const input = h("input", { id, "aria-describedby": `${id}-error`, ...props });
  return [h("div", { class: "field" }, h("label", { for: id }, label), input, error), input];
}

/** Takes away the messages of a form's last refusal. */
export function clearErrors(form, general) {
  form.querySelectorAll(".field-error").forEach((p) => (p.textContent = ""));
  form.querySelectorAll("[aria-invalid]").forEach((i) => i.removeAttribute("aria-invalid"));
  if (general) general.textContent = "";
}

/** Shows an ApiError's per-field messages beside the inputs named in it, else in `general`.
 * A field the API names within a list or object (media.0.url) goes to the input of its
 * root (media) when the form has no input of its own for it; the first message wins. */
export function showErrors(form, err, general) {
  clearErrors(form);
  let placed = false;
  for (const [name, message] of Object.entries(err.fields ?? {})) {
    const named = (field) => form.querySelector(`[name="${CSS.escape(field)}"]`);
    const input = named(name) ?? named(name.split(".")[0]);
    if (!input || input.getAttribute("aria-invalid")) continue;
    input.setAttribute("aria-invalid", "true");
    document.getElementById(`${input.id}-error`).textContent = message;
    placed = true;
  }
  general.textContent = placed ? "" : err.message;
}

export function formatDate(iso, zone) {
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short", timeZone: zone }).format(
    new Date(iso),
  );
}

/** `url` when it is an http(s) address, else null: a link made from data never runs script. */
export function webAddress(url) {
  if (!url) return null;
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}
