/** Values at a tiny JSON path such as `entry[*].resource.subject.reference` (`[*]` fans out). */
export function valuesAt(doc: unknown, path: string): unknown[] {
  let current: unknown[] = [doc];
  for (const part of path.split(".")) {
    const fan = part.endsWith("[*]");
    const key = fan ? part.slice(0, -3) : part;
    const next: unknown[] = [];
    for (const value of current) {
      const v = key ? (value as Record<string, unknown> | null)?.[key] : value;
      if (fan) next.push(...(Array.isArray(v) ? v : []));
      else if (v !== undefined) next.push(v);
    }
    current = next;
  }
  return current;
}
