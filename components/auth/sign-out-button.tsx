import { Button } from "@/components/ui/button";

/** A plain form: it works without JavaScript, and the server ends every session of the account. */
export function SignOutButton({ callbackUrl = "/" }: { callbackUrl?: string }) {
  return (
    <form method="post" action="/deconnexion">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Button type="submit" variant="quiet" className="px-0 py-0 text-sm">
        Se déconnecter
      </Button>
    </form>
  );
}
