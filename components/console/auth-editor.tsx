import { useId } from "react";
import { fillVariables } from "@/content/variables";
import { type AuthScheme, type AuthState, authOf, authValue, startScheme, withAuth } from "./auth";
import type { Draft } from "./request";
import { inputClass, mutedTextClass } from "./styles";
import type { Variable } from "./variables";

type Props = {
  draft: Draft;
  onChange: (draft: Draft) => void;
  variables: readonly Variable[];
};

const SCHEMES: [AuthScheme, string][] = [
  ["none", "None"],
  ["bearer", "Bearer token"],
  ["basic", "Basic (username and password)"],
];

const selectClass = `${inputClass} w-auto pr-7 font-sans`;
const labelClass = "block space-y-1 text-xs font-medium text-zinc-700 dark:text-zinc-300";
const codeClass = "font-mono [overflow-wrap:anywhere] text-zinc-800 dark:text-zinc-200";

/**
 * The Auth tab: None, a Bearer token (RFC 6750) or Basic credentials (RFC 7617), written into the
 * request's Authorization header row, which the Headers tab shows and which stays the one place
 * the value lives.
 */
export function AuthEditor({ draft, onChange, variables }: Props) {
  const id = useId();
  const state = authOf(draft);
  const set = (next: AuthState) => onChange(withAuth(draft, next));
  const hasAccessToken = variables.some((v) => v.name === "accessToken");
  const lookup = (name: string) => variables.find((v) => v.name === name)?.value;

  return (
    <div className="space-y-2.5">
      <div className="flex flex-wrap items-center gap-2">
        <label
          htmlFor={`${id}-scheme`}
          className="text-xs font-medium text-zinc-700 dark:text-zinc-300"
        >
          Authorization
        </label>
        <select
          id={`${id}-scheme`}
          data-control="auth-scheme"
          value={state.scheme}
          onChange={(e) => set(startScheme(e.target.value as AuthScheme, hasAccessToken))}
          className={selectClass}
        >
          {SCHEMES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
          {state.scheme === "other" && <option value="other">Another scheme (see Headers)</option>}
        </select>
      </div>

      {state.scheme === "none" && (
        <p className={mutedTextClass}>
          No Authorization header. Choose Bearer to send an access token, Basic to send a username
          and password.
        </p>
      )}

      {state.scheme === "bearer" && (
        <>
          <label className={labelClass}>
            <span>Token</span>
            <input
              data-control="auth-token"
              list={`${id}-variables`}
              value={state.token}
              onChange={(e) => set({ scheme: "bearer", token: e.target.value })}
              placeholder="{{accessToken}} or the token itself"
              spellCheck={false}
              autoComplete="off"
              className={inputClass}
            />
          </label>
          <datalist id={`${id}-variables`}>
            {variables
              .filter((v) => v.name)
              .map((v) => (
                <option key={v.id} value={`{{${v.name}}}`} />
              ))}
          </datalist>
          <TokenNote token={state.token} lookup={lookup} />
        </>
      )}

      {state.scheme === "basic" && (
        <>
          <div className="grid gap-2 sm:grid-cols-2">
            <label className={labelClass}>
              <span>Username</span>
              <input
                data-control="auth-username"
                value={state.username}
                onChange={(e) => set({ ...state, username: e.target.value })}
                spellCheck={false}
                autoComplete="off"
                className={inputClass}
              />
            </label>
            <label className={labelClass}>
              <span>Password</span>
              <input
                data-control="auth-password"
                value={state.password}
                onChange={(e) => set({ ...state, password: e.target.value })}
                spellCheck={false}
                autoComplete="off"
                className={inputClass}
              />
            </label>
          </div>
          <p data-testid="basic-value" className={mutedTextClass}>
            Sends <span className={codeClass}>Authorization: {authValue(state)}</span>: base64 of{" "}
            <span className={codeClass}>
              {state.username}:{state.password}
            </span>
            . Anyone who sees it can decode it, so Basic belongs on HTTPS only.
          </p>
        </>
      )}

      {state.scheme === "other" && (
        <p className={mutedTextClass}>
          The Authorization header holds a value this tab does not edit:{" "}
          <span className={codeClass}>{state.value}</span>. Change it in Headers.
        </p>
      )}
    </div>
  );
}

/** Under a Bearer token: what its `{{variables}}` hold, or which are not set yet. */
function TokenNote({
  token,
  lookup,
}: {
  token: string;
  lookup: (name: string) => string | undefined;
}) {
  const { text, missing } = fillVariables(token, lookup);
  if (missing.length)
    return (
      <p className="text-xs text-amber-800 dark:text-amber-300">
        {missing.map((n) => `{{${n}}}`).join(", ")} {missing.length === 1 ? "is" : "are"} not set
        yet: see the Vars tab.
      </p>
    );
  if (text === token)
    return <p className={mutedTextClass}>Sent as Authorization: Bearer and this token.</p>;
  return (
    <p className={`${mutedTextClass} truncate`}>
      Sends <span className={codeClass}>Bearer {text}</span>
    </p>
  );
}
