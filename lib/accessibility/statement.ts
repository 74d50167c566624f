// The accessibility statement's facts (RGAA 4.1, following the model of numerique.gouv.fr):
// what was checked, when, how, what was found and what is planned. /accessibilite renders them;
// a new audit changes this module only. Write down what a check found, never a hoped-for result.

/** The three states the RGAA allows; "non" until an audit of every criterion gives a rate. */
export type ConformityStatus = "totale" | "partielle" | "non";

export const CONFORMITY_LABELS: Record<ConformityStatus, string> = {
  totale: "totalement conforme",
  partielle: "partiellement conforme",
  non: "non conforme",
};

export type SamplePage = {
  title: string;
  /** Where the page is (a workspace page is described, its address differs per contract). */
  where: string;
  /** Whether the self-audit checked it; a page put online after the audit says so. */
  checked: boolean;
};

export type Check = { topic: string; criteria: string; how: string; result: string };

export type PlanYear = { year: number; done: boolean; actions: readonly string[] };

const nbsp = "\u00a0";

export const ACCESSIBILITY_STATEMENT = {
  referential: "RGAA version 4.1",
  conformity: "non" as ConformityStatus,
  /** Why the status is what it is (the RGAA's rule, and what the audit did not cover). */
  conformityReason:
    "Aucun audit des 106 critères du RGAA n’a encore été réalisé\u00a0: l’autoévaluation décrite ci-dessous n’en couvre qu’une partie, et sans taux de conformité mesuré, le RGAA impose l’état «\u00a0non conforme\u00a0».",
  statementDate: new Date("2026-12-07T00:00:00Z"),
  auditDate: new Date("2026-12-07T00:00:00Z"),
  auditBy:
    "Autoévaluation menée par l’équipe de développement d’OpenCLS sur une instance de démonstration (données fictives et contrats publics réels).",
  technologies: ["HTML5", "CSS", "JavaScript (React, Next.js)", "WAI-ARIA", "SVG (graphiques)"],
  environment: [
    "Chromium 150 sous Linux (Debian 12), piloté par Playwright 1.65",
    "Largeurs d’écran de 1440, 375 et 320 pixels",
    "Aucune technologie d’assistance (lecteur d’écran, loupe, commande vocale) n’a encore été utilisée",
  ],
  tools: [
    `axe-core 4.13 (règles WCAG${nbsp}2 de niveaux A et AA et bonnes pratiques), lancé sur chaque page visitée par les tests de bout en bout, aucune erreur tolérée`,
    "Navigation au clavier seul (Tab, Maj+Tab, Entrée, Espace, flèches), parcourue par un script qui relève chaque arrêt et son indicateur de focus",
    "Feuille de style d’espacement du texte (WCAG 1.4.12) et mesure du défilement horizontal",
    "Calcul des contrastes des textes et éléments graphiques que axe-core ne sait pas mesurer (graphiques SVG)",
  ],
  sample: [
    { title: "Accueil", where: "/", checked: true },
    { title: "Page d’un territoire et de son contrat", where: "/territoires/territoire-de-demonstration", checked: true },
    { title: "Page publique d’une fiche action", where: "/territoires/territoire-de-demonstration/cls-1/fiches/1", checked: true },
    { title: "Recherche", where: "/recherche", checked: true },
    { title: "Données ouvertes", where: "/donnees", checked: true },
    { title: "Connexion", where: "/connexion", checked: true },
    { title: "Déclaration d’accessibilité", where: "/accessibilite", checked: true },
    { title: "Données personnelles", where: "/confidentialite", checked: true },
    { title: "Espace de travail\u00a0: page d’un contrat", where: "/espace/<territoire>/contrats/<contrat>", checked: true },
    {
      title: "Espace de travail\u00a0: formulaire de modification d’une fiche action",
      where: "/espace/<territoire>/contrats/<contrat>/fiches/<fiche>",
      checked: true,
    },
  ] satisfies SamplePage[],
  /** What the self-audit checked, and what it found. */
  checks: [
    {
      topic: "Tests automatiques",
      criteria: "Contrastes (3.2), étiquettes de formulaires (11.1), structure (9.1), ARIA (7.1)…",
      how: "axe-core sur chaque page de l’échantillon, à 375 et 1440 pixels",
      result:
        "Une erreur, sur le formulaire d’une fiche publiée, corrigée depuis (voir plus bas)\u00a0; aucune sur les autres pages. Les textes des graphiques SVG, que l’outil ne mesure pas, ont été calculés à part\u00a0: contraste de 10,3:1 pour les axes, 5:1 au moins pour les légendes, 3:1 au moins pour les barres.",
    },
    {
      topic: "Clavier et focus",
      criteria: "Lien d’évitement (12.7), ordre de tabulation (12.8), piège au clavier (12.9), focus visible (10.7)",
      how: "Chaque page parcourue de bout en bout à la touche Tab",
      result:
        "Le lien d’évitement est le premier arrêt, chaque élément interactif est atteint dans l’ordre de lecture et marqué d’un indicateur de focus visible. Un défaut a été trouvé puis corrigé (voir plus bas).",
    },
    {
      topic: "Adaptation à l’écran",
      criteria: "Défilement horizontal (10.11), espacement du texte (10.12)",
      how: "Pages affichées à 320 et 375 pixels de large, puis avec l’espacement du texte augmenté",
      result: "Aucun défilement horizontal, aucun texte tronqué ou masqué.",
    },
    {
      topic: "Structure",
      criteria: "Titre de page (8.5, 8.6), langue (8.3), titres (9.1), zones (12.6)",
      how: "Lecture du code de chaque page",
      result:
        "Titre propre à chaque page, langue française déclarée, un seul titre de niveau 1 sans saut de niveau, en-tête, navigation, contenu et pied de page balisés.",
    },
    {
      topic: "Images et graphiques",
      criteria: "Alternatives (1.1, 1.3), images complexes (1.6)",
      how: "Inventaire des images et des graphiques de l’échantillon",
      result: "Aucune image porteuse d’information sans alternative\u00a0; chaque graphique est accompagné d’un tableau de ses données.",
    },
  ] satisfies Check[],
  /** Criteria the self-audit did not cover: the next audit's work. */
  unchecked: [
    "La restitution par les lecteurs d’écran (NVDA, JAWS, VoiceOver, TalkBack) et la commande vocale",
    "L’agrandissement du texte seul à 200\u00a0% (10.4) et l’affichage en orientation paysage sur mobile (13.9)",
    "Les navigateurs autres que Chromium (Firefox, Safari)",
    "La pertinence des intitulés de liens et des textes saisis par les territoires (6.1, 8.9)",
    "Les limites de temps (13.1)\u00a0: une session de connexion dure 8\u00a0heures, la conservation d’une saisie en cours à son expiration n’a pas été vérifiée",
    "Les pages de l’espace de travail hors échantillon (tableaux de bord, évaluations, import, administration), que les tests automatiques couvrent mais qui n’ont pas été parcourues au clavier",
  ],
  nonConformities: [
    "Les exports PDF (contrat, rapport d’évaluation) de l’espace de travail ne sont pas des PDF balisés\u00a0: titres et ordre de lecture n’y sont pas structurés pour les technologies d’assistance (13.3). Le contrat existe aussi en tableur (.xlsx) et le rapport en document texte (.docx), dont l’accessibilité reste à vérifier.",
  ],
  /** Defects the audit found and that were corrected before this statement was published. */
  corrected: [
    "Sur le formulaire d’une fiche publiée, le nom que les technologies d’assistance donnent au bouton «\u00a0Retirer de la publication\u00a0» ne reprenait pas ses mots visibles, ce qui gêne la commande vocale (11.9)\u00a0: corrigé le 7\u00a0décembre 2026.",
    "Dans les formulaires de l’espace de travail, la touche Tab depuis un champ de choix d’organisme dont la liste de suggestions était ouverte renvoyait le focus au début de la page (12.8)\u00a0: corrigé le 7\u00a0décembre 2026.",
  ],
  derogations: [] as readonly string[],
  exempt: [
    "Les documents des contrats (contrat signé, diagnostic, comptes rendus…) que les pages publiques proposent, en lien vers le site des territoires et de leurs partenaires ou en fichier qu’ils ont déposé sur la plateforme\u00a0: contenus de tiers que l’éditeur ne produit ni ne contrôle.",
  ],
  plan: [
    {
      year: 2026,
      done: true,
      actions: [
        "Tests automatiques axe-core sur chaque page visitée par les tests de bout en bout, à chaque modification du logiciel, aucune erreur tolérée",
        "Parcours au clavier des formulaires et lien d’évitement vérifiés par les tests",
        "Tableau de données pour chaque graphique",
        "Autoévaluation de l’échantillon et publication de la présente déclaration",
      ],
    },
    {
      year: 2027,
      done: false,
      actions: [
        "Audit des 106 critères du RGAA 4.1 sur l’échantillon, et publication du taux de conformité",
        "Tests avec NVDA et Firefox, VoiceOver et Safari",
        "Exports PDF balisés, vérification des exports .docx et .xlsx",
        "Vérification des pages de recherche et de données ouvertes",
      ],
    },
    {
      year: 2028,
      done: false,
      actions: [
        "Correction des non-conformités relevées par l’audit de 2027, puis audit de contrôle",
        "Tests avec des personnes en situation de handicap",
        "Guide de rédaction accessible pour les coordinations (titres, liens, documents joints)",
      ],
    },
  ] satisfies PlanYear[],
};

/**
 * Who publishes this instance, and where users report a defect: OPENCLS_OPERATOR_NAME and
 * OPENCLS_ACCESSIBILITY_CONTACT, else the privacy contact the operator already gives.
 */
export function statementPublisher(env: Record<string, string | undefined> = process.env) {
  return {
    name: env.OPENCLS_OPERATOR_NAME?.trim() || null,
    contact: env.OPENCLS_ACCESSIBILITY_CONTACT?.trim() || env.OPENCLS_PRIVACY_CONTACT?.trim() || null,
  };
}

/** The footer's line: the RGAA asks every page to show the compliance status. */
export const FOOTER_CONFORMITY_LABEL = `Accessibilité\u00a0: ${CONFORMITY_LABELS[ACCESSIBILITY_STATEMENT.conformity]}`;
