/** For pages whose feature is not built yet: says what will be there, shows no numbers. */
export function ComingSoon({ title, summary, items }: { title: string; summary: string; items: string[] }) {
  return (
    <>
      <h1>{title}</h1>
      <section className="panel" data-testid="coming-soon">
        <p>
          <span className="badge warn">Not built yet</span>
        </p>
        <p>{summary}</p>
        <p className="muted">What this page will show:</p>
        <ul>
          {items.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
        <p className="muted">No figures are shown here until they are measured by running code.</p>
      </section>
    </>
  );
}
