-- AlterTable
ALTER TABLE "User" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "KnownSignInAddress" (
    "userId" UUID NOT NULL,
    "addressHash" VARCHAR(64) NOT NULL,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KnownSignInAddress_pkey" PRIMARY KEY ("userId","addressHash")
);

-- CreateIndex
CREATE INDEX "KnownSignInAddress_lastSeenAt_idx" ON "KnownSignInAddress"("lastSeenAt");

-- AddForeignKey
ALTER TABLE "KnownSignInAddress" ADD CONSTRAINT "KnownSignInAddress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Old failure keys ("email:", "ip:") are not read any more.
DELETE FROM "SignInFailure";
