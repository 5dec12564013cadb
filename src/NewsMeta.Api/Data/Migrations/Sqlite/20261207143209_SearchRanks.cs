using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsMeta.Api.Data.Migrations.Sqlite
{
    /// <summary>
    /// The search ranking index on SQLite (SqliteSearchIndex.TopForStem), as PostgreSQL's "ArticleSearchTerms":
    /// one row per word of an article's title and lead with the score a one-word query gives it and the
    /// article's publishedAt, so a one-word search reads its top matches down one index instead of ranking
    /// every match with bm25. The scores are computed by the service, so start-up fills the rows (an indexed
    /// article without any counts as not indexed). The model is unchanged (the table is raw SQL, like
    /// "ArticleSearch"; "ArticleSearchTerms" is already FTS5's vocabulary table here).
    /// </summary>
    public partial class SearchRanks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE ArticleSearchRanks (
                    ArticleId INTEGER NOT NULL REFERENCES Articles (Id) ON DELETE CASCADE,
                    Term TEXT NOT NULL,
                    Score REAL NOT NULL,
                    PublishedAt TEXT NOT NULL,
                    PRIMARY KEY (ArticleId, Term)) WITHOUT ROWID;
                CREATE INDEX IX_ArticleSearchRanks_Rank ON ArticleSearchRanks (Term, Score DESC, PublishedAt DESC, ArticleId DESC);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS ArticleSearchRanks;");
        }
    }
}
