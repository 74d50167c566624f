-- The open data API's rate limit (issue 15): requests per client and fixed window, summed over
-- every app instance (lib/http/rate-limit.ts). Clients are keyed hashes of their address.

-- CreateTable
CREATE TABLE "RateLimitWindow" (
    "key" VARCHAR(120) NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "hits" INTEGER NOT NULL,

    CONSTRAINT "RateLimitWindow_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateIndex
CREATE INDEX "RateLimitWindow_windowStart_idx" ON "RateLimitWindow"("windowStart");
