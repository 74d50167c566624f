import { highlightedParts } from "@/lib/search/queries";

/** A search's highlighted text: the words found in <mark>, the rest as plain text (never HTML). */
export function Highlighted({ text }: { text: string }) {
  return (
    <>
      {highlightedParts(text).map((part, index) =>
        part.hit ? (
          <mark key={index} className="rounded-sm bg-amber-100 px-0.5 text-inherit">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
