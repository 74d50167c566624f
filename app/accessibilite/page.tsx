import type { ReactNode } from "react";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { ACCESSIBILITY_STATEMENT as statement, CONFORMITY_LABELS, statementPublisher } from "@/lib/accessibility/statement";
import { formatDate } from "@/lib/format";
import { publicBaseUrl } from "@/lib/http/public-url";
import { publicPageMetadata } from "@/lib/public-pages/metadata";

const title = "Déclaration d’accessibilité";

export const metadata = publicPageMetadata({
  title,
  description: `État de conformité d’OpenCLS au ${statement.referential}, résultats de l’autoévaluation, défauts connus, plan d’action et voies de recours.`,
  path: "/accessibilite",
});

/** The accessibility statement (RGAA 4.1, the model of numerique.gouv.fr), from lib/accessibility/statement.ts. */
export default function AccessibilityStatementPage() {
  const publisher = statementPublisher();
  const entity = publisher.name ?? "L’organisme qui exploite cette instance d’OpenCLS";
  const site = publicBaseUrl().origin;
  const status = CONFORMITY_LABELS[statement.conformity];

  return (
    <>
      <PageHeader title={title} eyebrow={<Breadcrumb items={[{ label: "Accueil", href: "/" }, { label: title }]} />}>
        <p>
          {entity} s’engage à rendre ses services numériques accessibles, conformément à l’article 47 de la loi n°&nbsp;2005-102 du
          11&nbsp;février 2005. À cette fin, le <a href="#schema">schéma pluriannuel et les plans d’action</a> décrits ci-dessous sont mis
          en œuvre.
        </p>
      </PageHeader>
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <Section id="etat" title="État de conformité">
          <Prose>
            <p>
              Cette déclaration d’accessibilité s’applique à <span className="[overflow-wrap:anywhere]">{site}</span>, une instance du
              logiciel libre OpenCLS.
            </p>
            <p>
              Ce site est <strong>{status}</strong> avec le référentiel général d’amélioration de l’accessibilité ({statement.referential}
              ). {statement.conformityReason}
            </p>
          </Prose>
        </Section>

        <Section id="resultats" title="Résultats des tests">
          <Prose>
            <p>
              {statement.auditBy} Elle a porté sur les pages de l’échantillon listées plus bas. Aucun taux de critères respectés n’est
              donné&nbsp;: il faudrait pour cela évaluer chacun des 106 critères.
            </p>
          </Prose>
          <ul className="mt-4 max-w-3xl space-y-4" aria-label="Ce que l’autoévaluation a vérifié, et ce qu’elle a constaté">
            {statement.checks.map((check) => (
              <li key={check.topic} className="border-l-4 border-brand-700 pl-4">
                <h3 className="font-semibold text-slate-900">{check.topic}</h3>
                <dl className="mt-1 space-y-1">
                  {[
                    ["Critères", check.criteria],
                    ["Méthode", check.how],
                    ["Résultat", check.result],
                  ].map(([label, value]) => (
                    <div key={label}>
                      <dt className="inline text-slate-600">{label}&nbsp;: </dt>
                      <dd className="inline">{value}</dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ul>
          <Prose>
            <h3 className="mt-6 font-semibold text-slate-900">Ce qui n’a pas encore été vérifié</h3>
            <BulletList items={statement.unchecked} />
          </Prose>
        </Section>

        <Section id="contenus" title="Contenus non accessibles">
          <Prose>
            <h3 className="font-semibold text-slate-900">Non-conformités</h3>
            <BulletList items={statement.nonConformities} />
            <h3 className="font-semibold text-slate-900">Défauts trouvés et corrigés</h3>
            <BulletList items={statement.corrected} />
            <h3 className="font-semibold text-slate-900">Dérogations pour charge disproportionnée</h3>
            {statement.derogations.length ? <BulletList items={statement.derogations} /> : <p>Aucune.</p>}
            <h3 className="font-semibold text-slate-900">Contenus non soumis à l’obligation d’accessibilité</h3>
            <BulletList items={statement.exempt} />
          </Prose>
        </Section>

        <Section id="etablissement" title="Établissement de cette déclaration">
          <Prose>
            <p>
              Cette déclaration a été établie le {formatDate(statement.statementDate)}, d’après l’autoévaluation du{" "}
              {formatDate(statement.auditDate)}.
            </p>
            <h3 className="font-semibold text-slate-900">Technologies utilisées pour la réalisation du site</h3>
            <BulletList items={statement.technologies} />
            <h3 className="font-semibold text-slate-900">Environnement de test</h3>
            <BulletList items={statement.environment} />
            <h3 className="font-semibold text-slate-900">Outils pour évaluer l’accessibilité</h3>
            <BulletList items={statement.tools} />
            <h3 className="font-semibold text-slate-900">Pages du site ayant fait l’objet de la vérification de conformité</h3>
            <ul className="list-disc space-y-1 pl-5">
              {statement.sample.map((page) => (
                <li key={page.where}>
                  {page.title} (<code className="[overflow-wrap:anywhere]">{page.where}</code>)
                  {page.checked ? "" : "\u00a0: mise en ligne après l’autoévaluation, pas encore vérifiée"}
                </li>
              ))}
            </ul>
          </Prose>
        </Section>

        <Section id="contact" title="Retour d’information et contact">
          <Prose>
            <p>
              Si vous n’arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter le responsable du site pour être orienté
              vers une alternative accessible ou obtenir le contenu sous une autre forme.
            </p>
            {publisher.contact ? (
              <p>
                Écrivez à <a href={`mailto:${publisher.contact}`}>{publisher.contact}</a> en décrivant la page et le problème rencontré.
              </p>
            ) : (
              <p>
                Adressez-vous à la coordination du contrat local de santé concerné, qui transmettra votre demande à l’organisme qui exploite
                le site.
              </p>
            )}
          </Prose>
        </Section>

        <Section id="recours" title="Voies de recours">
          <Prose>
            <p>
              Si vous avez signalé au responsable du site un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un service,
              et que vous n’avez pas obtenu de réponse satisfaisante, vous pouvez saisir le Défenseur des droits&nbsp;:
            </p>
            <ul className="list-disc space-y-1 pl-5">
              <li>
                par son <a href="https://formulaire.defenseurdesdroits.fr/">formulaire en ligne</a>&nbsp;;
              </li>
              <li>
                par téléphone au <a href="tel:+33969390000">09&nbsp;69&nbsp;39&nbsp;00&nbsp;00</a>&nbsp;;
              </li>
              <li>
                auprès d’un <a href="https://www.defenseurdesdroits.fr/carte-des-delegues">délégué du Défenseur des droits</a> près de chez
                vous&nbsp;;
              </li>
              <li>
                par courrier, gratuit et sans timbre&nbsp;:
                <address className="not-italic">Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07</address>
              </li>
            </ul>
          </Prose>
        </Section>

        <Section id="schema" title="Schéma pluriannuel de mise en accessibilité">
          <Prose>
            <p>
              L’accessibilité fait partie de chaque évolution d’OpenCLS&nbsp;: une nouvelle page n’est publiée qu’une fois passée sans
              erreur par les tests automatiques, et les parcours de saisie sont testés au clavier. Le schéma couvre les années{" "}
              {statement.plan[0].year} à {statement.plan.at(-1)!.year}, avec un plan d’action par année.
            </p>
            {statement.plan.map((plan) => (
              <div key={plan.year} className="space-y-1">
                <h3 className="font-semibold text-slate-900">
                  Plan d’action {plan.year} {plan.done ? "(réalisé)" : "(prévu)"}
                </h3>
                <BulletList items={plan.actions} />
              </div>
            ))}
          </Prose>
        </Section>
      </div>
    </>
  );
}

function Prose({ children }: { children: ReactNode }) {
  return <div className="max-w-3xl space-y-3">{children}</div>;
}

function BulletList({ items }: { items: readonly string[] }) {
  return (
    <ul className="list-disc space-y-1 pl-5">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
