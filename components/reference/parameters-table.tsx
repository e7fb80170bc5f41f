import type { ParameterObject } from "@/lib/openapi/types";
import { ValueLine } from "./schema-view";

const cell = "px-3 py-2 align-top";

export function ParametersTable({ parameters }: { parameters: ParameterObject[] }) {
  return (
    <div className="rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-zinc-200 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            <th scope="col" className={`${cell} font-medium`}>
              Name
            </th>
            <th scope="col" className={`${cell} font-medium`}>
              In
            </th>
            <th scope="col" className={`${cell} w-full font-medium`}>
              Value
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {parameters.map((parameter) => (
            <tr key={`${parameter.in}-${parameter.name}`}>
              <td className={cell}>
                <code className="font-mono text-[0.8125rem] font-semibold">{parameter.name}</code>
                {parameter.required && (
                  <span className="block text-xs font-medium text-rose-700 dark:text-rose-400">
                    required
                  </span>
                )}
              </td>
              <td className={`${cell} font-mono text-xs text-zinc-600 dark:text-zinc-400`}>
                {parameter.in}
              </td>
              <td className={cell}>
                <ValueLine schema={parameter.schema} />
                {parameter.description && (
                  <p className="text-[0.8125rem] text-zinc-600 dark:text-zinc-400">
                    {parameter.description}
                  </p>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
