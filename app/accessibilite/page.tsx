import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";

export const metadata: Metadata = { title: "Déclaration d’accessibilité" };

export default function AccessibilityStatementPage() {
  return (
    <>
      <PageHeader title="Déclaration d’accessibilité">
        <p>OpenCLS s’engage à rendre ses pages accessibles conformément à l’article 47 de la loi n°&nbsp;2005-102 du 11 février 2005.</p>
      </PageHeader>
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <Section id="etat" title="État de conformité">
          <p className="max-w-3xl">
            OpenCLS est <strong>non conforme</strong> au référentiel général d’amélioration de l’accessibilité (RGAA 4.1)&nbsp;: aucun audit
            de conformité n’a encore été réalisé. Chaque page publique est vérifiée automatiquement (outil axe-core, aucune erreur tolérée)
            et utilisable au clavier seul, mais ces tests ne remplacent pas un audit.
          </p>
        </Section>
        <Section id="recours" title="Signaler un défaut d’accessibilité">
          <p className="max-w-3xl">
            Si vous ne parvenez pas à accéder à un contenu, contactez le coordinateur ou la coordinatrice du contrat local de santé concerné
            pour obtenir une alternative accessible. Vous pouvez aussi saisir le Défenseur des droits.
          </p>
        </Section>
      </div>
    </>
  );
}
