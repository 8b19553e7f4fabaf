import { startTransition, type FormEvent } from "react";

/**
 * An onSubmit handler that hands the form's data to a useActionState action. React 19 resets an
 * uncontrolled form after a `<form action={…}>` returns, refused or not; submitting through
 * onSubmit instead leaves every typed value in place, so a refusal can be corrected in place.
 */
export function submitKeepingValues(action: (data: FormData) => void) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => action(data));
  };
}
