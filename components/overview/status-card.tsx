/** `ok` undefined: an informational card with no health badge. */
export function StatusCard({ title, ok, lines, testId }: { title: string; ok?: boolean; lines: string[]; testId: string }) {
  return (
    <section className="panel" data-testid={testId}>
      <h2 style={{ marginTop: 0 }}>
        {title} {ok !== undefined && <span className={`badge ${ok ? "ok" : "bad"}`}>{ok ? "OK" : "Problem"}</span>}
      </h2>
      {lines.map((l) => (
        <p key={l} className="muted" style={{ margin: ".25rem 0" }}>
          {l}
        </p>
      ))}
    </section>
  );
}
