import type { ComponentProps } from "react";

const VARIANTS = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 disabled:bg-slate-400",
  secondary: "bg-white text-brand-800 ring-1 ring-inset ring-brand-700 hover:bg-brand-50 disabled:text-slate-500 disabled:ring-slate-300",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:bg-slate-400",
  quiet: "bg-transparent text-brand-800 underline underline-offset-2 hover:text-brand-900",
} as const;

export function Button({ variant = "primary", className = "", ...props }: ComponentProps<"button"> & { variant?: keyof typeof VARIANTS }) {
  return (
    <button
      type="button"
      {...props}
      className={`inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 font-medium transition-colors disabled:cursor-not-allowed ${VARIANTS[variant]} ${className}`}
    />
  );
}
