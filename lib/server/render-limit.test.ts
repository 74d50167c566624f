import { createServer, request as httpRequest, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createRenderLimit, type RenderLimit } from "./render-limit";

/** A real HTTP server whose renders end only when the test says so. */
async function serverWith(limit: RenderLimit) {
  const pending: ServerResponse[] = [];
  const started: string[] = [];
  const server = createServer((request, response) =>
    limit.admit(response, () => {
      started.push(request.url!);
      pending.push(response);
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const ask = (path: string) => {
    const outgoing = httpRequest({ host: "127.0.0.1", port, path, agent: false });
    const answered = new Promise<void>((resolve) => outgoing.on("response", (response) => response.resume().on("end", resolve)));
    outgoing.on("error", () => {});
    outgoing.end();
    return { answered, abort: () => outgoing.destroy() };
  };
  const finish = (index: number) => pending[index].end("ok");
  return { server, ask, started, finish };
}

const until = async (condition: () => boolean) => {
  for (let tries = 0; !condition(); tries++) {
    if (tries > 200) throw new Error("condition not reached");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

let close: (() => void) | undefined;
afterEach(() => close?.());

describe("render limit", () => {
  it("renders at most max requests at once, the others in their order of arrival", async () => {
    const limit = createRenderLimit(2);
    const { server, ask, started, finish } = await serverWith(limit);
    close = () => server.close();
    const requests = ["/a", "/b", "/c", "/d"].map((path) => ask(path));
    await until(() => limit.running === 2 && limit.waiting === 2);
    expect(started).toEqual(["/a", "/b"]);

    finish(1);
    await requests[1].answered;
    await until(() => started.length === 3);
    expect(started).toEqual(["/a", "/b", "/c"]);
    expect([limit.running, limit.waiting]).toEqual([2, 1]);

    finish(0);
    finish(2);
    await until(() => started.length === 4);
    finish(3);
    await Promise.all(requests.map((request) => request.answered));
    expect([limit.running, limit.waiting]).toEqual([0, 0]);
  });

  it("never renders for a client that left while waiting, and frees a running place when one leaves", async () => {
    const limit = createRenderLimit(1);
    const { server, ask, started, finish } = await serverWith(limit);
    close = () => server.close();
    const running = ask("/running");
    await until(() => limit.running === 1);
    const leaving = ask("/leaving");
    const staying = ask("/staying");
    await until(() => limit.waiting === 2);
    leaving.abort();
    await new Promise((resolve) => setTimeout(resolve, 50));

    // The running request's client leaves too: its place goes to the next client still there.
    running.abort();
    await until(() => started.length === 2);
    expect(started).toEqual(["/running", "/staying"]);
    finish(1);
    await staying.answered;
    expect([limit.running, limit.waiting]).toEqual([0, 0]);
  });

  it("renders everything at once when max is 0", async () => {
    const limit = createRenderLimit(0);
    const { server, ask, started, finish } = await serverWith(limit);
    close = () => server.close();
    const requests = ["/a", "/b", "/c"].map((path) => ask(path));
    await until(() => started.length === 3);
    [0, 1, 2].forEach(finish);
    await Promise.all(requests.map((request) => request.answered));
  });
});
