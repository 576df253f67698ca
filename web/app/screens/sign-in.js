// Sign in, or make an account: the first screen of anyone without a session.
import { register, signIn } from "../api.js";
import { field, h, showErrors } from "../dom.js";

class SignIn extends HTMLElement {
  connectedCallback() {
    this.mode = this.mode ?? "signin";
    this.render();
  }

  render() {
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
    const form = h(
      "form",
      {
        class: "card narrow",
        novalidate: true,
        onsubmit: async (event) => {
          event.preventDefault();
          submit.disabled = true;
          try {
            if (creating) {
              // A new user's first step is connecting an account: the app opens there (set
              // without a hashchange, which would redraw this form).
              history.replaceState(null, "", "#/accounts");
              await register(email.value.trim(), password.value, name.value.trim(), zone);
            } else await signIn(email.value.trim(), password.value);
          } catch (err) {
            showErrors(form, err, general);
          } finally {
            submit.disabled = false;
          }
        },
      },
      h("h1", {}, creating ? "Create your Postflow account" : "Sign in to Postflow"),
      creating ? nameField : null,
      emailField,
      passwordField,
      creating ? h("p", { class: "hint" }, `Times will be shown in ${zone}; you can change it later.`) : null,
      general,
      submit,
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
}

customElements.define("pf-sign-in", SignIn);
