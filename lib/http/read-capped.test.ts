import { describe, expect, it } from "vitest";
import { readCappedText } from "./read-capped";

/** A body of `chunks` × 1 KiB that counts how many chunks were pulled from it. */
function streamed(chunks: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(1024).fill(97));
    },
  });
  const request = new Request("http://x/", { method: "POST", body, duplex: "half" } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("readCappedText", () => {
  it("reads a body within the cap", async () => {
    expect(await readCappedText(new Request("http://x/", { method: "POST", body: '{"a":1}' }), 1024)).toEqual({ ok: true, text: '{"a":1}' });
  });

  it("stops reading a streamed body at the first chunk past the cap", async () => {
    const s = streamed(10_000);
    expect(await readCappedText(s.request, 2048)).toEqual({ ok: false });
    expect(s.pulled()).toBeLessThan(10);
  });

  it("refuses a declared Content-Length over the cap without reading", async () => {
    const s = streamed(10);
    const request = new Request(s.request, { headers: { "content-length": "999999" } });
    expect(await readCappedText(request, 1024)).toEqual({ ok: false });
    expect(s.pulled()).toBeLessThan(3);
  });
});
