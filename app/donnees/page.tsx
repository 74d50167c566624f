import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { SelectField } from "@/components/ui/select-field";
import { formatNumber } from "@/lib/format";
import { DEFAULT_API_RATE_LIMIT } from "@/lib/http/config";
import { API_BASE_PATH } from "@/lib/open-data/http";
import { OPEN_DATA_LICENCE } from "@/lib/open-data/openapi";
import { listOpenDataRegions } from "@/lib/open-data/queries";
import { publicPageMetadata } from "@/lib/public-pages/metadata";
import { COLLECTION_NAMES, COLLECTIONS, PAGE_LIMIT, PARAMETER_DESCRIPTIONS, FILTER_NAMES } from "@/lib/open-data/schema";

export const dynamic = "force-dynamic";

const title = "Données ouvertes";

export const metadata = publicPageMetadata({
  title,
  description:
    "Les données publiques des contrats locaux de santé\u00a0: une API en lecture seule, des fichiers CSV et leurs schémas, sous Licence Ouverte.",
  path: "/donnees",
});

/** A description that follows a colon. */
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

const code = "rounded bg-slate-100 px-1 py-0.5 font-mono text-sm [overflow-wrap:anywhere]";

export default async function OpenDataPage() {
  const regions = await listOpenDataRegions();
  return (
    <>
      <PageHeader title={title} eyebrow={<Breadcrumb items={[{ label: "Accueil", href: "/" }, { label: title }]} />}>
        <p>
          Les contrats locaux de santé publiés sur OpenCLS sont des données publiques. Chacun peut les lire, les télécharger et les
          réutiliser, sans compte&nbsp;: par une API en lecture seule ou en fichiers CSV décrits par leur schéma.
        </p>
      </PageHeader>
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <Section
          id="region"
          title="Télécharger les fiches actions d’une région"
          description={<p>Toutes les fiches actions publiées des contrats de la région, en un fichier CSV.</p>}
        >
          <form method="get" action={`${API_BASE_PATH}/fiches.csv`} className="flex flex-col gap-3 sm:flex-row sm:items-end">
            <SelectField
              label="Région"
              name="region"
              placeholder="Toutes les régions"
              defaultValue=""
              options={regions.map((region) => ({ value: region.inseeCode, label: region.name }))}
            />
            <button type="submit" className="button button-primary self-start sm:self-auto">
              Télécharger le fichier CSV
            </button>
          </form>
        </Section>

        <Section id="publie" title="Ce qui est publié">
          <div className="max-w-3xl space-y-3">
            <p>
              Seul ce que les coordinations des contrats publient y figure, comme sur les pages publiques des territoires&nbsp;: les
              contrats publiés, leurs axes, signataires et partenaires, et les fiches actions dans la version publiée, avec leurs objectifs,
              les engagements des partenaires, les indicateurs et leurs mesures, et les lignes de budget.
            </p>
            <p>
              N’y figurent jamais les contrats en préparation non publiés, les fiches confidentielles, ni les champs qu’une coordination
              retient pour une fiche (son budget, le nom ou l’adresse e-mail du contact pilote). Les territoires sont décrits par leurs
              codes officiels (codes INSEE de la région, des départements et des communes, SIREN), les organisations par leur SIREN.
            </p>
          </div>
        </Section>

        <Section id="collections" title="Les collections">
          <ul className="divide-y divide-slate-200">
            {COLLECTION_NAMES.map((name) => {
              const collection = COLLECTIONS[name];
              return (
                <li key={name} className="py-4 first:pt-0 last:pb-0">
                  <h3 className="font-semibold text-slate-900">{collection.title}</h3>
                  <p className="mt-1 max-w-3xl text-slate-700">{collection.description}</p>
                  <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
                    <li>
                      <a href={`${API_BASE_PATH}/${name}`}>
                        JSON<span className="sr-only">&nbsp;: {collection.title}</span>
                      </a>
                    </li>
                    <li>
                      <a href={`${API_BASE_PATH}/${name}.csv`}>
                        CSV<span className="sr-only">&nbsp;: {collection.title}</span>
                      </a>
                    </li>
                    <li>
                      <a href={`${API_BASE_PATH}/${name}.schema.json`}>
                        Schéma du CSV<span className="sr-only">&nbsp;: {collection.title}</span>
                      </a>
                    </li>
                  </ul>
                </li>
              );
            })}
          </ul>
        </Section>

        <Section id="api" title="L’API">
          <div className="max-w-3xl space-y-3">
            <p>
              L’API répond en JSON à l’adresse <code className={code}>{API_BASE_PATH}</code>. Sa description complète, au format OpenAPI
              3.1, est à l’adresse <a href={`${API_BASE_PATH}/openapi.json`}>{`${API_BASE_PATH}/openapi.json`}</a>.
            </p>
            <p>
              Chaque collection se lit par pages de {PAGE_LIMIT.default} lignes (paramètre <code className={code}>limit</code>, jusqu’à{" "}
              {PAGE_LIMIT.max})&nbsp;: chaque page donne l’adresse de la suivante dans <code className={code}>links.next</code>, qui vaut{" "}
              <code className={code}>null</code> à la dernière. Par exemple{" "}
              <a href={`${API_BASE_PATH}/fiches?region=84&limit=10`}>{`${API_BASE_PATH}/fiches?region=84&limit=10`}</a>.
            </p>
            <p>Les paramètres qui filtrent les lignes, selon la collection&nbsp;:</p>
            <ul className="list-disc space-y-1 pl-5">
              {FILTER_NAMES.map((filter) => (
                <li key={filter}>
                  <code className={code}>{filter}</code>&nbsp;: {lowerFirst(PARAMETER_DESCRIPTIONS[filter])}
                </li>
              ))}
            </ul>
            <p>
              Chaque adresse IP peut faire {formatNumber(DEFAULT_API_RATE_LIMIT)} requêtes par minute&nbsp;; au-delà, l’API répond 429 et
              dit combien de secondes attendre (en-tête <code className={code}>Retry-After</code>). Les réponses portent un{" "}
              <code className={code}>ETag</code> et peuvent être gardées 5&nbsp;minutes&nbsp;; l’API se lit depuis n’importe quel site
              (CORS).
            </p>
          </div>
        </Section>

        <Section id="formats" title="Les fichiers CSV">
          <div className="max-w-3xl space-y-3">
            <p>
              Les fichiers sont encodés en UTF-8, sans marque d’ordre des octets, avec des virgules pour séparer les colonnes, une ligne
              d’en-tête aux noms stables, les dates au format AAAA-MM-JJ et les nombres décimaux avec un point. Une cellule qui contient
              plusieurs valeurs les sépare par des points-virgules. Chaque fichier est décrit par un schéma au format Table Schema, comme
              ceux de schema.data.gouv.fr. Les lignes de budget reprennent les noms de colonnes du schéma SCDL «&nbsp;subventions&nbsp;»
              quand ils s’appliquent (nomAttribuant, montant, objet).
            </p>
            <p>
              Dans Excel, ouvrez un fichier par Données, puis À partir d’un fichier texte/CSV, en choisissant l’encodage UTF-8 et la virgule
              pour délimiteur. LibreOffice Calc propose ces choix à l’ouverture du fichier.
            </p>
          </div>
        </Section>

        <Section id="licence" title="Licence">
          <p className="max-w-3xl">
            Les données sont diffusées sous la <a href={OPEN_DATA_LICENCE.url}>{OPEN_DATA_LICENCE.name}</a> (Etalab)&nbsp;: vous pouvez les
            réutiliser librement, y compris commercialement, en mentionnant leur source (cette plateforme et le territoire concerné) et la
            date de leur dernière mise à jour. Le logiciel OpenCLS lui-même est distribué sous licence MIT.
          </p>
        </Section>
      </div>
    </>
  );
}
