import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { MAGIC_LINK_VALIDITY } from "@/lib/auth/magic-link";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/options";
import { formatCount } from "@/lib/format";
import { RETENTION } from "@/lib/privacy/retention";
import { publicPageMetadata } from "@/lib/public-pages/metadata";

const title = "Données personnelles";

export const metadata = publicPageMetadata({
  title,
  description: "Ce que la plateforme OpenCLS garde sur vous, pourquoi, combien de temps, et comment exercer vos droits.",
  path: "/confidentialite",
});

const nbsp = "\u00a0";

/** The privacy notice (RGPD articles 13 and 14): what is kept, why, for how long, who to ask. */
export default function PrivacyNoticePage() {
  const contact = process.env.OPENCLS_PRIVACY_CONTACT?.trim();
  return (
    <>
      <PageHeader title={title} eyebrow={<Breadcrumb items={[{ label: "Accueil", href: "/" }, { label: title }]} />}>
        <p>Ce que cette plateforme garde sur vous, pourquoi, combien de temps, et comment exercer vos droits.</p>
      </PageHeader>
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <Section id="responsable" title="Qui est responsable">
          <p className="max-w-3xl">
            Le responsable du traitement est l’organisme qui exploite cette instance d’OpenCLS pour le suivi des contrats locaux de santé de
            ses territoires.
            {contact ? (
              <>
                {" "}
                Pour toute question ou demande, écrivez à <a href={`mailto:${contact}`}>{contact}</a>.
              </>
            ) : (
              <> Pour toute question ou demande, adressez-vous à la coordination de votre contrat local de santé, qui la transmettra.</>
            )}
          </p>
        </Section>
        <Section id="donnees" title="Ce qui est gardé, pourquoi et combien de temps">
          <div className="max-w-3xl">
            <Table
              caption="Données personnelles conservées, finalité et durée de conservation"
              className="table-fixed [overflow-wrap:anywhere] sm:[overflow-wrap:normal]"
              headRowClassName="border-b border-slate-300"
              headCellClassName="py-2 pr-4 font-semibold last:pr-0"
              bodyClassName="align-top"
              columns={[{ label: "Données" }, { label: "Pourquoi" }, { label: "Combien de temps" }]}
            >
              <Row
                data="Compte : adresse e-mail, nom, mot de passe (chiffré, jamais lisible), rôles"
                purpose="Vous connecter et vous donner accès aux contrats de votre périmètre"
                duration="Tant que le compte existe"
              />
              <Row
                data="Journal des modifications : qui a modifié quoi et quand, avec l’adresse IP"
                purpose="Garder l’historique des contrats, signataires et engagements, et retrouver l’origine d’une modification"
                duration={`L’événement suit le contrat ; l’adresse IP est effacée après ${formatCount(RETENTION.auditIpDays, "jour", "jours")}`}
              />
              <Row
                data="Tentatives de connexion échouées : adresse e-mail saisie et adresse IP"
                purpose="Ralentir qui devine des mots de passe"
                duration={formatCount(RETENTION.signInFailureMinutes, "minute", "minutes")}
              />
              <Row
                data="Nombre de requêtes faites à l’API de données ouvertes, par adresse IP (sous forme d’empreinte, pas l’adresse elle-même)"
                purpose="Limiter le nombre de requêtes par minute, pour que l’API reste disponible pour tous"
                duration={formatCount(RETENTION.apiRateLimitMinutes, "minute", "minutes")}
              />
              <Row
                data="Adresses depuis lesquelles vous vous êtes connecté (sous forme d’empreinte, pas l’adresse elle-même)"
                purpose="Ne jamais vous bloquer depuis votre poste habituel pendant une attaque"
                duration={`${formatCount(RETENTION.knownAddressDays, "jour", "jours")} après la dernière connexion`}
              />
              <Row
                data="Cookie de session (strictement nécessaire, sans traceur)"
                purpose="Vous garder connecté"
                duration={`${formatCount(SESSION_MAX_AGE_SECONDS / 3600, "heure", "heures")}, ou jusqu’à la déconnexion`}
              />
              <Row
                data="Notifications (échéances de vos fiches et engagements) et trace des rappels envoyés par e-mail"
                purpose="Vous prévenir de ce qui arrive à échéance, et n’envoyer chaque rappel qu’une fois"
                duration={`Notifications\u00a0: ${formatCount(RETENTION.notificationDays, "jour", "jours")}\u00a0; trace des envois\u00a0: ${formatCount(RETENTION.mailDeliveryDays, "jour", "jours")}`}
              />
              <Row
                data="Liens de connexion et invitations envoyés par e-mail"
                purpose="Vous connecter sans mot de passe, rejoindre un territoire"
                duration={`Lien de connexion : ${MAGIC_LINK_VALIDITY} ; invitation : 7${nbsp}jours`}
              />
            </Table>
          </div>
          <p className="mt-4 max-w-3xl">
            Les effacements sont faits chaque nuit par une tâche automatique. La plateforme n’utilise ni outil de mesure d’audience, ni
            publicité, ni cookie tiers, et ne vend ni ne cède aucune donnée.
          </p>
        </Section>
        <Section id="base-legale" title="Sur quelle base">
          <p className="max-w-3xl">
            Le suivi des contrats locaux de santé relève d’une mission d’intérêt public des collectivités, des agences régionales de santé
            et de leurs partenaires (article 6.1.e du RGPD). La sécurité des comptes et le journal des modifications en font partie.
          </p>
        </Section>
        <Section id="droits" title="Vos droits">
          <p className="max-w-3xl">
            Vous pouvez demander l’accès à vos données, leur rectification, leur effacement ou la limitation de leur traitement, et vous
            opposer à celui-ci, auprès du responsable ci-dessus. Si vous estimez, après l’avoir contacté, que vos droits ne sont pas
            respectés, vous pouvez adresser une réclamation à la CNIL (cnil.fr).
          </p>
        </Section>
      </div>
    </>
  );
}

function Row({ data, purpose, duration }: { data: string; purpose: string; duration: string }) {
  return (
    <tr className="border-b border-slate-200">
      <td className="py-2 pr-4">{data}</td>
      <td className="py-2 pr-4">{purpose}</td>
      <td className="py-2">{duration}</td>
    </tr>
  );
}
