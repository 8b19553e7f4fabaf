/** The error shown under one form field; renders nothing when there is none. */
export function FieldError({ message, testId }: { message?: string | string[] | null; testId?: string }) {
  const text = Array.isArray(message) ? message[0] : message;
  if (!text) return null;
  return (
    <span className="field-error" role="alert" data-testid={testId}>
      {text}
    </span>
  );
}
