using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsMeta.Api.Data.Migrations.Postgres
{
    /// <summary>
    /// The search ranking index (PostgresSearchIndex.TopForStem): one row per word of an article's ranking
    /// vector (title and lead) with the score a one-word query gives it and the article's publishedAt, so a
    /// one-word search reads its top matches down one index instead of ranking every match. Filled here from
    /// the ranking vectors already stored; a row still without one is indexed again at start-up, which fills
    /// its terms too. The model is unchanged (the table is raw SQL, like "ArticleSearch").
    /// </summary>
    public partial class SearchTermRanks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "ArticleSearchTerms" (
                    "ArticleId" integer NOT NULL REFERENCES "Articles" ("Id") ON DELETE CASCADE,
                    "Term" text NOT NULL,
                    "Score" real NOT NULL,
                    "PublishedAt" timestamp with time zone NOT NULL,
                    PRIMARY KEY ("ArticleId", "Term"));
                INSERT INTO "ArticleSearchTerms" ("Term", "Score", "PublishedAt", "ArticleId")
                SELECT t.lexeme, ts_rank(s."Rank", quote_literal(t.lexeme)::tsquery), a."PublishedAt", s."ArticleId"
                FROM "ArticleSearch" s JOIN "Articles" a ON a."Id" = s."ArticleId", unnest(s."Rank") AS t
                WHERE s."Rank" IS NOT NULL;
                CREATE INDEX "IX_ArticleSearchTerms_Rank" ON "ArticleSearchTerms" ("Term", "Score" DESC, "PublishedAt" DESC, "ArticleId" DESC);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"ArticleSearchTerms\";");
        }
    }
}
