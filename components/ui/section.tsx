import type { ReactNode } from "react";

/** A titled block of a page, the target of in-page links (#id); its heading names it. */
export function Section({ id, title, children, description }: { id: string; title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-titre`} className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-5 sm:p-8">
      <h2 id={`${id}-titre`} className="text-xl font-semibold tracking-tight text-slate-900">
        {title}
      </h2>
      {description ? <div className="mt-2 text-slate-700">{description}</div> : null}
      <div className="mt-5">{children}</div>
    </section>
  );
}
