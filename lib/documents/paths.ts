// Where a document's file downloads: on the public site (a public document of a published
// contract), and in the workspace (any document of a contract the reader reads).
export const publicDocumentPath = (territorySlug: string, documentId: string) => `/territoires/${territorySlug}/documents/${documentId}`;

export const workspaceDocumentPath = (territorySlug: string, contractId: string, documentId: string) =>
  `/espace/${territorySlug}/contrats/${contractId}/documents/${documentId}`;
