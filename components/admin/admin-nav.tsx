import { TabNav } from "@/components/ui/tab-nav";

export function AdminNav({ current }: { current: "referentiel" | "membres" | "journal" }) {
  return (
    <TabNav
      label="Administration"
      tabs={[
        { href: "/admin", label: "Régions, territoires, organisations", current: current === "referentiel" },
        { href: "/admin/membres", label: "Membres et invitations", current: current === "membres" },
        { href: "/admin/journal", label: "Journal des modifications", current: current === "journal" },
      ]}
    />
  );
}
