using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsMeta.Api.Data.Migrations.Postgres
{
    /// <summary>
    /// The search index's ranking vector (title and lead), which ts_rank scores instead of the whole
    /// document. Left empty here: the analysed text is made in .NET, and start-up indexes again every row
    /// without it (PostgresSearchIndex.IndexedIdsAsync). The model is unchanged (the table is raw SQL).
    /// </summary>
    public partial class SearchRankVector : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"ArticleSearch\" ADD COLUMN \"Rank\" tsvector;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"ArticleSearch\" DROP COLUMN \"Rank\";");
        }
    }
}
