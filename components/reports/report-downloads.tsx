"use client";

// The three downloads of a campaign's evaluation report (PDF, Word, Excel). Each is a plain link
// that works without JavaScript; with it, the file is fetched so that its generation, which can
// take a few seconds on a large contract, shows its progress and its failures in French.
import { useRef, useState, type MouseEvent } from "react";
import { formatNumber } from "@/lib/format";

const FORMATS = [
  { extension: "pdf", label: "PDF", description: "document à imprimer" },
  { extension: "docx", label: "Word (DOCX)", description: "modifiable dans Word et LibreOffice" },
  { extension: "xlsx", label: "Excel (XLSX)", description: "tableaux chiffrés" },
] as const;

type Extension = (typeof FORMATS)[number]["extension"];

type State =
  | { kind: "idle" }
  | { kind: "working"; extension: Extension; received: number; total: number | null }
  | { kind: "done"; extension: Extension; fileName: string }
  | { kind: "failed"; message: string };

/** The name the server gave the file (Content-Disposition), else a fallback. */
function fileNameOf(response: Response, fallback: string) {
  const match = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "");
  return match?.[1] ?? fallback;
}

function failureMessage(response: Response | null) {
  if (!response) return "Le rapport n’a pas pu être téléchargé\u00a0: vérifiez votre connexion, puis réessayez.";
  if (response.redirected && new URL(response.url).pathname === "/connexion")
    return "Votre session a expiré\u00a0: reconnectez-vous, puis réessayez.";
  if (response.status === 404) return "Ce rapport est introuvable, ou vous n’y avez plus accès.";
  return "La génération du rapport a échoué. Réessayez dans un instant.";
}

/** Reads the body chunk by chunk, reporting the bytes received. */
async function readWithProgress(response: Response, onProgress: (received: number) => void): Promise<Blob> {
  if (!response.body) return response.blob();
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received);
  }
  return new Blob(chunks, { type: response.headers.get("Content-Type") ?? "application/octet-stream" });
}

/**
 * `reportPath` is the campaign's path without the file, e.g.
 * `/espace/<slug>/contrats/<contractId>/evaluations/<campaignId>`; the files are `rapport.pdf`,
 * `rapport.docx` and `rapport.xlsx` under it.
 */
export function ReportDownloads({ reportPath }: { reportPath: string }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const busy = useRef(false);

  async function download(event: MouseEvent<HTMLAnchorElement>, extension: Extension) {
    // Let the browser handle what is not a plain click (a new tab, a download by the context menu).
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (busy.current) return;
    busy.current = true;
    setState({ kind: "working", extension, received: 0, total: null });
    let response: Response | null = null;
    try {
      response = await fetch(`${reportPath}/rapport.${extension}`, { credentials: "same-origin", cache: "no-store" });
      if (!response.ok || response.redirected) throw new Error(`HTTP ${response.status}`);
      const length = Number(response.headers.get("Content-Length"));
      const total = Number.isFinite(length) && length > 0 ? length : null;
      const blob = await readWithProgress(response, (received) => setState({ kind: "working", extension, received, total }));
      const fileName = fileNameOf(response, `rapport.${extension}`);
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ kind: "done", extension, fileName });
    } catch {
      setState({ kind: "failed", message: failureMessage(response) });
    } finally {
      busy.current = false;
    }
  }

  const working = state.kind === "working" ? state : null;
  const percent = working?.total ? Math.min(100, Math.round((working.received / working.total) * 100)) : null;

  return (
    <div className="space-y-3">
      <ul className="flex flex-wrap gap-3" aria-label="Télécharger le rapport d’évaluation">
        {FORMATS.map((format) => (
          <li key={format.extension}>
            <a
              href={`${reportPath}/rapport.${format.extension}`}
              download
              onClick={(event) => void download(event, format.extension)}
              aria-disabled={working ? true : undefined}
              aria-describedby={`rapport-${format.extension}-aide`}
              className={`button button-secondary ${working ? "opacity-60" : ""}`.trimEnd()}
            >
              {format.label}
            </a>
            <span id={`rapport-${format.extension}-aide`} className="sr-only">
              Rapport d’évaluation, {format.description}
            </span>
          </li>
        ))}
      </ul>
      <div role="status" aria-live="polite" className="min-h-6 text-sm">
        {working ? (
          <div className="max-w-md space-y-1">
            <p className="text-slate-700">
              Génération du rapport ({FORMATS.find((format) => format.extension === working.extension)!.label})…
              {percent !== null ? ` ${formatNumber(percent)}\u00a0%` : null}
            </p>
            {percent !== null ? (
              <progress className="h-2 w-full accent-brand-700" max={100} value={percent} aria-label="Progression du téléchargement" />
            ) : (
              <progress className="h-2 w-full accent-brand-700" aria-label="Génération en cours" />
            )}
          </div>
        ) : state.kind === "done" ? (
          <p className="text-slate-700">{`Rapport téléchargé\u00a0: ${state.fileName}`}</p>
        ) : state.kind === "failed" ? (
          <p className="font-medium text-red-800">{state.message}</p>
        ) : null}
      </div>
    </div>
  );
}
