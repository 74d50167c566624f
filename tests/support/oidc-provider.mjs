// A real OpenID Connect provider (oidc-provider) configured like ProConnect, for the end-to-end
// tests: a confidential client authenticating with client_secret_post, PKCE required, the claims
// given_name / usual_name / email / uid / siret in a signed userinfo JWT (application/jwt), and
// ID tokens that carry no user claim. Its login and consent pages are oidc-provider's
// development interactions: any login is accepted and becomes the subject.
//
// Environment: OIDC_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PORT ?? 3101);
const issuer = `http://localhost:${port}`;

/** Known agents, by login. Any other login gets an address of its own at exemple.gouv.fr, and the SIRET its login names. */
const AGENTS = {
  // A demo coordinator whose administration spells the address with capitals.
  "agent-romans": { email: "Coordination@Romans-sur-Isere.TEST", given_name: "Camille", usual_name: "Martin", siret: "21260281600011" },
  "agent-nouveau": { email: "nora.benali@exemple.gouv.fr", given_name: "Nora", usual_name: "Benali", siret: "13002526500013" },
};

function claimsOf(login) {
  // "siret-<14 digits>-<anything>": an agent of that establishment (tests pick their organisation).
  const siret = /^siret-(\d{14})-/.exec(login)?.[1] ?? "13002526500013";
  const agent = AGENTS[login] ?? { email: `${login}@exemple.gouv.fr`, given_name: "Agent", usual_name: login, siret };
  return { ...agent, uid: login };
}

const redirectUri = process.env.OIDC_REDIRECT_URI ?? "http://localhost:3100/api/auth/callback/proconnect";

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID ?? "opencls-e2e",
      client_secret: process.env.OIDC_CLIENT_SECRET ?? "opencls-e2e-secret",
      redirect_uris: [redirectUri],
      // Signing out of OpenCLS ends the session here too, then comes back to the app's home page.
      post_logout_redirect_uris: [`${new URL(redirectUri).origin}/`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_post",
      id_token_signed_response_alg: "RS256",
      userinfo_signed_response_alg: "RS256",
    },
  ],
  jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "e2e-signing", use: "sig", alg: "RS256" }] },
  cookies: { keys: [randomBytes(32).toString("hex")] },
  // One scope per claim, as ProConnect does.
  claims: { openid: ["sub"], email: ["email"], given_name: ["given_name"], usual_name: ["usual_name"], uid: ["uid"], siret: ["siret"] },
  features: { devInteractions: { enabled: true }, userinfo: { enabled: true }, jwtUserinfo: { enabled: true } },
  pkce: { required: () => true },
  async findAccount(_ctx, sub) {
    return { accountId: sub, claims: async () => ({ sub, ...claimsOf(sub) }) };
  },
});

provider.listen(port, () => console.log(`oidc-provider: ${issuer}`));
