import { TabNav } from "@/components/ui/tab-nav";
import { can, type Actor } from "@/lib/authz";

export type WorkspacePage = "contrats" | "membres" | "journal";

/** The workspace's tabs, each shown only to those its page would let in. */
export function WorkspaceNav({
  actor,
  territory,
  current,
}: {
  actor: Actor;
  territory: { slug: string; id: string; regionId: string };
  current: WorkspacePage;
}) {
  const resource = { territoryId: territory.id, regionId: territory.regionId };
  const base = `/espace/${territory.slug}`;
  const tabs = [
    { href: base, label: "Contrats", current: current === "contrats" },
    ...(can(actor, "member.manage", resource) ? [{ href: `${base}/membres`, label: "Membres", current: current === "membres" }] : []),
    ...(can(actor, "auditLog.read", resource) ? [{ href: `${base}/journal`, label: "Journal", current: current === "journal" }] : []),
  ];
  return tabs.length > 1 ? <TabNav label="Espace du territoire" tabs={tabs} /> : null;
}
