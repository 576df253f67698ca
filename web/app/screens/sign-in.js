// Sign in, or make an account: the first screen of anyone without a session. A forgotten
// password: a reset link by email, which opens #/reset-password?token=... here.
import { register, requestPasswordReset, resetPassword, signIn } from "../api.js";
import { field, h, showErrors } from "../dom.js";

/** A sign-in screen's form: its submit button held while `act` runs, its refusal shown in it. */
function submittedForm(submit, general, act, ...children) {
  const form = h(
    "form",
    {
      class: "card narrow",
      novalidate: true,
      onsubmit: async (event) => {
        event.preventDefault();
        submit.disabled = true;
        try {
          await act();
        } catch (err) {
          showErrors(form, err, general);
        } finally {
          submit.disabled = false;
        }
      },
    },
    ...children,
  );
  return form;
}

const resetToken = () => new URLSearchParams(location.hash.split("?")[1] || "").get("token");

class SignIn extends HTMLElement {
  connectedCallback() {
    this.mode = this.mode ?? (location.hash.startsWith("#/reset-password") ? "reset" : "signin");
    this.render();
  }

  switchTo(mode, notice = "") {
    this.mode = mode;
    this.notice = notice;
    this.render();
  }

  render() {
    if (this.mode === "forgot") return this.renderForgot();
    if (this.mode === "reset") return this.renderReset();
    const creating = this.mode === "register";
    const general = h("p", { class: "form-error", role: "alert" });
    const [emailField, email] = field("Email", { name: "email", type: "email", autocomplete: "email", required: true });
    const [passwordField, password] = field("Password", {
      name: "password",
      type: "password",
      autocomplete: creating ? "new-password" : "current-password",
      minlength: creating ? 8 : undefined,
      required: true,
    });
    const [nameField, name] = field("Your name", { name: "name", autocomplete: "name" });
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    const submit = h("button", { type: "submit", class: "primary" }, creating ? "Create account" : "Sign in");
    const form = submittedForm(
      submit,
      general,
      async () => {
        if (creating) {
          // A new user's first step is connecting an account: the app opens there (set
          // without a hashchange, which would redraw this form).
          history.replaceState(null, "", "#/accounts");
          await register(email.value.trim(), password.value, name.value.trim(), zone);
        } else await signIn(email.value.trim(), password.value);
      },
      h("h1", {}, creating ? "Create your Postflow account" : "Sign in to Postflow"),
      this.notice ? h("p", { class: "ok", role: "status" }, this.notice) : null,
      creating ? nameField : null,
      emailField,
      passwordField,
      creating ? h("p", { class: "hint" }, `Times will be shown in ${zone}; you can change it later.`) : null,
      general,
      submit,
      creating ? null : h("p", { class: "switch" }, h("button", { type: "button", class: "link", onclick: () => this.switchTo("forgot") }, "Forgot your password?")),
      h(
        "p",
        { class: "switch" },
        creating ? "Already have an account? " : "New to Postflow? ",
        h(
          "button",
          {
            type: "button",
            class: "link",
            onclick: () => {
              this.mode = creating ? "signin" : "register";
              this.render();
            },
          },
          creating ? "Sign in" : "Create an account",
        ),
      ),
    );
    this.replaceChildren(h("main", { id: "main", class: "centered" }, form));
    (creating ? name : email).focus();
  }

  /** A form of one field and a button, its outcome said in it. */
  simpleForm(title, fieldNode, input, label, act) {
    const general = h("p", { class: "form-error", role: "alert" });
    const done = h("p", { class: "ok", role: "status" });
    const submit = h("button", { type: "submit", class: "primary" }, label);
    const form = submittedForm(
      submit,
      general,
      async () => {
        done.textContent = await act();
      },
      h("h1", {}, title),
      fieldNode,
      general,
      done,
      submit,
      h("p", { class: "switch" }, h("button", { type: "button", class: "link", onclick: () => this.switchTo("signin") }, "Back to sign in")),
    );
    this.replaceChildren(h("main", { id: "main", class: "centered" }, form));
    input.focus();
  }

  renderForgot() {
    const [emailField, email] = field("Email", { name: "email", type: "email", autocomplete: "email", required: true });
    this.simpleForm("Reset your password", emailField, email, "Send me a reset link", async () => {
      await requestPasswordReset(email.value.trim());
      return "If the address has an account, a reset link is on its way. It works once, for an hour.";
    });
  }

  renderReset() {
    const [passwordField, password] = field("New password", {
      name: "new_password",
      type: "password",
      autocomplete: "new-password",
      minlength: 8,
      required: true,
    });
    this.simpleForm("Choose a new password", passwordField, password, "Set the new password", async () => {
      await resetPassword(resetToken() || "", password.value);
      history.replaceState(null, "", "#/");
      this.switchTo("signin", "Your password is changed, and every session ended: sign in with the new one.");
      return "";
    });
  }
}

customElements.define("pf-sign-in", SignIn);
