import { describe, expect, it } from "vitest";
import { signInMethods } from "./methods";
import { authProviders } from "./options";

const env = (vars: Record<string, string> = {}): NodeJS.ProcessEnv => ({ NODE_ENV: "test", ...vars });
const PROCONNECT = {
  PROCONNECT_ISSUER: "https://proconnect.exemple.gouv.fr/api/v2/",
  PROCONNECT_CLIENT_ID: "client",
  PROCONNECT_CLIENT_SECRET: "secret",
};
const providerIds = (vars: Record<string, string> = {}) => authProviders(env(vars)).map((provider) => provider.id);

describe("sign-in methods", () => {
  it("offer only the password when e-mail cannot leave and ProConnect is not configured", () => {
    expect(signInMethods(env())).toEqual({ password: true, magicLink: false, proConnect: false });
    expect(providerIds()).toEqual(["credentials"]);
  });

  it("offer a link by e-mail with SMTP, or with the development mailbox", () => {
    expect(signInMethods(env({ SMTP_URL: "smtp://mail.exemple.fr:587" })).magicLink).toBe(true);
    expect(signInMethods(env({ OPENCLS_DEVELOPMENT_MODE: "1" })).magicLink).toBe(true);
    expect(providerIds({ OPENCLS_DEVELOPMENT_MODE: "1" })).toEqual(["credentials", "email"]);
  });

  it("offer ProConnect only when its issuer, client id and secret are all set", () => {
    expect(signInMethods(env(PROCONNECT)).proConnect).toBe(true);
    expect(providerIds(PROCONNECT)).toEqual(["credentials", "proconnect"]);
    for (const missing of Object.keys(PROCONNECT)) {
      const partial = { ...PROCONNECT, [missing]: " " };
      expect(signInMethods(env(partial)).proConnect).toBe(false);
      expect(providerIds(partial)).toEqual(["credentials"]);
    }
  });
});
