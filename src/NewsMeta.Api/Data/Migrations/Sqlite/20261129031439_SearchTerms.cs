using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsMeta.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Per-term document counts of the full-text index, read by keyword extraction (TF-IDF). A view over
            // the FTS5 index itself: nothing to keep in step.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ArticleSearchTerms USING fts5vocab(ArticleSearch, 'row');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS ArticleSearchTerms;");
        }
    }
}
