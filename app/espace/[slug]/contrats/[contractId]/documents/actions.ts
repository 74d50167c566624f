"use server";

import { serverAction } from "@/lib/actions/server";
import { createDocument, deleteDocument, removeDocumentFile, updateDocument } from "@/lib/documents/mutations";

export const createDocumentAction = serverAction(createDocument);
export const updateDocumentAction = serverAction(updateDocument);
export const removeDocumentFileAction = serverAction(removeDocumentFile);
export const deleteDocumentAction = serverAction(deleteDocument);
