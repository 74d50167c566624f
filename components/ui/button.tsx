import type { ComponentProps } from "react";

// Their styles are app/globals.css's .button-* classes.
const VARIANTS = { primary: "button-primary", secondary: "button-secondary", danger: "button-danger", quiet: "button-quiet" } as const;

export function Button({ variant = "primary", className = "", ...props }: ComponentProps<"button"> & { variant?: keyof typeof VARIANTS }) {
  return <button type="button" {...props} className={`button ${VARIANTS[variant]} ${className}`.trimEnd()} />;
}
