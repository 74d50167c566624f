import { describe, expect, it } from "vitest";
import { PROCONNECT_SCOPE, ProConnectProvider, proConnectConfig } from "./proconnect";

describe("ProConnect provider", () => {
  const config = proConnectConfig({
    PROCONNECT_ISSUER: " https://auth.exemple.gouv.fr/api/v2/ ",
    PROCONNECT_CLIENT_ID: "id",
    PROCONNECT_CLIENT_SECRET: "secret",
    NODE_ENV: "test",
  });

  it("discovers its endpoints from the issuer", () => {
    expect(config).toEqual({ issuer: "https://auth.exemple.gouv.fr/api/v2", clientId: "id", clientSecret: "secret" });
    expect(ProConnectProvider(config!).wellKnown).toBe("https://auth.exemple.gouv.fr/api/v2/.well-known/openid-configuration");
  });

  it("uses the authorization code flow with PKCE, state and nonce, and a signed userinfo", () => {
    const provider = ProConnectProvider(config!);
    expect(provider.checks).toEqual(["pkce", "state", "nonce"]);
    expect(provider.authorization).toEqual({ params: { scope: PROCONNECT_SCOPE } });
    expect(PROCONNECT_SCOPE).toBe("openid email given_name usual_name uid siret");
    expect(provider.client).toMatchObject({
      token_endpoint_auth_method: "client_secret_post",
      userinfo_signed_response_alg: "RS256",
      id_token_signed_response_alg: "RS256",
    });
    expect(provider.allowDangerousEmailAccountLinking).toBe(true);
  });

  it("turns the claims into a user named from given_name and usual_name, with a lower-case e-mail", async () => {
    const profile = await ProConnectProvider(config!).profile(
      {
        sub: "abc",
        email: "Camille.Martin@Exemple.GOUV.fr",
        given_name: "Camille",
        usual_name: "Martin",
        uid: "1",
        siret: "13002526500013",
      },
      {},
    );
    expect(profile).toEqual({ id: "abc", email: "camille.martin@exemple.gouv.fr", name: "Camille Martin" });
  });
});
