import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { ConflictDetails, FieldErrors } from "@/lib/actions/result";
import { ConflictNotice } from "./conflict-notice";

const NO_ERRORS: FieldErrors = {};

/**
 * The result of a submission above the form: a version conflict with its choices, the error
 * summary (announced and focused, each field in error linked), or the success message.
 */
export function FormMessages({
  error,
  fieldErrors,
  success,
  conflict,
  onReapply,
  onDiscard,
}: {
  error?: string;
  /** From useActionForm: a new object at each failed submission, which moves the focus to the summary. */
  fieldErrors?: FieldErrors;
  success?: string;
  conflict?: ConflictDetails;
  onReapply?: () => void;
  onDiscard?: () => void;
}) {
  if (conflict && onReapply)
    return <ConflictNotice conflict={conflict} onReapply={onReapply} onDiscard={onDiscard ?? (() => window.location.reload())} />;
  if (error) return <ErrorSummary message={error} errors={fieldErrors ?? NO_ERRORS} />;
  if (success) return <Alert tone="info">{success}</Alert>;
  return null;
}
