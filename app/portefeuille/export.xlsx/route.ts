// The portfolio's filtered list as an .xlsx workbook: every contract the filters select (the
// portfolio's cap bounds it), for whoever follows the region; a refusal is a 404.
import type { NextRequest } from "next/server";
import { fileDownload, forSignedIn } from "@/lib/auth/route";
import { getPortfolio } from "@/lib/portfolio/queries";
import { readPortfolioQuery } from "@/lib/portfolio/schema";
import { portfolioWorkbook } from "@/lib/portfolio/xlsx";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const params = readPortfolioQuery(request.nextUrl.searchParams);
  return forSignedIn(request, {}, async (actor) => {
    const portfolio = await getPortfolio(actor, params, { all: true });
    return fileDownload(await portfolioWorkbook(portfolio), `portefeuille-${portfolio.region.slug}.xlsx`);
  });
}
