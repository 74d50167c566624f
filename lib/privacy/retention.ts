// How long personal data is kept (RGPD: limited retention), in one place: the privacy notice
// (/confidentialite) shows these figures and the nightly purge applies them.
import { KNOWN_ADDRESS_RETENTION_DAYS, SIGN_IN_THROTTLE } from "@/lib/auth/rate-limit";

export const RETENTION = {
  /** IP addresses in the audit log, then erased (the event itself stays: it is the contract's history). */
  auditIpDays: 180,
  /** Addresses an account signed in from (kept as keyed hashes). */
  knownAddressDays: KNOWN_ADDRESS_RETENTION_DAYS,
  /** Failed sign-in attempts (e-mail and address), kept for the throttling window. */
  signInFailureMinutes: SIGN_IN_THROTTLE.windowMinutes,
  /** Requests to the open data API per client address (kept as keyed hashes), for its rate limit: the current minute and the one before. */
  apiRateLimitMinutes: 2,
  /** Messages of the development mailbox (development mode only). */
  devMailboxDays: 30,
  /** Notifications, counted from when they were posted. */
  notificationDays: 365,
  /** The record of which reminder e-mails were sent to whom (it keeps a day's e-mail from going twice). */
  mailDeliveryDays: 90,
} as const;
