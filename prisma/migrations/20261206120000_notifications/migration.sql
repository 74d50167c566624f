-- Notifications and reminders (issue 12, docs/adr/0008-reminders-and-notifications.md): the
-- in-app notification centre, the e-mails sent (one per user, kind and period), and which
-- e-mails each user accepts.

CREATE TABLE "Notification" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "kind" VARCHAR(60) NOT NULL,
    "subjectId" UUID NOT NULL,
    "period" VARCHAR(40) NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "context" VARCHAR(300),
    "href" VARCHAR(500) NOT NULL,
    "dueOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),
    "mailedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id"),
    -- Links stay inside the app: a notice can never send its reader elsewhere ("//host" and
    -- "/\host" are other hosts to a browser).
    CONSTRAINT "Notification_href_check" CHECK ("href" LIKE '/%' AND "href" NOT LIKE '//%' AND "href" NOT LIKE '/\\%')
);

CREATE UNIQUE INDEX "Notification_userId_kind_subjectId_period_key" ON "Notification"("userId", "kind", "subjectId", "period");
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt" DESC);
-- The morning's recipients (notices of the last days not mailed yet) and the purge read by date.
CREATE INDEX "Notification_createdAt_idx" ON "Notification"("createdAt");
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "MailDelivery" (
    "userId" UUID NOT NULL,
    "kind" VARCHAR(20) NOT NULL,
    "period" VARCHAR(20) NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailDelivery_pkey" PRIMARY KEY ("userId","kind","period")
);

CREATE INDEX "MailDelivery_sentAt_idx" ON "MailDelivery"("sentAt");
ALTER TABLE "MailDelivery" ADD CONSTRAINT "MailDelivery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "MailPreference" (
    "userId" UUID NOT NULL,
    "dailyReminders" BOOLEAN NOT NULL DEFAULT true,
    "weeklyDigest" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MailPreference_pkey" PRIMARY KEY ("userId")
);

ALTER TABLE "MailPreference" ADD CONSTRAINT "MailPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "DevEmail" ADD COLUMN "headers" JSONB;
