"use client";

import { useActionState, useState } from "react";
import { deleteMyAccount, type FormState } from "@/lib/accounts/actions";
import { Field, FormMessage } from "./form-parts";

const danger =
  "inline-flex items-center justify-center rounded-lg bg-rose-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-rose-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-600 disabled:opacity-70";
const quiet =
  "inline-flex items-center justify-center rounded-lg border border-zinc-300 px-4 py-2 text-sm font-medium text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-100 dark:hover:bg-zinc-800";

/** Deleting asks first, then for the password (or, without one, the email) to confirm it. */
export function DeleteAccount({ hasPassword }: { hasPassword: boolean }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState<FormState, FormData>(deleteMyAccount, {});
  if (!open) {
    return (
      <button type="button" className={quiet} onClick={() => setOpen(true)}>
        Delete my account…
      </button>
    );
  }
  return (
    <form action={action} className="max-w-sm space-y-4" data-testid="delete-account-form">
      <FormMessage>{state.message}</FormMessage>
      <Field
        name="confirm"
        label={hasPassword ? "Your password, to confirm" : "Your email address, to confirm"}
        type={hasPassword ? "password" : "email"}
        autoComplete={hasPassword ? "current-password" : "off"}
        required
        autoFocus
      />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={danger} disabled={pending}>
          {pending ? "Deleting…" : "Delete my account and sandbox"}
        </button>
        <button type="button" className={quiet} onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
