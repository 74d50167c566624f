import { Alert } from "@/components/ui/alert";
import type { ConflictDetails } from "@/lib/actions/result";
import { ConflictNotice } from "./conflict-notice";

/**
 * The result of a submission above the form: a version conflict with its choices, the error
 * (announced), or the success message.
 */
export function FormMessages({
  error,
  success,
  conflict,
  onReapply,
  onDiscard,
}: {
  error?: string;
  success?: string;
  conflict?: ConflictDetails;
  onReapply?: () => void;
  onDiscard?: () => void;
}) {
  if (conflict && onReapply)
    return <ConflictNotice conflict={conflict} onReapply={onReapply} onDiscard={onDiscard ?? (() => window.location.reload())} />;
  if (error) return <Alert>{error}</Alert>;
  if (success) return <Alert tone="info">{success}</Alert>;
  return null;
}
