"use client";

import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

export function SignOutButton({ callbackUrl = "/" }: { callbackUrl?: string }) {
  return (
    <Button variant="quiet" className="px-0 py-0 text-sm" onClick={() => signOut({ callbackUrl })}>
      Se déconnecter
    </Button>
  );
}
